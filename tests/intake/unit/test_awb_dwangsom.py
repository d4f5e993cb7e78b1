"""Dwangsom bij niet tijdig beslissen (Awb 4:17, 4:18): the amount on a given date, the two
weeks after the ingebrekestelling (with the Atw), the 42-day maximum (without it)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.awb import (
    MAXIMUM_BEDRAG,
    MAXIMUM_DAGEN,
    Dwangsomuitsluiting,
    bedrag_voor_dagen,
    dwangsom,
)
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_shared.regels import rule_ids

D = dt.date
# Scenario A: aanvraag ontvangen Mon 16 Mar 2026, beslistermijn (INT-03) until Mon 30 Mar.
TERMIJN = D(2026, 3, 30)


def test_maximum_van_de_wet() -> None:
    assert MAXIMUM_DAGEN == 42
    assert MAXIMUM_BEDRAG == Decimal("1442")


@pytest.mark.parametrize(
    ("dagen", "bedrag"),
    [
        (0, "0"),
        (1, "23"),
        (14, "322"),
        (15, "357"),
        (28, "812"),
        (29, "857"),
        (42, "1442"),
        (60, "1442"),
    ],
)
def test_bedrag_per_schijf(dagen: int, bedrag: str) -> None:
    assert bedrag_voor_dagen(dagen) == Decimal(bedrag)


@pytest.mark.parametrize(
    ("peildatum", "dagen", "bedrag", "definitief"),
    [
        (D(2026, 4, 15), 0, "0", False),  # the two weeks run through Wed 15 April
        (D(2026, 4, 16), 1, "23", False),
        (D(2026, 4, 29), 14, "322", False),
        (D(2026, 4, 30), 15, "357", False),
        (D(2026, 5, 27), 42, "1442", True),  # day 42: maximum
        (D(2026, 7, 1), 42, "1442", True),
    ],
)
def test_dwangsom_op_peildatum(
    peildatum: dt.date, dagen: int, bedrag: str, definitief: bool
) -> None:
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN,
        ingebrekestelling_ontvangen=D(2026, 4, 1),
        peildatum=peildatum,
    )
    assert uitkomst.verschuldigd
    assert uitkomst.eerste_dag == D(2026, 4, 16)
    assert uitkomst.dagen == dagen
    assert uitkomst.bedrag == Decimal(bedrag)
    assert uitkomst.definitief is definitief
    assert uitkomst.maximum_bereikt is (dagen == 42)
    if definitief:
        assert uitkomst.vaststellen_uiterlijk == D(2026, 6, 10)
        assert "AWB-4:18" in rule_ids(uitkomst.regels)


def test_beslist_na_vier_dagen() -> None:
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN,
        ingebrekestelling_ontvangen=D(2026, 4, 1),
        peildatum=D(2026, 5, 1),
        beslist_op=D(2026, 4, 20),
    )
    assert (uitkomst.dagen, uitkomst.bedrag) == (4, Decimal("92"))
    assert uitkomst.definitief
    # last day Sun 19 April; two weeks → Sun 3 May → Mon 4 May (Atw)
    assert uitkomst.vaststellen_uiterlijk == D(2026, 5, 4)


@pytest.mark.parametrize(
    ("ontvangen", "eerste_dag"),
    [
        (D(2026, 4, 1), D(2026, 4, 16)),
        (D(2026, 4, 21), D(2026, 5, 7)),  # two weeks end on Bevrijdingsdag → Wed 6 May
        (D(2026, 5, 1), D(2026, 5, 19)),  # end on gelijkgestelde Fri 15 May → Mon 18 May
        (D(2026, 3, 31), D(2026, 4, 15)),  # ends Tue 14 April: no shift
        (D(2026, 4, 13), D(2026, 4, 29)),  # ends Mon 27 April, Koningsdag → Tue 28 April
    ],
)
def test_twee_weken_na_ingebrekestelling(ontvangen: dt.date, eerste_dag: dt.date) -> None:
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN, ingebrekestelling_ontvangen=ontvangen, peildatum=ontvangen
    )
    assert uitkomst.eerste_dag == eerste_dag
    assert uitkomst.dagen == 0


def test_beslist_binnen_de_twee_weken() -> None:
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN,
        ingebrekestelling_ontvangen=D(2026, 4, 21),
        peildatum=D(2026, 6, 1),
        beslist_op=D(2026, 5, 6),
    )
    assert not uitkomst.verschuldigd
    assert uitkomst.bedrag == 0


@pytest.mark.parametrize("ontvangen", [D(2026, 3, 20), D(2026, 3, 30)])
def test_te_vroege_ingebrekestelling_telt_niet(ontvangen: dt.date) -> None:
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN,
        ingebrekestelling_ontvangen=ontvangen,
        peildatum=D(2026, 6, 1),
    )
    assert not uitkomst.verschuldigd
    assert uitkomst.regels[0].rule == "AWB-4:17"


def test_uitsluiting_vraagt_reden() -> None:
    with pytest.raises(VoorwaardeNietVoldaan):
        dwangsom(
            beslistermijn_uiterlijk=TERMIJN,
            ingebrekestelling_ontvangen=D(2026, 4, 1),
            peildatum=D(2026, 6, 1),
            uitsluiting=Dwangsomuitsluiting.GEEN_BELANGHEBBENDE,
        )
    uitkomst = dwangsom(
        beslistermijn_uiterlijk=TERMIJN,
        ingebrekestelling_ontvangen=D(2026, 4, 1),
        peildatum=D(2026, 6, 1),
        uitsluiting=Dwangsomuitsluiting.GEEN_BELANGHEBBENDE,
        reden_uitsluiting="De buurman vroeg een voorziening voor iemand anders aan.",
    )
    assert not uitkomst.verschuldigd


@given(
    st.dates(min_value=D(2020, 1, 1), max_value=D(2029, 12, 31)),
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_dwangsom_groeit_en_blijft_onder_het_maximum(
    termijn: dt.date, na: int, dag_a: int, dag_b: int
) -> None:
    ontvangen = termijn + dt.timedelta(days=na)
    vroeg, laat = sorted((dag_a, dag_b))
    a = dwangsom(
        beslistermijn_uiterlijk=termijn,
        ingebrekestelling_ontvangen=ontvangen,
        peildatum=ontvangen + dt.timedelta(days=vroeg),
    )
    b = dwangsom(
        beslistermijn_uiterlijk=termijn,
        ingebrekestelling_ontvangen=ontvangen,
        peildatum=ontvangen + dt.timedelta(days=laat),
    )
    assert Decimal(0) <= a.bedrag <= b.bedrag <= MAXIMUM_BEDRAG
    assert b.bedrag == bedrag_voor_dagen(b.dagen)
    assert a.eerste_dag is not None and (a.eerste_dag - ontvangen).days >= 15
