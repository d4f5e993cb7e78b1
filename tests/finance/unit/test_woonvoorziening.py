from __future__ import annotations

from decimal import Decimal

import pytest

from wmo_finance.domain.policy import FinanceBeleid, WoonvoorzieningBeleid
from wmo_finance.domain.soorten import Bouwvorm, Ruimtehulpmiddel, Vertrek
from wmo_finance.domain.woonvoorziening import (
    Bouwplan,
    GevraagdVertrek,
    toets_bouwplan,
    toets_pad,
    toets_vertrek,
)

A, U = Bouwvorm.aanbouw, Bouwvorm.uitbreiding
R = Ruimtehulpmiddel


@pytest.fixture
def beleid(oost: FinanceBeleid) -> WoonvoorzieningBeleid:
    return oost.woonvoorzieningen


@pytest.mark.parametrize(
    ("vertrek", "aanbouw", "uitbreiding"),
    [
        (Vertrek.woonkamer, 30, 6),
        (Vertrek.keuken, 10, 4),
        (Vertrek.eenpersoonsslaapkamer, 10, 4),
        (Vertrek.tweepersoonsslaapkamer, 18, 4),
        (Vertrek.toiletruimte, 2, 1),
        (Vertrek.badkamer_wastafelruimte, 2, 1),
        (Vertrek.badkamer_doucheruimte, 3, 2),
        (Vertrek.entree_gang_hal, 5, 2),
        (Vertrek.berging, 6, 4),
    ],
)
def test_bijlage_5_table_at_its_edges(
    beleid: WoonvoorzieningBeleid, vertrek: Vertrek, aanbouw: int, uitbreiding: int
) -> None:
    for bouwvorm, norm in ((A, aanbouw), (U, uitbreiding)):
        precies = toets_vertrek(GevraagdVertrek(vertrek, bouwvorm, Decimal(norm)), beleid)
        assert precies.binnen_norm and precies.over_m2 == 0
        te_veel = toets_vertrek(
            GevraagdVertrek(vertrek, bouwvorm, Decimal(norm) + Decimal("0.1")), beleid
        )
        assert not te_veel.binnen_norm
        assert te_veel.over_m2 == Decimal("0.1")
        assert te_veel.toegestaan_m2 == norm


def test_scenario_b_shower_room(beleid: WoonvoorzieningBeleid) -> None:
    toets = toets_vertrek(GevraagdVertrek(Vertrek.badkamer_doucheruimte, A, Decimal(3)), beleid)
    assert toets.binnen_norm
    assert {r.rule for r in toets.regels} == {"FIN-11"}


def test_appliances_add_room(beleid: WoonvoorzieningBeleid) -> None:
    toets = toets_vertrek(
        GevraagdVertrek(
            Vertrek.badkamer_doucheruimte,
            A,
            Decimal("6.5"),
            (R.verrijdbare_douchebrancard, R.tillift, R.tillift),  # a duplicate counts once
        ),
        beleid,
    )
    assert toets.extra_m2 == Decimal("3.5")
    assert toets.maximum_m2 == Decimal("6.5")
    assert toets.binnen_norm


def test_table_desk_only_in_a_bedroom(beleid: WoonvoorzieningBeleid) -> None:
    slaapkamer = toets_vertrek(
        GevraagdVertrek(Vertrek.eenpersoonsslaapkamer, A, Decimal(12), (R.tafel_bureau,)), beleid
    )
    assert slaapkamer.maximum_m2 == 12 and slaapkamer.binnen_norm
    keuken = toets_vertrek(
        GevraagdVertrek(Vertrek.keuken, A, Decimal(12), (R.tafel_bureau,)), beleid
    )
    assert keuken.extra_m2 == 0
    assert keuken.over_m2 == 2
    assert "alleen" in keuken.regels[1].toelichting


@pytest.mark.parametrize(("m2", "over"), [("20", "0"), ("19.5", "0"), ("25", "5")])
def test_path_at_most_20(beleid: WoonvoorzieningBeleid, m2: str, over: str) -> None:
    toets = toets_pad(Decimal(m2), beleid)
    assert toets.over_m2 == Decimal(over)
    assert toets.binnen_norm is (Decimal(over) == 0)


def test_plan_reports_per_room(beleid: WoonvoorzieningBeleid) -> None:
    plan = Bouwplan(
        vertrekken=(
            GevraagdVertrek(Vertrek.badkamer_doucheruimte, A, Decimal(3)),
            GevraagdVertrek(Vertrek.eenpersoonsslaapkamer, A, Decimal(14), (R.tillift,)),
            GevraagdVertrek(Vertrek.woonkamer, U, Decimal(6)),
        ),
        pad_m2=Decimal(22),
    )
    toets = toets_bouwplan(plan, beleid)
    assert not toets.binnen_norm
    assert [v.binnen_norm for v in toets.vertrekken] == [True, False, True]
    assert toets.vertrekken[1].over_m2 == Decimal("2.5")
    assert toets.pad is not None and toets.pad.over_m2 == 2
    assert "eenpersoonsslaapkamer" in toets.regels[-1].toelichting
    assert "pad" in toets.regels[-1].toelichting


def test_plan_within(beleid: WoonvoorzieningBeleid) -> None:
    toets = toets_bouwplan(
        Bouwplan((GevraagdVertrek(Vertrek.toiletruimte, U, Decimal(1)),)), beleid
    )
    assert toets.binnen_norm
    assert toets.pad is None


def test_negative_area_rejected(beleid: WoonvoorzieningBeleid) -> None:
    with pytest.raises(ValueError):
        toets_vertrek(GevraagdVertrek(Vertrek.keuken, A, Decimal(-1)), beleid)
