"""Wettelijke termijnen (Wmo 2015, Awb): onderzoek, persoonlijk plan, beschikking and
bezwaar; the Algemene termijnenwet applies to each."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.termijnen.termijn import Termijn, _dagtermijn
from wmo_intake.domain.termijnen.termijndefinities import Termijnsoort
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel


def onderzoekstermijn(
    melding_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-01: the onderzoek is finished within six weeks after the melding was received."""
    return _dagtermijn(
        Termijnsoort.ONDERZOEK,
        melding_ontvangen,
        42,
        f"De melding is ontvangen op {datum_nl(melding_ontvangen)}; het onderzoek moet binnen "
        "zes weken klaar zijn, dus uiterlijk op {einde} (art. 2.3.2 lid 1 Wmo 2015).",
        kalender,
    )


def persoonlijk_plan_termijn(
    melding_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-14: the client may hand in a persoonlijk plan within seven days after the melding."""
    return _dagtermijn(
        Termijnsoort.PERSOONLIJK_PLAN,
        melding_ontvangen,
        7,
        "De cliënt mag binnen zeven dagen na de melding een persoonlijk plan indienen, dus tot "
        "en met {einde}; het onderzoek houdt rekening met dat plan (art. 2.3.2 lid 2 Wmo 2015).",
        kalender,
    )


def beslistermijn(
    aanvraag_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-03: the beschikking follows within two weeks after the aanvraag was received."""
    return _dagtermijn(
        Termijnsoort.BESCHIKKING,
        aanvraag_ontvangen,
        14,
        f"De aanvraag is ontvangen op {datum_nl(aanvraag_ontvangen)}; de beschikking moet "
        "binnen twee weken volgen, dus uiterlijk op {einde} (art. 2.3.5 lid 1 Wmo 2015).",
        kalender,
    )


def bezwaartermijn(
    beschikking_verzonden: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-04: bezwaar within six weeks, counted from the day after the beschikking was sent."""
    termijn = _dagtermijn(
        Termijnsoort.BEZWAAR,
        beschikking_verzonden,
        42,
        f"De beschikking is verzonden op {datum_nl(beschikking_verzonden)}; de bezwaartermijn "
        "van zes weken begint de dag erna en loopt tot en met {einde} (art. 6:7 en 6:8 Awb). "
        "De beschikking vermeldt deze termijn.",
        kalender,
    )
    per_post = Regel(
        "INT-04",
        "Een bezwaarschrift dat per post is verstuurd, is ook op tijd als het vóór het einde van "
        "de termijn is verzonden en uiterlijk een week daarna binnenkomt (art. 6:9 Awb).",
    )
    return Termijn(
        termijn.soort,
        termijn.rule,
        termijn.aanvang,
        termijn.uiterlijk,
        termijn.berekend_einde,
        (*termijn.regels, per_post),
    )
