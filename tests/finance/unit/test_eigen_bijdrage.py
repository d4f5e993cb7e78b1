from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.eigen_bijdrage import (
    HulpmiddelVorm,
    eigen_bijdrage_hulpmiddel,
    eigen_bijdrage_tegemoetkoming,
    geen_eigen_bijdrage_onderhoud,
    hulpmiddel_verstrekking,
    maandschema,
)
from wmo_finance.domain.policy import EigenBijdrageBeleid, FinanceBeleid
from wmo_finance.domain.soorten import VoorzieningSoort

D = dt.date
V = VoorzieningSoort


@pytest.fixture
def beleid(oost: FinanceBeleid) -> EigenBijdrageBeleid:
    return oost.eigen_bijdrage


def test_scenario_b_120_months(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.onroerende_woonvoorziening,
        toegekend_bedrag=Decimal("12240.00"),
        ingangsdatum=D(2024, 1, 1),
        beleid=beleid,
    )
    assert uitkomst.aantal_maanden == 120
    assert uitkomst.totaal == Decimal("2280.00")
    assert uitkomst.einddatum == D(2033, 12, 31)
    assert uitkomst.schema[-1].datum == D(2033, 12, 1)
    assert all(t.bedrag == Decimal("19.00") for t in uitkomst.schema)
    assert {r.rule for r in uitkomst.regels} == {"FIN-08"}
    assert "maximale duur" in " ".join(r.toelichting for r in uitkomst.regels)


@pytest.mark.parametrize(
    ("soort", "maanden"),
    [
        (V.roerende_woonvoorziening, 84),
        (V.onroerende_woonvoorziening, 120),
        (V.aanbouw, 180),
        (V.hulpmiddel, 84),
        (V.sportvoorziening, 36),
    ],
)
def test_maximum_duration_per_kind(
    beleid: EigenBijdrageBeleid, soort: VoorzieningSoort, maanden: int
) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=soort,
        toegekend_bedrag=Decimal("100000.00"),
        ingangsdatum=D(2024, 1, 1),
        beleid=beleid,
    )
    assert uitkomst.aantal_maanden == maanden == uitkomst.max_maanden
    assert uitkomst.totaal == Decimal(19 * maanden)


def test_cap_reached_mid_month_last_month_partial(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.roerende_woonvoorziening,
        toegekend_bedrag=Decimal("100.00"),
        ingangsdatum=D(2024, 1, 31),
        beleid=beleid,
    )
    assert [t.bedrag for t in uitkomst.schema] == [Decimal("19.00")] * 5 + [Decimal("5.00")]
    assert uitkomst.schema[-1].gedeeltelijk
    assert not any(t.gedeeltelijk for t in uitkomst.schema[:-1])
    assert uitkomst.totaal == Decimal("100.00")
    # dates counted from the start, clamped: 31 Jan, 29 Feb, 31 Mar, 30 Apr, 31 May, 30 Jun
    assert [t.datum for t in uitkomst.schema] == [
        D(2024, 1, 31),
        D(2024, 2, 29),
        D(2024, 3, 31),
        D(2024, 4, 30),
        D(2024, 5, 31),
        D(2024, 6, 30),
    ]
    assert uitkomst.einddatum == D(2024, 7, 30)
    assert "gedeeltelijk" in " ".join(r.toelichting for r in uitkomst.regels)


def test_cap_an_exact_multiple_has_no_partial_month(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.hulpmiddel,
        toegekend_bedrag=Decimal("95.00"),
        ingangsdatum=D(2024, 1, 1),
        beleid=beleid,
    )
    assert uitkomst.aantal_maanden == 5
    assert not uitkomst.schema[-1].gedeeltelijk
    assert uitkomst.totaal == Decimal("95.00")


def test_cap_below_one_month(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.hulpmiddel,
        toegekend_bedrag=Decimal("0.01"),
        ingangsdatum=D(2024, 1, 1),
        beleid=beleid,
    )
    assert [t.bedrag for t in uitkomst.schema] == [Decimal("0.01")]


