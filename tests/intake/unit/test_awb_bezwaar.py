"""Bezwaar: ontvankelijkheid (Awb 6:5–6:11), beslistermijn (7:10, 7:13) and horen (7:2–7:4),
table-driven around weekends, Easter, Pentecost, King's Day, 5 May and the gelijkgestelde days.
5 May counts every year, as ``werkdagen.py`` and the Atw (art. 3 lid 1) have it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.awb import (
    Aanpassingssoort,
    Bezwaarschrift,
    Herstelverzoek,
    Ontvankelijkheidsuitkomst,
    Uitstelgrond,
    UitzonderingHoren,
    Vereiste,
    beoordeel_ontvankelijkheid,
    beslistermijn_bezwaar,
    hersteltermijn,
    hoorzitting_nodig,
    plan_hoorzitting,
    schort_op_voor_herstel,
    verdaag_bezwaar,
    verder_uitstel_bezwaar,
)
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import STANDAARDKALENDER
from wmo_shared.regels import rule_ids

D = dt.date
ONTVANKELIJK = Ontvankelijkheidsuitkomst.ONTVANKELIJK
NIET = Ontvankelijkheidsuitkomst.NIET_ONTVANKELIJK
HERSTEL = Ontvankelijkheidsuitkomst.HERSTEL_NODIG


# --- Bezwaartermijn: the last day around holidays ------------------------------------------


@pytest.mark.parametrize(
    ("verzonden", "uiterlijk", "waarom"),
    [
        (D(2026, 3, 2), D(2026, 4, 13), "gewone maandag"),
        (D(2026, 2, 7), D(2026, 3, 23), "zaterdag → maandag"),
        (D(2026, 3, 16), D(2026, 4, 28), "Koningsdag maandag 27 april → dinsdag"),
        (D(2026, 3, 24), D(2026, 5, 6), "Bevrijdingsdag dinsdag 5 mei 2026 → woensdag"),
        (D(2025, 3, 24), D(2025, 5, 6), "Bevrijdingsdag maandag 5 mei 2025 → dinsdag"),
        (D(2025, 3, 15), D(2025, 4, 28), "Koningsdag 2025 op zaterdag 26 april → maandag"),
        (D(2026, 2, 20), D(2026, 4, 7), "Goede Vrijdag, weekend, tweede Paasdag → dinsdag"),
        (D(2026, 4, 2), D(2026, 5, 18), "Hemelvaart + gelijkgestelde vrijdag + weekend"),
        (D(2026, 4, 13), D(2026, 5, 26), "tweede Pinksterdag → dinsdag"),
        (D(2026, 11, 13), D(2026, 12, 28), "eerste Kerstdag vrijdag + weekend → maandag"),
        (D(2024, 11, 13), D(2024, 12, 30), "Kerst + gelijkgestelde 27 december 2024"),
        (D(2025, 11, 20), D(2026, 1, 5), "Nieuwjaarsdag + gelijkgestelde 2 januari 2026"),
    ],
)
def test_bezwaartermijn_rond_feestdagen(
    verzonden: dt.date, uiterlijk: dt.date, waarom: str
) -> None:
    op_de_dag = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=uiterlijk), beschikking_verzonden=verzonden, peildatum=uiterlijk
    )
    assert op_de_dag.bezwaartermijn.uiterlijk == uiterlijk, waarom
    assert op_de_dag.uitkomst is ONTVANKELIJK
    assert {"AWB-6:7", "AWB-6:8", "AWB-6:9", "AWB-6:5"} <= set(rule_ids(op_de_dag.regels))
    dag_later = uiterlijk + dt.timedelta(days=1)
    te_laat = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=dag_later), beschikking_verzonden=verzonden, peildatum=dag_later
    )
    assert te_laat.uitkomst is NIET
    assert not te_laat.tijdig
    assert "AWB-6:11" in rule_ids(te_laat.regels)


# --- 6:9 posted in time, 6:10 too early, 6:11 verschoonbaar ---------------------------------


@pytest.mark.parametrize(
    ("post", "ontvangen", "tijdig"),
    [
        (D(2026, 4, 28), D(2026, 5, 5), True),  # posted on the last day, arrives a week later
        (D(2026, 4, 28), D(2026, 5, 6), False),  # a week and a day: too late
        (D(2026, 4, 24), D(2026, 4, 30), True),
        (D(2026, 4, 29), D(2026, 4, 30), False),  # posted after the term
        (None, D(2026, 4, 29), False),
    ],
)
def test_per_post_op_tijd(post: dt.date | None, ontvangen: dt.date, tijdig: bool) -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=ontvangen, ter_post_bezorgd=post),
        beschikking_verzonden=D(2026, 3, 16),
        peildatum=ontvangen,
    )
    assert uitkomst.tijdig is tijdig
    assert uitkomst.uitkomst is (ONTVANKELIJK if tijdig else NIET)


def test_verschoonbaar_te_laat_wordt_behandeld() -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=D(2026, 5, 12)),
        beschikking_verzonden=D(2026, 3, 16),
        peildatum=D(2026, 5, 12),
        verschoonbaar="Mevrouw lag van 20 april tot 10 mei in het ziekenhuis.",
    )
    assert uitkomst.uitkomst is ONTVANKELIJK
    assert any(r.rule == "AWB-6:11" and "ziekenhuis" in r.toelichting for r in uitkomst.regels)


def test_verschoonbaar_zonder_reden_wordt_geweigerd() -> None:
    with pytest.raises(VoorwaardeNietVoldaan) as fout:
        beoordeel_ontvankelijkheid(
            Bezwaarschrift(ontvangen=D(2026, 5, 12)),
            beschikking_verzonden=D(2026, 3, 16),
            peildatum=D(2026, 5, 12),
            verschoonbaar="  ",
        )
    assert fout.value.rule == "AWB-6:11"


def test_te_vroeg_maar_besluit_bestond() -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=D(2026, 3, 16)),
        beschikking_verzonden=D(2026, 3, 16),
        peildatum=D(2026, 3, 16),
    )
    assert uitkomst.uitkomst is ONTVANKELIJK
    assert "AWB-6:10" in rule_ids(uitkomst.regels)


def test_bezwaar_voordat_het_besluit_bestond() -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=D(2026, 3, 10)),
        beschikking_verzonden=D(2026, 3, 16),
        besluit_genomen=D(2026, 3, 12),
        peildatum=D(2026, 3, 16),
    )
    assert uitkomst.uitkomst is NIET
    assert "AWB-6:10" in rule_ids(uitkomst.regels)


# --- 6:5 / 6:6 verzuim and herstel ----------------------------------------------------------


def test_verzuim_vraagt_eerst_herstel() -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(
            ontvangen=D(2026, 4, 1), ontbrekend=frozenset({Vereiste.GRONDEN, Vereiste.NAAM})
        ),
        beschikking_verzonden=D(2026, 3, 16),
        peildatum=D(2026, 4, 1),
    )
    assert uitkomst.uitkomst is HERSTEL
    assert uitkomst.ontbrekend == (Vereiste.NAAM, Vereiste.GRONDEN)
    assert uitkomst.herstel_uiterlijk == D(2026, 4, 15)
    ontbreekt = next(r for r in uitkomst.regels if r.rule == "AWB-6:5")
    assert "gronden" in ontbreekt.toelichting and "naam" in ontbreekt.toelichting
    assert "AWB-6:6" in rule_ids(uitkomst.regels)


@pytest.mark.parametrize(
    ("peildatum", "ontbrekend", "verwacht"),
    [
        (D(2026, 4, 15), {Vereiste.ONDERTEKENING}, HERSTEL),  # last day of herstel: wait
        (D(2026, 4, 16), {Vereiste.ONDERTEKENING}, NIET),  # herstel term passed unused
        (D(2026, 4, 16), set(), ONTVANKELIJK),  # repaired (also late: before the decision)
    ],
)
def test_herstelverzoek(peildatum: dt.date, ontbrekend: set[Vereiste], verwacht: object) -> None:
    uitkomst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=D(2026, 4, 1), ontbrekend=frozenset(ontbrekend)),
        beschikking_verzonden=D(2026, 3, 16),
        peildatum=peildatum,
        herstelverzoek=Herstelverzoek(verzonden=D(2026, 4, 1), uiterlijk=D(2026, 4, 15)),
    )
    assert uitkomst.uitkomst is verwacht


@pytest.mark.parametrize(
    ("verzonden", "uiterlijk"),
    [
        (D(2026, 4, 3), D(2026, 4, 17)),  # sent on Goede Vrijdag; ends on a plain Friday
        (D(2026, 4, 21), D(2026, 5, 6)),  # would end on Bevrijdingsdag
        (D(2026, 4, 30), D(2026, 5, 18)),  # would end on Hemelvaartsdag
    ],
)
def test_hersteltermijn_eindigt_op_werkdag(verzonden: dt.date, uiterlijk: dt.date) -> None:
    termijn = hersteltermijn(verzonden)
    assert termijn.uiterlijk == uiterlijk
    assert termijn.rule == "AWB-6:6"


# --- 7:10 beslistermijn ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verzonden", "ontvangen", "commissie", "uiterlijk"),
    [
        (D(2026, 3, 16), D(2026, 4, 1), False, D(2026, 6, 9)),
        (D(2026, 3, 16), D(2026, 4, 1), True, D(2026, 7, 21)),
        (D(2026, 3, 2), D(2026, 3, 20), False, D(2026, 5, 26)),  # ends on tweede Pinksterdag
        (D(2026, 3, 16), D(2026, 5, 4), False, D(2026, 6, 15)),  # late: counted from receipt
        (D(2026, 11, 13), D(2026, 12, 1), False, D(2027, 2, 8)),  # from Mon 28 Dec 2026
    ],
)
def test_beslistermijn_bezwaar(
    verzonden: dt.date, ontvangen: dt.date, commissie: bool, uiterlijk: dt.date
) -> None:
    termijn = beslistermijn_bezwaar(
        verzonden, bezwaar_ontvangen=ontvangen, adviescommissie=commissie
    )
    assert termijn.uiterlijk == uiterlijk
    assert termijn.rule == "AWB-7:10"
    assert ("AWB-7:13" in rule_ids(termijn.regels)) is commissie


def test_verdagen_en_verder_uitstel() -> None:
    termijn = beslistermijn_bezwaar(D(2026, 3, 16), bezwaar_ontvangen=D(2026, 4, 1))
    verdaagd = verdaag_bezwaar(termijn, mededeling_op=D(2026, 6, 1), weken=2)
    assert verdaagd.uiterlijk == D(2026, 6, 23)
    verdaagd = verdaag_bezwaar(verdaagd, mededeling_op=D(2026, 6, 20), weken=4)
    assert verdaagd.uiterlijk == D(2026, 7, 21)
    assert verdaagd.dagen_aangepast(Aanpassingssoort.VERDAGING) == 42
    with pytest.raises(VoorwaardeNietVoldaan):
        verdaag_bezwaar(verdaagd, mededeling_op=D(2026, 7, 1), weken=1)
    uitstel = verder_uitstel_bezwaar(
        verdaagd,
        grond=Uitstelgrond.INDIENER_STEMT_IN,
        tot=D(2026, 8, 31),
        mededeling_op=D(2026, 7, 15),
        reden="De indiener levert nog een rapport van de ergotherapeut.",
    )
    assert uitstel.uiterlijk == D(2026, 8, 31)
    assert [a.soort for a in uitstel.aanpassingen][-1] is Aanpassingssoort.VERDER_UITSTEL


@pytest.mark.parametrize(
    ("mededeling_op", "weken"),
    [(D(2026, 6, 10), 6), (D(2026, 6, 1), 7), (D(2026, 6, 1), 0)],
)
def test_verdagen_geweigerd(mededeling_op: dt.date, weken: int) -> None:
    termijn = beslistermijn_bezwaar(D(2026, 3, 16), bezwaar_ontvangen=D(2026, 4, 1))
    with pytest.raises(VoorwaardeNietVoldaan) as fout:
        verdaag_bezwaar(termijn, mededeling_op=mededeling_op, weken=weken)
    assert fout.value.rule == "AWB-7:10"


def test_verdaging_op_feestdag_schuift_door() -> None:
    # bezwaartermijn ends Mon 30 Mar 2026; six weeks → Mon 11 May; verdaagd two weeks →
    # Mon 25 May, tweede Pinksterdag, so the Atw moves it to Tue 26 May.
    termijn = beslistermijn_bezwaar(D(2026, 2, 16), bezwaar_ontvangen=D(2026, 3, 2))
    assert termijn.uiterlijk == D(2026, 5, 11)
    verdaagd = verdaag_bezwaar(termijn, mededeling_op=D(2026, 5, 1), weken=2)
    assert verdaagd.berekend_einde == D(2026, 5, 25)
    assert verdaagd.uiterlijk == D(2026, 5, 26)
    assert any("tweede Pinksterdag" in r.toelichting for r in verdaagd.regels)


def test_verder_uitstel_indiener_maar_anderen_benadeeld() -> None:
    termijn = beslistermijn_bezwaar(D(2026, 3, 16), bezwaar_ontvangen=D(2026, 4, 1))
    with pytest.raises(VoorwaardeNietVoldaan):
        verder_uitstel_bezwaar(
            termijn,
            grond=Uitstelgrond.INDIENER_STEMT_IN,
            tot=D(2026, 7, 1),
            mededeling_op=D(2026, 6, 1),
            reden="Wachten op advies.",
            andere_belanghebbenden_benadeeld=True,
        )


def test_opschorting_bij_herstel_verzuim() -> None:
    termijn = beslistermijn_bezwaar(D(2026, 3, 16), bezwaar_ontvangen=D(2026, 4, 1))
    # asked Wed 29 Apr, repaired Wed 6 May: 30 Apr..5 May stand still (6 days)
    opgeschort = schort_op_voor_herstel(
        termijn,
        verzocht_op=D(2026, 4, 29),
        herstellen_uiterlijk=D(2026, 5, 13),
        hersteld_op=D(2026, 5, 6),
    )
    assert opgeschort.berekend_einde == D(2026, 6, 15)
    assert opgeschort.uiterlijk == D(2026, 6, 15)
    assert opgeschort.aanpassingen[0].dagen == 6


@given(
    st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)),
    st.integers(min_value=0, max_value=60),
    st.booleans(),
)
def test_beslistermijn_eindigt_op_werkdag(
    verzonden: dt.date, na_dagen: int, commissie: bool
) -> None:
    termijn = beslistermijn_bezwaar(
        verzonden,
        bezwaar_ontvangen=verzonden + dt.timedelta(days=na_dagen),
        adviescommissie=commissie,
    )
    assert STANDAARDKALENDER.is_werkdag(termijn.uiterlijk)
    assert 0 <= (termijn.uiterlijk - termijn.berekend_einde).days < 10
    assert (termijn.berekend_einde - termijn.aanvang).days == (84 if commissie else 42)


@given(st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)))
def test_op_de_laatste_dag_ontvankelijk_de_dag_erna_niet(verzonden: dt.date) -> None:
    eerst = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=verzonden), beschikking_verzonden=verzonden, peildatum=verzonden
    )
    laatste = eerst.bezwaartermijn.uiterlijk
    assert STANDAARDKALENDER.is_werkdag(laatste)
    op_tijd = beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=laatste), beschikking_verzonden=verzonden, peildatum=laatste
    )
    assert op_tijd.uitkomst is ONTVANKELIJK
    dag_later = laatste + dt.timedelta(days=1)
    assert (
        beoordeel_ontvankelijkheid(
            Bezwaarschrift(ontvangen=dag_later),
            beschikking_verzonden=verzonden,
            peildatum=dag_later,
        ).uitkomst
        is NIET
    )


# --- 7:2 / 7:3 / 7:4 horen ------------------------------------------------------------------


def test_horen_is_de_regel() -> None:
    besluit = hoorzitting_nodig()
    assert besluit.horen and rule_ids(besluit.regels) == ["AWB-7:2"]


@pytest.mark.parametrize(
    ("uitzondering", "motivering", "benadeeld", "horen"),
    [
        (UitzonderingHoren.AFGEZIEN, None, False, False),
        (UitzonderingHoren.NIET_GEREAGEERD, None, False, False),
        (UitzonderingHoren.KENNELIJK_NIET_ONTVANKELIJK, "Twee maanden te laat.", False, False),
        (UitzonderingHoren.KENNELIJK_ONGEGROND, "Alleen over de hoogte CAK.", False, False),
        (UitzonderingHoren.VOLLEDIG_TEGEMOETGEKOMEN, None, False, False),
        (UitzonderingHoren.VOLLEDIG_TEGEMOETGEKOMEN, None, True, True),
    ],
)
def test_uitzonderingen_horen(
    uitzondering: UitzonderingHoren, motivering: str | None, benadeeld: bool, horen: bool
) -> None:
    besluit = hoorzitting_nodig(
        uitzondering, motivering=motivering, andere_belanghebbenden_benadeeld=benadeeld
    )
    assert besluit.horen is horen
    assert "AWB-7:3" in rule_ids(besluit.regels)


def test_kennelijk_vraagt_motivering() -> None:
    with pytest.raises(VoorwaardeNietVoldaan):
        hoorzitting_nodig(UitzonderingHoren.KENNELIJK_ONGEGROND)


def test_stukken_een_week_vooraf_ter_inzage() -> None:
    planning = plan_hoorzitting(D(2026, 5, 6))
    assert planning.stukken_ter_inzage_uiterlijk == D(2026, 4, 29)
    assert rule_ids(planning.regels) == ["AWB-7:4"]
