"""Horen in bezwaar: the indiener is heard before the decision (Awb 7:2) unless one of the
exceptions of 7:3 applies; the documents are open for inspection at least a week before the
hearing (7:4 lid 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wmo_intake.domain.awb.termijn import eis_reden, weigering
from wmo_intake.domain.werkdagen import datum_nl
from wmo_shared.regels import Regel

INZAGE_VOORAF = dt.timedelta(days=7)


class UitzonderingHoren(StrEnum):
    """Awb 7:3 a–e."""

    KENNELIJK_NIET_ONTVANKELIJK = "kennelijk_niet_ontvankelijk"
    KENNELIJK_ONGEGROND = "kennelijk_ongegrond"
    AFGEZIEN = "afgezien"
    NIET_GEREAGEERD = "niet_gereageerd"
    VOLLEDIG_TEGEMOETGEKOMEN = "volledig_tegemoetgekomen"


_UITZONDERING_IN_WOORDEN = {
    UitzonderingHoren.KENNELIJK_NIET_ONTVANKELIJK: (
        "het bezwaar is duidelijk niet-ontvankelijk (art. 7:3 onder a)"
    ),
    UitzonderingHoren.KENNELIJK_ONGEGROND: (
        "het bezwaar is duidelijk ongegrond: er is geen twijfel mogelijk (art. 7:3 onder b)"
    ),
    UitzonderingHoren.AFGEZIEN: (
        "de indiener heeft laten weten niet gehoord te willen worden (art. 7:3 onder c)"
    ),
    UitzonderingHoren.NIET_GEREAGEERD: (
        "de indiener heeft niet binnen de gegeven termijn laten weten gehoord te willen worden "
        "(art. 7:3 onder d)"
    ),
    UitzonderingHoren.VOLLEDIG_TEGEMOETGEKOMEN: (
        "de gemeente geeft de indiener volledig gelijk en niemand anders wordt daardoor "
        "benadeeld (art. 7:3 onder e)"
    ),
}

_MOTIVERING_NODIG = {
    UitzonderingHoren.KENNELIJK_NIET_ONTVANKELIJK,
    UitzonderingHoren.KENNELIJK_ONGEGROND,
}


@dataclass(frozen=True, slots=True)
class Hoorbeslissing:
    horen: bool
    uitzondering: UitzonderingHoren | None
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Hoorplanning:
    hoorzitting_op: dt.date
    stukken_ter_inzage_uiterlijk: dt.date
    regels: tuple[Regel, ...]


def hoorzitting_nodig(
    uitzondering: UitzonderingHoren | None = None,
    *,
    motivering: str | None = None,
    andere_belanghebbenden_benadeeld: bool = False,
) -> Hoorbeslissing:
    """AWB-7:2 / AWB-7:3: must the indiener be heard? "Kennelijk" needs a stated reason."""
    horen = Regel(
        "AWB-7:2",
        "Voordat de gemeente op het bezwaar beslist, mag de indiener zijn of haar bezwaar "
        "mondeling toelichten in een hoorzitting.",
    )
    if uitzondering is None:
        return Hoorbeslissing(True, None, (horen,))
    if uitzondering in _MOTIVERING_NODIG:
        motivering = eis_reden(
            motivering, "AWB-7:3", "afzien van horen omdat het bezwaar kennelijk"
        )
    if (
        uitzondering is UitzonderingHoren.VOLLEDIG_TEGEMOETGEKOMEN
        and andere_belanghebbenden_benadeeld
    ):
        return Hoorbeslissing(
            True,
            None,
            (
                horen,
                Regel(
                    "AWB-7:3",
                    "De gemeente geeft de indiener gelijk, maar anderen kunnen daardoor worden "
                    "benadeeld. Daarom is horen toch nodig.",
                ),
            ),
        )
    tekst = f"Er is geen hoorzitting nodig, omdat {_UITZONDERING_IN_WOORDEN[uitzondering]}."
    if motivering:
        tekst += f" Motivering: {motivering}"
    return Hoorbeslissing(False, uitzondering, (horen, Regel("AWB-7:3", tekst)))


def plan_hoorzitting(hoorzitting_op: dt.date) -> Hoorplanning:
    """AWB-7:4: the bezwaarschrift and all documents lie open for inspection at least a week
    before the hearing (counted backwards, so the Atw does not move it)."""
    inzage = hoorzitting_op - INZAGE_VOORAF
    regel = Regel(
        "AWB-7:4",
        f"De hoorzitting is op {datum_nl(hoorzitting_op)}. Het bezwaarschrift en alle stukken "
        f"liggen uiterlijk vanaf {datum_nl(inzage)} ter inzage, minstens een week vooraf. "
        "Vermeld dit in de uitnodiging.",
    )
    return Hoorplanning(hoorzitting_op, inzage, (regel,))


def toets_hoorkeuze(
    gepland_op: dt.date | None, uitzondering: object | None, ontvangstdatum: dt.date
) -> None:
    """AWB-7:2 / 7:3: a hoorzitting is planned (``geplandOp``) or an exception of 7:3 is named,
    exactly one of both (``een-van-beide``); a planned hoorzitting lies on or after the day
    the bezwaar arrived (``volgorde``)."""
    if (gepland_op is None) == (uitzondering is None):
        raise weigering(
            "een-van-beide",
            "Plan een hoorzitting (geplandOp) of noem de uitzondering van art. 7:3 "
            "(uitzondering), niet allebei.",
            veld="geplandOp",
            rules=("AWB-7:2", "AWB-7:3"),
        )
    if gepland_op is not None and gepland_op < ontvangstdatum:
        raise weigering(
            "volgorde",
            "De hoorzitting ligt vóór de ontvangst.",
            veld="geplandOp",
            rules=("AWB-7:2",),
        )
