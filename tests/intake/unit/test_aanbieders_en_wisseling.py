"""The provider register (AAN-09, AAN-10) and changing provider (§6.1, §7.3–7.5): contracted
on the start date, evidence that expires, and a wisseling without gap or overlap."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.aanbieder import (
    Kwaliteitsbewijs,
    Product,
    geldig_tot,
    toets_gecontracteerd,
)
from wmo_intake.domain.wisseling import (
    toets_akkoord_nodig,
    toets_vervolgbaar,
    wisseling,
)
from wmo_shared.weigering import Weigering

D = dt.date
CONTRACT = (
    Product("02", "02A03", D(2026, 1, 1), D(2026, 12, 31)),
    Product("01", None, D(2025, 1, 1), None),
)


@pytest.mark.parametrize(
    ("categorie", "code", "dag", "ok"),
    [
        ("02", "02A03", D(2026, 4, 1), True),
        ("02", "02A03", D(2026, 12, 31), True),
        ("02", "02A03", D(2027, 1, 1), False),
        ("02", "02A03", D(2025, 12, 31), False),
        ("02", "02A04", D(2026, 4, 1), False),
        ("01", "01A01", D(2030, 1, 1), True),
    ],
)
def test_gecontracteerd_op_de_startdatum(categorie: str, code: str, dag: dt.date, ok: bool) -> None:
    if ok:
        assert toets_gecontracteerd("12345678", CONTRACT, categorie, code, dag).rule == "AAN-09"
        return
    with pytest.raises(Weigering) as exc:
        toets_gecontracteerd("12345678", CONTRACT, categorie, code, dag)
    assert (exc.value.code, exc.value.veld, exc.value.rule_ids) == (
        "aanbieder-niet-gecontracteerd",
        "aanbiederAgb",
        ["AAN-09"],
    )


def test_niet_in_het_register() -> None:
    with pytest.raises(Weigering) as exc:
        toets_gecontracteerd("87654321", None, "02", "02A03", D(2026, 4, 1))
    assert "register" in exc.value.toelichting


def test_kwaliteitssysteem_drie_jaar_na_de_audit() -> None:
    soort = Kwaliteitsbewijs.KWALITEITSSYSTEEM
    assert geldig_tot(soort, D(2024, 2, 29), None) == D(2027, 2, 27)
    assert geldig_tot(soort, D(2025, 6, 1), None) == D(2028, 5, 31)
    assert geldig_tot(soort, D(2025, 6, 1), D(2026, 1, 1)) == D(2026, 1, 1)
    # The seed sets no period for the other evidence: only what beheer gave.
    assert geldig_tot(Kwaliteitsbewijs.VOG, D(2025, 6, 1), None) is None
    assert geldig_tot(Kwaliteitsbewijs.WKKGZ, D(2025, 6, 1), D(2026, 6, 1)) == D(2026, 6, 1)


@given(
    begin=st.dates(min_value=D(2016, 1, 1), max_value=D(2030, 1, 1)),
    looptijd=st.integers(1, 800),
    na=st.integers(0, 799),
)
def test_wisseling_zonder_gat_of_overlap(begin: dt.date, looptijd: int, na: int) -> None:
    einde = begin + dt.timedelta(days=looptijd)
    laatste = begin + dt.timedelta(days=min(na, looptijd - 1))
    w = wisseling("geaccepteerd", "12345678", "87654321", begin, einde, laatste, einde)
    assert w.nieuwe_begindatum - w.laatste_dag == dt.timedelta(days=1)
    assert begin <= w.laatste_dag < einde and w.oude_einddatum_wijzigt
    assert w.regels[0].rule == "AAN-06"


def test_wisseling_weigeringen() -> None:
    b, e = D(2026, 4, 1), D(2027, 3, 31)
    for status, nieuw, laatste, code in [
        ("geweigerd", "87654321", D(2026, 6, 30), "opdracht-niet-lopend"),
        ("geaccepteerd", "12345678", D(2026, 6, 30), "zelfde-aanbieder"),
        ("geaccepteerd", "87654321", D(2026, 3, 31), "buiten-toewijzing"),
        ("geaccepteerd", "87654321", e, "buiten-toewijzing"),
    ]:
        with pytest.raises(Weigering) as exc:
            wisseling(status, "12345678", nieuw, b, e, laatste, e)
        assert exc.value.code == code
    # After an accorded opzegging the old toewijzing already ends on the last day.
    w = wisseling("geaccepteerd", "12345678", "87654321", b, D(2026, 6, 30), D(2026, 6, 30), e)
    assert not w.oude_einddatum_wijzigt and w.nieuwe_begindatum == D(2026, 7, 1)


def test_opzegging_wacht_op_akkoord_en_vervolg_na_weigering() -> None:
    with pytest.raises(Weigering, match="wacht"):
        toets_akkoord_nodig({"door": "client"})
    with pytest.raises(Weigering, match="al besloten"):
        toets_akkoord_nodig({"door": "aanbieder", "akkoord": {"akkoord": True}})
    assert toets_akkoord_nodig({"door": "aanbieder", "akkoord": None})["door"] == "aanbieder"
    assert toets_vervolgbaar("geweigerd", False, "12345678", "87654321").rule == "AAN-13"
    for status, vervolg, nieuw, code in [
        ("geaccepteerd", False, "87654321", "opdracht-niet-geweigerd"),
        ("geweigerd", True, "87654321", "vervolg-bestaat-al"),
        ("geweigerd", False, "12345678", "zelfde-aanbieder"),
    ]:
        with pytest.raises(Weigering) as exc:
            toets_vervolgbaar(status, vervolg, "12345678", nieuw)
        assert exc.value.code == code
