from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from wmo_finance.domain.policy import FinanceBeleid
from wmo_finance.domain.soorten import Eenheid, Productcategorie
from wmo_finance.domain.tarieven import (
    OverlappendePeriode,
    PgbGrondslag,
    Tarief,
    TariefNietGevonden,
    bedrag_voor,
    controleer_perioden,
    overlappende_perioden,
    pgb_tarief,
    voeg_periode_toe,
    zoek_tarief,
)

D = dt.date
IN_2015 = D(2015, 6, 1)

# Every row of the seed 002 table "Voor 2015 gelden de volgende tarieven": (code, ZIN or pgb, price)
SEED_002 = [
    ("HH1", "zin", "22.80", Eenheid.uur),
    ("HH2", "zin", "27.40", Eenheid.uur),
    ("HH50", "pgb", "17.17", Eenheid.uur),
    ("HH1", "pgb", "15.89", Eenheid.uur),
    ("HH2", "pgb", "19.16", Eenheid.uur),
    ("H300", "zin", "44.10", Eenheid.uur),
    ("H150", "zin", "46.69", Eenheid.uur),
    ("H152", "zin", "71.36", Eenheid.uur),
    ("H153", "zin", "75.67", Eenheid.uur),
    ("H531", "zin", "28.87", Eenheid.dagdeel),
    ("H800", "zin", "51.81", Eenheid.dagdeel),
    ("H533", "zin", "52.56", Eenheid.dagdeel),
    ("H811", "zin", "30.55", Eenheid.dagdeel),
    ("H812", "zin", "38.44", Eenheid.dagdeel),
    ("H813", "zin", "59.54", Eenheid.dagdeel),
    ("H831", "zin", "38.94", Eenheid.dagdeel),
    ("H832", "zin", "44.02", Eenheid.dagdeel),
    ("H833", "zin", "47.18", Eenheid.dagdeel),
    ("F125", "zin", "34.80", Eenheid.dagdeel),
    ("H803", "zin", "5.58", Eenheid.dag),
    ("H990", "zin", "5.59", Eenheid.dag),
    ("H894", "zin", "6.77", Eenheid.dag),
    ("H895", "zin", "16.15", Eenheid.dag),
    ("Z996", "zin", "60.49", Eenheid.dag),
]


@pytest.mark.parametrize(("code", "vorm", "prijs", "eenheid"), SEED_002)
def test_walcheren_ships_every_seed_row(
    walcheren: FinanceBeleid, code: str, vorm: str, prijs: str, eenheid: Eenheid
) -> None:
    uitkomst = zoek_tarief(walcheren.tarieven, code, IN_2015)
    tarief = uitkomst.tarief
    assert (tarief.zin_tarief if vorm == "zin" else tarief.pgb_tarief) == Decimal(prijs)
    assert tarief.eenheid is eenheid
    assert [r.rule for r in uitkomst.regels] == ["FIN-13"]


def test_walcheren_table_has_exactly_the_seed_products(walcheren: FinanceBeleid) -> None:
    assert {t.productcode for t in walcheren.tarieven} == {row[0] for row in SEED_002}
    assert len(walcheren.tarieven) == 22
    assert overlappende_perioden(walcheren.tarieven) == []


def test_categories(walcheren: FinanceBeleid) -> None:
    cat = {t.productcode: t.productcategorie for t in walcheren.tarieven}
    assert cat["HH1"] is Productcategorie.hulp_bij_het_huishouden
    assert cat["H300"] is Productcategorie.begeleiding
    assert cat["H531"] is Productcategorie.dagbesteding
    assert cat["H803"] is Productcategorie.vervoerdiensten
    assert cat["Z996"] is Productcategorie.kortdurend_verblijf


def test_alfahulp_has_only_a_pgb_tariff(walcheren: FinanceBeleid) -> None:
    tarief = zoek_tarief(walcheren.tarieven, "HH50", IN_2015).tarief
    assert tarief.zin_tarief is None
    assert tarief.pgb_tarief == Decimal("17.17")


@pytest.mark.parametrize("peildatum", [D(2014, 12, 31), D(2016, 1, 4)])
def test_outside_the_period_no_tariff(walcheren: FinanceBeleid, peildatum: dt.date) -> None:
    with pytest.raises(TariefNietGevonden, match="H300"):
        zoek_tarief(walcheren.tarieven, "H300", peildatum)


def test_unknown_code(walcheren: FinanceBeleid) -> None:
    with pytest.raises(TariefNietGevonden):
        zoek_tarief(walcheren.tarieven, "X1", IN_2015)


def test_period_edges_inclusive(walcheren: FinanceBeleid) -> None:
    zoek_tarief(walcheren.tarieven, "Z996", D(2015, 1, 1))
    zoek_tarief(walcheren.tarieven, "Z996", D(2015, 12, 31))


def test_ooststellingwerf_ships_no_tariffs(oost: FinanceBeleid) -> None:
    assert oost.tarieven == ()


