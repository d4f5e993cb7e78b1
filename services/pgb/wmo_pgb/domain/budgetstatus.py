"""The budget's life: ``berekend`` at the besluit, ``beschikt`` once intake's beschikking makes it
formal (then it goes to the SVB), ``ingetrokken`` for good. A withdrawn budget changes no more."""

from __future__ import annotations

from wmo_shared.weigering import Weigering

BEREKEND = "berekend"
BESCHIKT = "beschikt"
INGETROKKEN = "ingetrokken"


def wijzigbaar(status: str) -> None:
    """A revision or withdrawal needs a budget that is not withdrawn."""
    if status == INGETROKKEN:
        raise Weigering(
            "budget-ingetrokken",
            "Het budget is ingetrokken; het kan niet meer gewijzigd worden.",
            soort="conflict",
        )


def te_beschikken(status: str) -> None:
    """A beschikking (pgb-beschikt) cannot grant a withdrawn budget again."""
    if status == INGETROKKEN:
        raise Weigering(
            "budget-ingetrokken",
            "Het budget is ingetrokken; een beschikking kan het niet meer toekennen.",
            soort="conflict",
        )


def beschikking_van_eigen_gemeente(token_gemeente: str, event_gemeente: str) -> None:
    """The beschikking event belongs to the gemeente of the token that delivers it."""
    if event_gemeente != token_gemeente:
        raise Weigering(
            "andere-gemeente",
            "Het event hoort bij een andere gemeente dan het token.",
            veld="gemeente",
        )
