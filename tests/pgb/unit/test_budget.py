"""Budget arithmetic for both shipped policies, scenario C included (PGB-11, FIN-13)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pydantic import ValidationError

from tests.pgb.unit.voorbeelden import omvang, ooststellingwerf, walcheren
from wmo_pgb.domain.budget import (
    BudgetNietTeBepalen,
    Offerte,
    Periode,
    Tariefgrondslag,
    bereken_budget,
)
from wmo_pgb.domain.kwalificatie import Kwalificatie

FORMEEL = Kwalificatie.FORMEEL
NETWERK = Kwalificatie.INFORMEEL_NETWERK
OVERIG = Kwalificatie.INFORMEEL_OVERIG
MAART_DECEMBER_2015 = Periode(begin=dt.date(2015, 3, 1), eind=dt.date(2015, 12, 31))


def _periode(begin: str, eind: str) -> Periode:
    return Periode(begin=dt.date.fromisoformat(begin), eind=dt.date.fromisoformat(eind))


def test_scenario_c_anna_bakker() -> None:
    # Vlissingen 2015, 3 hours a week alfahulp at the agreed pgb tariff HH50 €17.17.
    budget = bereken_budget(
        walcheren(),
        kwalificatie=OVERIG,
        omvang=omvang("3"),
        periode=MAART_DECEMBER_2015,
        zin_tarief=None,
        pgb_tarief=Decimal("17.17"),
    )
    assert budget.dagen == 306
    assert budget.tarief == Decimal("17.17")
    assert budget.tariefgrondslag is Tariefgrondslag.AFGESPROKEN_PGB_TARIEF
    # 3 × 306 / 7 = 131 1/7 hours; × 17.17 = 2251.7228... → 2251.72
    assert budget.aantal_eenheden == Decimal("131.1429")
    assert budget.bedrag == Decimal("2251.72")
    assert str(budget.bedrag) == "2251.72"
    assert budget.berekening == (
        "3 uur per week × 306 dagen / 7 = 131,1429 uur × € 17,17 = € 2.251,72"
    )
    assert [r.rule for r in budget.regels] == ["PGB-11", "FIN-13"]
    assert budget.offerte is None


def test_walcheren_agreed_pgb_tariff_comes_before_the_percentage() -> None:
    # HH1 huishoudelijke hulp: ZIN €22.80, pgb €15.89 (not 75% = €17.10).
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("2"),
        periode=_periode("2015-06-01", "2015-06-07"),
        zin_tarief=Decimal("22.80"),
        pgb_tarief=Decimal("15.89"),
    )
    assert budget.tariefgrondslag is Tariefgrondslag.AFGESPROKEN_PGB_TARIEF
    assert budget.bedrag == Decimal("31.78")


def test_walcheren_25_percent_below_zin_without_an_agreed_tariff() -> None:
    # H300 begeleiding €44.10 → €33.075 an hour, kept exact.
    budget = bereken_budget(
        walcheren(),
        kwalificatie=NETWERK,
        omvang=omvang("4"),
        periode=_periode("2015-01-15", "2015-01-28"),  # two weeks
        zin_tarief=Decimal("44.10"),
    )
    assert budget.tariefgrondslag is Tariefgrondslag.PERCENTAGE_ZIN_TARIEF
    assert budget.tarief == Decimal("33.075")
    assert budget.bedrag == Decimal("264.60")  # 8 × 33.075
    assert {r.rule for r in budget.regels} == {"PGB-11", "FIN-01", "FIN-13"}
    assert "€ 33,075" in budget.regels[0].toelichting


def test_rounding_is_half_up_and_only_at_the_end() -> None:
    # 75% of €22.86 = €17.145: half-up gives €17.15 (half-even would give €17.14).
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("1", "stuk", "totaal"),
        periode=MAART_DECEMBER_2015,
        zin_tarief=Decimal("22.86"),
    )
    assert budget.tarief == Decimal("17.145")
    assert budget.bedrag == Decimal("17.15")


def test_walcheren_cheapest_fitting_of_two_quotes_without_comparable_zin() -> None:
    offertes = [
        Offerte(aanbieder="A", tarief=Decimal("40.00")),
        Offerte(aanbieder="B", tarief=Decimal("35.50")),
        Offerte(aanbieder="C", tarief=Decimal("30.00"), passend=False),
    ]
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("1"),
        periode=_periode("2015-06-01", "2015-06-14"),
        zin_tarief=None,
        offertes=offertes,
    )
    assert budget.tariefgrondslag is Tariefgrondslag.GOEDKOOPSTE_OFFERTE
    assert budget.offerte == offertes[1]
    assert budget.bedrag == Decimal("71.00")


def test_quotes_do_not_count_when_a_comparable_zin_product_exists() -> None:
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("1"),
        periode=_periode("2015-06-01", "2015-06-07"),
        zin_tarief=Decimal("44.10"),
        offertes=[
            Offerte(aanbieder="A", tarief=Decimal("1")),
            Offerte(aanbieder="B", tarief=Decimal("2")),
        ],
    )
    assert budget.tariefgrondslag is Tariefgrondslag.PERCENTAGE_ZIN_TARIEF


@pytest.mark.parametrize(
    ("offertes", "code"),
    [
        ([], "te-weinig-offertes"),
        ([Offerte(aanbieder="A", tarief=Decimal("40"))], "te-weinig-offertes"),
        (
            [
                Offerte(aanbieder="A", tarief=Decimal("40"), passend=False),
                Offerte(aanbieder="B", tarief=Decimal("50"), passend=False),
            ],
            "geen-passende-offerte",
        ),
    ],
)
def test_walcheren_quote_route_needs_two_quotes_and_a_fitting_one(
    offertes: list[Offerte], code: str
) -> None:
    with pytest.raises(BudgetNietTeBepalen) as fout:
        bereken_budget(
            walcheren(),
            kwalificatie=FORMEEL,
            omvang=omvang("1"),
            periode=MAART_DECEMBER_2015,
            zin_tarief=None,
            offertes=offertes,
        )
    assert (fout.value.rule, fout.value.code) == ("PGB-11", code)


def test_ooststellingwerf_90_percent_of_zin_for_formal_care() -> None:
    # 3.5 hours a week for a year from 1 April 2026 (365 days) at 90% of a ZIN tariff of €60.00.
    budget = bereken_budget(
        ooststellingwerf(),
        kwalificatie=FORMEEL,
        omvang=omvang("3.5"),
        periode=_periode("2026-04-01", "2027-03-31"),
        zin_tarief=Decimal("60.00"),
        pgb_tarief=Decimal("40.00"),  # Ooststellingwerf agrees no pgb tariffs: ignored
    )
    assert budget.tariefgrondslag is Tariefgrondslag.PERCENTAGE_ZIN_TARIEF
    assert budget.tarief == Decimal("54.00")
    assert budget.dagen == 365
    assert budget.bedrag == Decimal("9855.00")  # 3.5 × 365 / 7 = 182.5 hours × €54


@pytest.mark.parametrize("kwalificatie", [NETWERK, OVERIG])
def test_ooststellingwerf_informal_rate_is_not_in_the_policy(kwalificatie: Kwalificatie) -> None:
    with pytest.raises(BudgetNietTeBepalen) as fout:
        bereken_budget(
            ooststellingwerf(),
            kwalificatie=kwalificatie,
            omvang=omvang("3"),
            periode=_periode("2026-04-01", "2026-12-31"),
            zin_tarief=Decimal("30.00"),
        )
    assert (fout.value.rule, fout.value.code) == ("PGB-11", "niet-in-beleid-geregeld")
    assert "informele zorg" in fout.value.reden


def test_ooststellingwerf_without_zin_tariff_cannot_set_a_budget() -> None:
    with pytest.raises(BudgetNietTeBepalen) as fout:
        bereken_budget(
            ooststellingwerf(),
            kwalificatie=FORMEEL,
            omvang=omvang("3"),
            periode=_periode("2026-04-01", "2026-12-31"),
            zin_tarief=None,
            offertes=[
                Offerte(aanbieder="A", tarief=Decimal("1")),
                Offerte(aanbieder="B", tarief=Decimal("2")),
            ],
        )
    assert fout.value.code == "zin-tarief-ontbreekt"


@pytest.mark.parametrize(
    ("begin", "eind", "maanden"),
    [
        ("2015-03-01", "2015-12-31", Decimal(10)),
        ("2015-01-15", "2015-01-31", Decimal(17) / Decimal(31)),
        ("2024-02-01", "2024-02-29", Decimal(1)),  # leap year: a whole February
        ("2015-02-15", "2015-03-14", Decimal(14) / Decimal(28) + Decimal(14) / Decimal(31)),
        ("2015-12-01", "2016-01-31", Decimal(2)),
    ],
)
def test_per_maand_counts_the_share_of_each_calendar_month(
    begin: str, eind: str, maanden: Decimal
) -> None:
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("4", "dagdeel", "per_maand"),
        periode=_periode(begin, eind),
        zin_tarief=Decimal("28.87"),  # H531 dagactiviteit basis
    )
    verwacht = (Decimal(4) * maanden * Decimal("28.87") * Decimal("0.75")).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert budget.bedrag == verwacht


def test_a_whole_year_is_52_and_one_seventh_weeks() -> None:
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("7"),
        periode=_periode("2015-01-01", "2015-12-31"),
        zin_tarief=None,
        pgb_tarief=Decimal("1.00"),
    )
    assert budget.bedrag == Decimal("365.00")


def test_totaal_is_not_scaled_by_the_period() -> None:
    budget = bereken_budget(
        walcheren(),
        kwalificatie=FORMEEL,
        omvang=omvang("1", "stuk", "totaal"),
        periode=MAART_DECEMBER_2015,
        zin_tarief=None,
        offertes=[
            Offerte(aanbieder="A", tarief=Decimal("1250")),
            Offerte(aanbieder="B", tarief=Decimal("1400")),
        ],
    )
    assert budget.bedrag == Decimal("1250.00")
    assert budget.berekening.endswith("= € 1.250,00")


@pytest.mark.parametrize("tarief", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity")])
def test_an_invalid_tariff_is_refused(tarief: Decimal) -> None:
    with pytest.raises(BudgetNietTeBepalen) as fout:
        bereken_budget(
            walcheren(),
            kwalificatie=FORMEEL,
            omvang=omvang("1"),
            periode=MAART_DECEMBER_2015,
            zin_tarief=tarief,
        )
    assert fout.value.code == "ongeldig-tarief"


def test_period_and_omvang_are_validated() -> None:
    with pytest.raises(ValidationError):
        _periode("2015-12-31", "2015-03-01")
    with pytest.raises(ValidationError):
        omvang("0")
    assert _periode("2015-03-01", "2015-03-01").dagen == 1
