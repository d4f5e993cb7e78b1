"""Checks on a new melding and on starting a temporary voorziening at once (INT-10)."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.datums import niet_in_de_toekomst
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

GEEN_AANVRAAG_KANALEN = frozenset({"transferpunt_ziekenhuis", "hospice"})
"""INT-09: a melding through these channels needs no aanvraag."""


def geen_aanvraag_nodig(kanaal: str) -> bool:
    return kanaal in GEEN_AANVRAAG_KANALEN


def toets_nieuwe_melding(
    ontvangstdatum: dt.date, urgentie: str, met_spoedgrond: bool, vandaag: dt.date
) -> None:
    """The melding was received today or earlier; a spoedgrond (a temporary voorziening at
    once) only with an urgentie other than ``normaal`` (INT-10, ``geen-spoed``)."""
    niet_in_de_toekomst(
        "ontvangstdatum", ontvangstdatum, vandaag, "De ontvangstdatum ligt in de toekomst."
    )
    if met_spoedgrond and urgentie == "normaal":
        reden = (
            "Een tijdelijke voorziening zonder beschikking kan alleen bij spoed, crisis of dwang "
            "(INT-10); zet de urgentie."
        )
        raise Weigering("geen-spoed", reden, veld="spoedgrond", regels=[Regel("INT-10", reden)])


def toets_spoedsoort(soort: str, urgentie: str) -> None:
    """INT-10 (``past-niet``): the kind of urgency of the spoedgrond is the melding's own."""
    if urgentie != "normaal" and soort != urgentie:
        reden = f"De soort ({soort}) past niet bij de urgentie van de melding ({urgentie})."
        raise Weigering(
            "past-niet", reden, veld="spoedgrond.soort", regels=[Regel("INT-10", reden)]
        )