def test_nothing_granted_nothing_due(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.hulpmiddel,
        toegekend_bedrag=Decimal("0.00"),
        ingangsdatum=D(2024, 1, 1),
        beleid=beleid,
    )
    assert not uitkomst.verschuldigd
    assert uitkomst.totaal == 0
    assert uitkomst.einddatum is None


def test_use_ends(beleid: EigenBijdrageBeleid) -> None:
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=V.aanbouw,
        toegekend_bedrag=Decimal("20000.00"),
        ingangsdatum=D(2024, 1, 15),
        beleid=beleid,
        einddatum_gebruik=D(2024, 4, 15),  # the month starting on this day still counts
    )
    assert uitkomst.aantal_maanden == 4
    assert uitkomst.totaal == Decimal("76.00")


def test_maintenance_has_no_eigen_bijdrage() -> None:
    uitkomst = geen_eigen_bijdrage_onderhoud()
    assert not uitkomst.verschuldigd
    assert uitkomst.schema == ()
    assert uitkomst.regels[0].rule == "FIN-06"


def test_schema_rejects_fractional_cents() -> None:
    with pytest.raises(ValueError):
        maandschema(
            ingangsdatum=D(2024, 1, 1), maandbedragen=Decimal("19.00"), plafond=Decimal("1.005")
        )
    with pytest.raises(ValueError):
        maandschema(
            ingangsdatum=D(2024, 1, 1), maandbedragen=Decimal("0"), plafond=Decimal("10.00")
        )


# --- FIN-09 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kostprijs", "vorm"),
    [
        ("499.99", HulpmiddelVorm.eigendom),
        ("500.00", HulpmiddelVorm.eigendom),  # "boven dat bedrag" is bruikleen; 500 is not above
        ("500.01", HulpmiddelVorm.bruikleen),
    ],
)
def test_hulpmiddel_500_line(oost: FinanceBeleid, kostprijs: str, vorm: HulpmiddelVorm) -> None:
    uitkomst = hulpmiddel_verstrekking(Decimal(kostprijs), oost.hulpmiddelen)
    assert uitkomst.vorm is vorm
    assert uitkomst.regels[0].rule == "FIN-09"


def test_hulpmiddel_on_loan_stops_when_use_ends(oost: FinanceBeleid) -> None:
    uitkomst = eigen_bijdrage_hulpmiddel(
        kostprijs=Decimal("1200.00"),
        ingangsdatum=D(2024, 1, 1),
        maandbedragen=Decimal("20.60"),
        beleid=oost.hulpmiddelen,
        einddatum_gebruik=D(2024, 6, 30),
    )
    assert uitkomst.aantal_maanden == 6
    assert uitkomst.totaal == Decimal("123.60")


def test_hulpmiddel_in_ownership_runs_to_the_kostprijs(oost: FinanceBeleid) -> None:
    uitkomst = eigen_bijdrage_hulpmiddel(
        kostprijs=Decimal("100.00"),
        ingangsdatum=D(2023, 11, 1),
        maandbedragen={2023: Decimal("19.00"), 2024: Decimal("20.60")},
        beleid=oost.hulpmiddelen,
        einddatum_gebruik=D(2023, 11, 30),  # does not stop it: the client owns the aid
    )
    assert [t.bedrag for t in uitkomst.schema] == [
        Decimal("19.00"),
        Decimal("19.00"),
        Decimal("20.60"),
        Decimal("20.60"),
        Decimal("20.60"),
        Decimal("0.20"),
    ]
    assert uitkomst.totaal == Decimal("100.00")


def test_missing_year_amount(oost: FinanceBeleid) -> None:
    with pytest.raises(LookupError):
        eigen_bijdrage_hulpmiddel(
            kostprijs=Decimal("1000.00"),
            ingangsdatum=D(2023, 12, 1),
            maandbedragen={2023: Decimal("19.00")},
            beleid=oost.hulpmiddelen,
        )