def _tarief(code: str, van: dt.date, tot: dt.date | None, zin: str = "10.00") -> Tarief:
    return Tarief(
        productcode=code,
        omschrijving="test",
        productcategorie=Productcategorie.begeleiding,
        eenheid=Eenheid.uur,
        zin_tarief=Decimal(zin),
        geldig_van=van,
        geldig_tot=tot,
    )


def test_new_period_next_to_the_old_one() -> None:
    oud = (_tarief("02A01", D(2024, 1, 1), D(2024, 12, 31)),)
    nieuw = _tarief("02A01", D(2025, 1, 1), None, zin="11.00")
    tabel = voeg_periode_toe(oud, nieuw)
    assert tabel == (oud[0], nieuw)
    assert zoek_tarief(tabel, "02A01", D(2024, 12, 31)).tarief.zin_tarief == Decimal("10.00")
    assert zoek_tarief(tabel, "02A01", D(2025, 1, 1)).tarief.zin_tarief == Decimal("11.00")


def test_new_period_may_not_rewrite_an_old_one() -> None:
    oud = (_tarief("02A01", D(2024, 1, 1), D(2024, 12, 31)),)
    with pytest.raises(OverlappendePeriode, match="02A01"):
        voeg_periode_toe(oud, _tarief("02A01", D(2024, 12, 31), None, zin="11.00"))
    assert oud[0].geldig_tot == D(2024, 12, 31)  # unchanged


def test_open_period_is_closed_only_on_request() -> None:
    oud = (_tarief("02A01", D(2024, 1, 1), None),)
    nieuw = _tarief("02A01", D(2025, 1, 1), None, zin="11.00")
    with pytest.raises(OverlappendePeriode):
        voeg_periode_toe(oud, nieuw)
    tabel = voeg_periode_toe(oud, nieuw, sluit_open_periode=True)
    assert tabel[0].geldig_tot == D(2024, 12, 31)
    assert tabel[0].zin_tarief == Decimal("10.00")
    assert oud[0].geldig_tot is None


def test_other_codes_do_not_overlap() -> None:
    controleer_perioden([_tarief("A", D(2024, 1, 1), None), _tarief("B", D(2024, 1, 1), None)])


def test_tarief_needs_a_price_and_a_valid_code() -> None:
    with pytest.raises(ValidationError):
        Tarief(
            productcode="H1",
            omschrijving="x",
            productcategorie=Productcategorie.begeleiding,
            eenheid=Eenheid.uur,
            geldig_van=D(2024, 1, 1),
        )
    with pytest.raises(ValidationError):
        _tarief("TOOLONG", D(2024, 1, 1), None)
    with pytest.raises(ValidationError):
        _tarief("A", D(2024, 1, 1), D(2023, 1, 1))


def test_pgb_tariff_agreed_first(walcheren: FinanceBeleid) -> None:
    hh1 = zoek_tarief(walcheren.tarieven, "HH1", IN_2015).tarief
    uitkomst = pgb_tarief(hh1, percentage_van_zin=Decimal(75), minimum_offertes=2)
    assert uitkomst.grondslag is PgbGrondslag.afgesproken
    assert uitkomst.tarief_per_eenheid == Decimal("15.89")


def test_pgb_tariff_25_percent_below_zin_stays_exact(walcheren: FinanceBeleid) -> None:
    h300 = zoek_tarief(walcheren.tarieven, "H300", IN_2015).tarief
    # the numbers of seed 002 art. 11; the pgb service keeps them in its own pgb.yaml
    uitkomst = pgb_tarief(h300, percentage_van_zin=Decimal(75), minimum_offertes=2)
    assert uitkomst.grondslag is PgbGrondslag.afgeleid_van_zin
    assert uitkomst.tarief_per_eenheid == Decimal("33.075")
    assert {r.rule for r in uitkomst.regels} == {"FIN-01", "PGB-11"}
    # rounding once: 3 h × 33.075 = 99.225 → 99.23 (rounding the rate first would give 99.24)
    assert bedrag_voor(Decimal(3), uitkomst.tarief_per_eenheid) == Decimal("99.23")


def test_pgb_tariff_without_comparable_product_needs_quotes() -> None:
    uitkomst = pgb_tarief(None, percentage_van_zin=Decimal(75), minimum_offertes=2)
    assert uitkomst.grondslag is PgbGrondslag.offertes
    assert uitkomst.tarief_per_eenheid is None
    assert uitkomst.minimum_offertes == 2


def test_pgb_tariff_90_percent_of_zin() -> None:
    tarief = _tarief("02A03", D(2024, 1, 1), None, zin="60.00")
    uitkomst = pgb_tarief(tarief, percentage_van_zin=Decimal(90), minimum_offertes=None)
    assert uitkomst.tarief_per_eenheid == Decimal("54.00")


def test_bedrag_voor_rejects_negative() -> None:
    with pytest.raises(ValueError):
        bedrag_voor(Decimal(-1), Decimal(10))
