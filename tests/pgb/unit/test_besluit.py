"""The worker's besluit: following the toets is free, settling a judgement or going against the
toets needs a motivation, and PGB-01 / PGB-02 refusals cannot be motivated away."""

from __future__ import annotations

import pytest

from tests.pgb.unit.voorbeelden import plan
from wmo_pgb.domain.besluit import Besluit, Besluituitkomst, Schending, neem_besluit
from wmo_pgb.domain.toets import Leveringsvorm, Toetsresultaat, Uitkomst, toets

TOEGEKEND, AFGEWEZEN = Besluituitkomst.TOEGEKEND, Besluituitkomst.AFGEWEZEN
MOTIVERING = "In het gesprek bleek de zoon de administratie al jaren te voeren."


def _voldaan() -> Toetsresultaat:
    return toets(plan(), maatwerkvoorziening_vastgesteld=True)


def _niet_voldaan() -> Toetsresultaat:
    return toets(
        plan(beheerder={"relatie_met_zorgverlener": "zelfde_persoon"}),
        maatwerkvoorziening_vastgesteld=True,
    )


def _oordeel() -> Toetsresultaat:
    return toets(
        plan(beheerder={"heeft_tijd_en_ruimte": None}), maatwerkvoorziening_vastgesteld=True
    )


def _besluit(resultaat: Besluit | Schending) -> Besluit:
    assert isinstance(resultaat, Besluit), resultaat
    return resultaat


def _schending(resultaat: Besluit | Schending) -> Schending:
    assert isinstance(resultaat, Schending), resultaat
    return resultaat


def test_granting_a_passed_toets_needs_no_motivation() -> None:
    besluit = _besluit(neem_besluit(_voldaan(), uitkomst=TOEGEKEND))
    assert besluit.volgt_toets is True
    assert besluit.leveringsvorm is Leveringsvorm.PGB
    assert besluit.motivering is None
    assert besluit.regels[-1].rule == "PGB-01"
    assert besluit.toetsuitkomst is Uitkomst.VOLDAAN


def test_refusing_a_failed_toets_needs_no_motivation_and_offers_zin() -> None:
    besluit = _besluit(neem_besluit(_niet_voldaan(), uitkomst=AFGEWEZEN))
    assert besluit.volgt_toets is True
    assert besluit.leveringsvorm is Leveringsvorm.ZORG_IN_NATURA
    assert "natura" in besluit.regels[-1].toelichting


@pytest.mark.parametrize("motivering", [None, "", "   "])
def test_granting_against_a_failed_toets_needs_motivation(motivering: str | None) -> None:
    schending = _schending(neem_besluit(_niet_voldaan(), uitkomst=TOEGEKEND, motivering=motivering))
    assert schending.veld == "motivering"
    assert schending.code == "motivering-vereist"
    assert schending.rule == "PGB-06"  # the rule that failed
    assert "Dubbelrol" in schending.reden


def test_granting_against_a_failed_toets_with_motivation() -> None:
    besluit = _besluit(neem_besluit(_niet_voldaan(), uitkomst=TOEGEKEND, motivering=MOTIVERING))
    assert besluit.volgt_toets is False
    assert besluit.leveringsvorm is Leveringsvorm.PGB
    assert besluit.motivering == MOTIVERING
    assert MOTIVERING in besluit.regels[-1].toelichting


def test_refusing_a_passed_toets_needs_motivation() -> None:
    schending = _schending(neem_besluit(_voldaan(), uitkomst=AFGEWEZEN))
    assert (schending.rule, schending.veld, schending.code) == (
        "PGB-01",
        "motivering",
        "motivering-vereist",
    )
    besluit = _besluit(neem_besluit(_voldaan(), uitkomst=AFGEWEZEN, motivering=MOTIVERING))
    assert besluit.volgt_toets is False
    assert besluit.leveringsvorm is Leveringsvorm.ZORG_IN_NATURA


@pytest.mark.parametrize("uitkomst", [TOEGEKEND, AFGEWEZEN])
def test_settling_a_judgement_needs_motivation_either_way(uitkomst: Besluituitkomst) -> None:
    schending = _schending(neem_besluit(_oordeel(), uitkomst=uitkomst))
    assert (schending.rule, schending.veld) == ("PGB-04", "motivering")
    besluit = _besluit(neem_besluit(_oordeel(), uitkomst=uitkomst, motivering=f"  {MOTIVERING} "))
    assert besluit.volgt_toets is False
    assert besluit.motivering == MOTIVERING
    assert besluit.toetsuitkomst is Uitkomst.OORDEEL_CONSULENT


def test_no_plan_cannot_be_granted_even_with_motivation() -> None:
    geen_plan = toets(None, maatwerkvoorziening_vastgesteld=True)
    schending = _schending(neem_besluit(geen_plan, uitkomst=TOEGEKEND, motivering=MOTIVERING))
    assert (schending.rule, schending.veld, schending.code) == (
        "PGB-02",
        "uitkomst",
        "geen-pgb-plan",
    )
    besluit = _besluit(neem_besluit(geen_plan, uitkomst=AFGEWEZEN))
    assert besluit.leveringsvorm is Leveringsvorm.ZORG_IN_NATURA


def test_no_maatwerkvoorziening_cannot_be_granted_and_offers_no_zin() -> None:
    geen_maatwerk = toets(plan(), maatwerkvoorziening_vastgesteld=False)
    schending = _schending(neem_besluit(geen_maatwerk, uitkomst=TOEGEKEND, motivering=MOTIVERING))
    assert (schending.rule, schending.veld, schending.code) == (
        "PGB-01",
        "uitkomst",
        "geen-maatwerkvoorziening",
    )
    besluit = _besluit(neem_besluit(geen_maatwerk, uitkomst=AFGEWEZEN))
    assert besluit.leveringsvorm is None
    assert "natura" not in besluit.regels[-1].toelichting


def test_the_besluit_carries_the_toets_reasons() -> None:
    resultaat = _niet_voldaan()
    besluit = _besluit(neem_besluit(resultaat, uitkomst=AFGEWEZEN))
    assert besluit.regels[:-1] == resultaat.regels
