"""Klachten (Awb hoofdstuk 9): the gemeente confirms receipt in writing (9:6) and handles a
written klacht within six weeks after receipt, ten when a klachtadviescommissie advises (9:11
lid 1 with afdeling 9.1.3, 9:14); it may postpone by at most four weeks with written notice to
the klager and to whom the klacht concerns (9:11 lid 2). The Atw applies."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from wmo_intake.domain.awb.termijn import Awbtermijn, tel_termijn, verdaag, weigering
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel

MAXIMALE_VERDAGING_WEKEN = 4


def klachttermijn(
    ontvangen: dt.date,
    *,
    klachtadviescommissie: bool = False,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-9:11 (with AWB-9:6 and, with a commissie, AWB-9:14): the last day to handle it."""
    weken = 10 if klachtadviescommissie else 6
    termijn = tel_termijn(
        "AWB-9:11",
        ontvangen,
        7 * weken,
        f"De klacht is ontvangen op {datum_nl(ontvangen)}. De gemeente handelt de klacht af "
        f"binnen {weken} weken, dus uiterlijk op {{einde}}.",
        kalender,
    )
    eerst = [
        Regel(
            "AWB-9:6",
            "Stuur de klager zo snel mogelijk een schriftelijke ontvangstbevestiging.",
        )
    ]
    if klachtadviescommissie:
        eerst.append(
            Regel(
                "AWB-9:14",
                "Een klachtadviescommissie adviseert over deze klacht. Daarom is de termijn tien "
                "weken in plaats van zes.",
            )
        )
    return replace(termijn, regels=(*eerst, *termijn.regels))


def verdaag_klacht(
    termijn: Awbtermijn,
    *,
    mededeling_op: dt.date,
    weken: int = MAXIMALE_VERDAGING_WEKEN,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-9:11 lid 2: postpone by at most four weeks in all, notice before the term ends."""
    return verdaag(
        termijn,
        rule="AWB-9:11",
        maximaal_weken=MAXIMALE_VERDAGING_WEKEN,
        weken=weken,
        mededeling_op=mededeling_op,
        wie_gehoord="de klager en degene over wie de klacht gaat",
        kalender=kalender,
    )


def toets_klacht_open(afgehandeld_op: dt.date | None) -> None:
    """AWB-9:12 ``klacht-afgehandeld`` (409): once the klager was told the findings and the
    conclusion, the klacht takes no more steps."""
    if afgehandeld_op is not None:
        raise weigering(
            "klacht-afgehandeld",
            f"De klacht is afgehandeld op {datum_nl(afgehandeld_op)}.",
            veld=None,
            rules=("AWB-9:12",),
            soort="conflict",
        )


def toets_niet_bevestigd(bevestigd_op: dt.date | None) -> None:
    """AWB-9:6 ``al-bevestigd`` (409): the receipt is confirmed once."""
    if bevestigd_op is not None:
        raise weigering(
            "al-bevestigd",
            "De ontvangst is al bevestigd.",
            veld=None,
            rules=("AWB-9:6",),
            soort="conflict",
        )
