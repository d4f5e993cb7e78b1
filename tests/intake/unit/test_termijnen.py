"""Termijnen: scenario A, Atw edge cases per term, hour terms, werkvoorraad status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.termijnen import (
    AMSTERDAM,
    TERMIJNDEFINITIES,
    NaiefTijdstip,
    Termijn,
    Termijnsoort,
    Termijnstatus,
    beslistermijn,
    bezwaartermijn,
    bijzonderheden_meldtermijn,
    crisis_meldtermijn,
    crisis_starttermijn,
    incident_meldtermijn,
    onderzoekstermijn,
    opzegtermijn,
    persoonlijk_plan_termijn,
    termijnstatus,
    vervangingstermijn,
    zorgplantermijn,
)
from wmo_intake.domain.werkdagen import STANDAARDKALENDER

D = dt.date


def tijd(jaar: int, maand: int, dag: int, uur: int, minuut: int, seconde: int = 0) -> dt.datetime:
    return dt.datetime(jaar, maand, dag, uur, minuut, seconde, tzinfo=AMSTERDAM)


def verstreken(van: dt.datetime, tot: dt.datetime) -> dt.timedelta:
    # Same-tzinfo subtraction in Python is wall-clock; elapsed time needs UTC.
    return tot.astimezone(dt.UTC) - van.astimezone(dt.UTC)


# --- Scenario A (Sanne Veenstra, Ooststellingwerf) ----------------------------------------


@pytest.mark.parametrize(
    ("functie", "start", "uiterlijk", "rule"),
    [
        (onderzoekstermijn, D(2026, 2, 9), D(2026, 3, 23), "INT-01"),
        (persoonlijk_plan_termijn, D(2026, 2, 9), D(2026, 2, 16), "INT-14"),
        (beslistermijn, D(2026, 3, 16), D(2026, 3, 30), "INT-03"),
        (bezwaartermijn, D(2026, 3, 25), D(2026, 5, 6), "INT-04"),
        (zorgplantermijn, D(2026, 3, 25), D(2026, 5, 6), "AAN-02"),
    ],
)
def test_scenario_a(
    functie: Callable[[dt.date], Termijn], start: dt.date, uiterlijk: dt.date, rule: str
) -> None:
    termijn = functie(start)
    assert termijn.uiterlijk == uiterlijk
    assert termijn.rule == rule
    assert not termijn.verlengd
    assert termijn.regels
    assert all(r.rule == rule for r in termijn.regels)


# --- Atw per term ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("functie", "start", "berekend", "uiterlijk"),
    [
        # onderzoek: ends on a Saturday → Monday
        (onderzoekstermijn, D(2026, 4, 4), D(2026, 5, 16), D(2026, 5, 18)),
        # onderzoek over the turn of the year: Nieuwjaarsdag + gelijkgestelde 2 januari
        (onderzoekstermijn, D(2025, 11, 20), D(2026, 1, 1), D(2026, 1, 5)),
        # persoonlijk plan: 7 days end on tweede Paasdag
        (persoonlijk_plan_termijn, D(2026, 3, 30), D(2026, 4, 6), D(2026, 4, 7)),
        # persoonlijk plan over Christmas: 7 days, still two werkdagen, ends Thursday 31 Dec
        (persoonlijk_plan_termijn, D(2026, 12, 24), D(2026, 12, 31), D(2026, 12, 31)),
        # beschikking: ends on Koningsdag (Monday 27 April 2026)
        (beslistermijn, D(2026, 4, 13), D(2026, 4, 27), D(2026, 4, 28)),
        # beschikking: ends on eerste Kerstdag (Friday) → Monday 28 December
        (beslistermijn, D(2026, 12, 11), D(2026, 12, 25), D(2026, 12, 28)),
        # bezwaar: ends on Bevrijdingsdag (Tuesday) → Wednesday
        (bezwaartermijn, D(2026, 3, 24), D(2026, 5, 5), D(2026, 5, 6)),
        # bezwaar: ends on Hemelvaart, Friday gelijkgesteld, weekend → Monday
        (bezwaartermijn, D(2026, 4, 2), D(2026, 5, 14), D(2026, 5, 18)),
        # bezwaar: ends on Goede Vrijdag 2027 (26 March) → tweede Paasdag → Tuesday
        (bezwaartermijn, D(2027, 2, 12), D(2027, 3, 26), D(2027, 3, 30)),
    ],
)
def test_wettelijke_termijnen_schuiven_door_atw(
    functie: Callable[[dt.date], Termijn], start: dt.date, berekend: dt.date, uiterlijk: dt.date
) -> None:
    termijn = functie(start)
    assert termijn.berekend_einde == berekend
    assert termijn.uiterlijk == uiterlijk
    assert termijn.verlengd is (berekend != uiterlijk)
    if termijn.verlengd:
        assert any("Algemene termijnenwet" in r.toelichting for r in termijn.regels)


def test_zorgplan_is_contractueel_en_schuift_niet() -> None:
    termijn = zorgplantermijn(D(2026, 3, 28))  # Saturday
    assert termijn.uiterlijk == D(2026, 5, 9)  # Saturday too
    assert not termijn.verlengd
    assert not TERMIJNDEFINITIES[Termijnsoort.ZORGPLAN].algemene_termijnenwet


@pytest.mark.parametrize("soort", list(Termijnsoort))
def test_elke_termijn_heeft_een_gedocumenteerde_keuze(soort: Termijnsoort) -> None:
    definitie = TERMIJNDEFINITIES[soort]
    assert definitie.rule.startswith(("INT-", "AAN-"))
    assert definitie.keuze_termijnenwet
    assert definitie.algemene_termijnenwet is definitie.rule.startswith("INT-")


def test_bezwaar_noemt_verzending_per_post() -> None:
    assert any("6:9 Awb" in r.toelichting for r in bezwaartermijn(D(2026, 3, 25)).regels)


def test_eigen_kalender_zonder_brugdag() -> None:
    from wmo_intake.domain.werkdagen import Werkdagkalender

    kalender = Werkdagkalender(gelijkgestelde_dagen=frozenset())
    # 42 days after 2 April 2026 is Hemelvaart; without the brugdag Friday 15 May counts
    assert bezwaartermijn(D(2026, 4, 2), kalender=kalender).uiterlijk == D(2026, 5, 15)


# --- AAN-03, AAN-04, AAN-06 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("plaatsgevonden", "geconstateerd", "uiterlijk"),
    [
        (D(2026, 3, 23), None, D(2026, 3, 30)),
        (D(2026, 4, 2), None, D(2026, 4, 13)),  # Goede Vrijdag, weekend, tweede Paasdag
        (D(2026, 3, 21), None, D(2026, 3, 27)),  # happened on a Saturday
        (D(2026, 3, 20), D(2026, 3, 23), D(2026, 3, 30)),  # noticed later: count from then
        (D(2026, 12, 23), None, D(2026, 12, 31)),
    ],
)
def test_bijzonderheden_binnen_vijf_werkdagen(
    plaatsgevonden: dt.date, geconstateerd: dt.date | None, uiterlijk: dt.date
) -> None:
    termijn = bijzonderheden_meldtermijn(plaatsgevonden, geconstateerd)
    assert termijn.uiterlijk == uiterlijk
    assert termijn.rule == "AAN-03"
    assert STANDAARDKALENDER.werkdagen_na(termijn.aanvang, termijn.uiterlijk) == 5


def test_bijzonderheid_niet_geconstateerd_voor_plaatsvinden() -> None:
    with pytest.raises(ValueError, match="constateerd"):
        bijzonderheden_meldtermijn(D(2026, 3, 23), D(2026, 3, 20))


def test_vervanging_vanaf_zesde_dag() -> None:
    termijn = vervangingstermijn(D(2026, 7, 1))
    assert termijn.uiterlijk == D(2026, 7, 6)
    assert termijn.rule == "AAN-04"


@pytest.mark.parametrize(
    ("opgezegd", "ingang", "einde"),
    [
        (D(2026, 3, 10), D(2026, 4, 1), D(2026, 4, 30)),
        (D(2026, 1, 31), D(2026, 2, 1), D(2026, 2, 28)),
        (D(2028, 1, 15), D(2028, 2, 1), D(2028, 2, 29)),  # leap year
        (D(2026, 12, 10), D(2027, 1, 1), D(2027, 1, 31)),  # over the year end
        (D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 31)),
        (D(2026, 3, 1), D(2026, 4, 1), D(2026, 4, 30)),  # first of the month: still next month
    ],
)
def test_opzegtermijn(opgezegd: dt.date, ingang: dt.date, einde: dt.date) -> None:
    termijn = opzegtermijn(opgezegd)
    assert (termijn.ingang, termijn.einde, termijn.verkort) == (ingang, einde, False)
    assert termijn.regels[0].rule == "AAN-06"


def test_opzegtermijn_verkort_door_gemeente() -> None:
    termijn = opzegtermijn(D(2026, 3, 10), verkort_tot=D(2026, 3, 31))
    assert termijn.einde == D(2026, 3, 31)
    assert termijn.verkort
    assert len(termijn.regels) == 2


def test_opzegtermijn_verkorting_na_einde_verandert_niets() -> None:
    termijn = opzegtermijn(D(2026, 3, 10), verkort_tot=D(2026, 6, 30))
    assert termijn.einde == D(2026, 4, 30)
    assert not termijn.verkort


def test_opzegtermijn_verkorting_voor_opzegging() -> None:
    with pytest.raises(ValueError, match="vóór de opzegging"):
        opzegtermijn(D(2026, 3, 10), verkort_tot=D(2026, 3, 9))


# --- AAN-07, AAN-08: hours, Europe/Amsterdam ------------------------------------------------


def test_crisis_start_binnen_24_uur() -> None:
    termijn = crisis_starttermijn(tijd(2026, 3, 20, 14, 30))
    assert termijn.uiterlijk == tijd(2026, 3, 21, 14, 30)  # Saturday: crisis care does not wait
    assert termijn.rule == "AAN-07"


def test_crisis_start_over_zomertijd_telt_verstreken_uren() -> None:
    # 29 March 2026 02:00 CET → 03:00 CEST: 24 elapsed hours end at 13:00 local time
    termijn = crisis_starttermijn(tijd(2026, 3, 28, 12, 0))
    assert termijn.uiterlijk == tijd(2026, 3, 29, 13, 0)
    assert verstreken(termijn.aanvang, termijn.uiterlijk) == dt.timedelta(hours=24)


def test_crisis_start_met_utc_tijdstip() -> None:
    termijn = crisis_starttermijn(dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC))
    assert termijn.aanvang.tzinfo is AMSTERDAM
    assert termijn.uiterlijk == tijd(2026, 6, 2, 10, 0)


@pytest.mark.parametrize(
    ("gestart", "uiterlijk"),
    [
        (tijd(2026, 3, 24, 10, 0), tijd(2026, 3, 25, 10, 0)),  # werkdag → werkdag: 24 uur
        (tijd(2026, 3, 28, 10, 0), tijd(2026, 3, 30, 23, 59, 59)),  # zaterdag → maandag
        (tijd(2026, 3, 29, 23, 0), tijd(2026, 3, 30, 23, 0)),  # zondagavond → maandag 23:00
        (tijd(2026, 3, 27, 9, 0), tijd(2026, 3, 30, 23, 59, 59)),  # vrijdag → za → maandag
        (tijd(2026, 4, 2, 12, 0), tijd(2026, 4, 7, 23, 59, 59)),  # Goede Vrijdag t/m Paasmaandag
        (tijd(2026, 12, 24, 18, 0), tijd(2026, 12, 28, 23, 59, 59)),  # Kerst
    ],
)
def test_crisis_melding_uiterlijk_eerstvolgende_werkdag(
    gestart: dt.datetime, uiterlijk: dt.datetime
) -> None:
    termijn = crisis_meldtermijn(gestart)
    assert termijn.uiterlijk == uiterlijk
    assert STANDAARDKALENDER.is_werkdag(termijn.uiterlijk_datum)


def test_incident_binnen_48_uur() -> None:
    termijn = incident_meldtermijn(tijd(2026, 10, 24, 9, 0))
    # 25 October 2026 03:00 CEST → 02:00 CET: 48 elapsed hours end at 08:00 local time
    assert termijn.uiterlijk == tijd(2026, 10, 26, 8, 0)
    assert termijn.rule == "AAN-08"


def test_calamiteit_direct() -> None:
    moment = tijd(2026, 10, 24, 9, 0)
    termijn = incident_meldtermijn(moment, calamiteit=True)
    assert termijn.uiterlijk == moment
    assert "direct" in termijn.regels[0].toelichting


@pytest.mark.parametrize("functie", [crisis_starttermijn, crisis_meldtermijn, incident_meldtermijn])
def test_naief_tijdstip_geweigerd(functie: Callable[[dt.datetime], object]) -> None:
    with pytest.raises(NaiefTijdstip):
        functie(dt.datetime(2026, 3, 20, 12, 0))


# --- werkvoorraad status --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uiterlijk", "peildatum", "status"),
    [
        (D(2026, 3, 23), D(2026, 3, 1), Termijnstatus.OP_TIJD),
        (D(2026, 3, 23), D(2026, 3, 17), Termijnstatus.OP_TIJD),
        (D(2026, 3, 23), D(2026, 3, 18), Termijnstatus.BINNEN_5_DAGEN),
        (D(2026, 3, 23), D(2026, 3, 23), Termijnstatus.BINNEN_5_DAGEN),
        (D(2026, 3, 23), D(2026, 3, 24), Termijnstatus.VERLOPEN),
    ],
)
def test_termijnstatus(uiterlijk: dt.date, peildatum: dt.date, status: Termijnstatus) -> None:
    assert termijnstatus(uiterlijk, peildatum) is status


# --- properties -----------------------------------------------------------------------------

datums = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
DAGTERMIJNEN: list[Callable[[dt.date], Termijn]] = [
    onderzoekstermijn,
    persoonlijk_plan_termijn,
    beslistermijn,
    bezwaartermijn,
    zorgplantermijn,
    bijzonderheden_meldtermijn,
    vervangingstermijn,
]


@given(start=datums, functie=st.sampled_from(DAGTERMIJNEN))
def test_termijn_nooit_voor_de_start(start: dt.date, functie: Callable[[dt.date], Termijn]) -> None:
    termijn = functie(start)
    assert termijn.uiterlijk > start
    assert termijn.uiterlijk >= termijn.berekend_einde
    assert termijn.regels
    if TERMIJNDEFINITIES[termijn.soort].algemene_termijnenwet:
        assert STANDAARDKALENDER.is_werkdag(termijn.uiterlijk)


@given(start=datums)
def test_opzegtermijn_is_de_volgende_kalendermaand(start: dt.date) -> None:
    termijn = opzegtermijn(start)
    assert termijn.opgezegd_op < termijn.ingang <= termijn.einde
    assert termijn.ingang.day == 1
    assert (termijn.einde + dt.timedelta(days=1)).day == 1
    assert termijn.ingang.month == termijn.einde.month


@given(
    moment=st.datetimes(
        min_value=dt.datetime(2015, 1, 1),
        max_value=dt.datetime(2035, 12, 31),
        timezones=st.just(AMSTERDAM),
        allow_imaginary=False,
    )
)
def test_uurtermijnen_nooit_voor_de_start(moment: dt.datetime) -> None:
    start = crisis_starttermijn(moment)
    melden = crisis_meldtermijn(moment)
    incident = incident_meldtermijn(moment)
    assert verstreken(start.aanvang, start.uiterlijk) == dt.timedelta(hours=24)
    assert verstreken(melden.aanvang, melden.uiterlijk) >= dt.timedelta(hours=24)
    assert STANDAARDKALENDER.is_werkdag(melden.uiterlijk_datum)
    assert verstreken(incident.aanvang, incident.uiterlijk) == dt.timedelta(hours=48)


@given(uiterlijk=datums, peildatum=datums)
def test_termijnstatus_volgorde(uiterlijk: dt.date, peildatum: dt.date) -> None:
    status = termijnstatus(uiterlijk, peildatum)
    assert (status is Termijnstatus.VERLOPEN) is (peildatum > uiterlijk)
