"""SVB trekkingsrecht (PGB-12) and the spending check (PGB-14)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.pgb.unit.voorbeelden import ooststellingwerf, walcheren
from wmo_pgb.domain.policy import Kostensoort
from wmo_pgb.domain.svb import (
    Antwoord,
    mag_uit_pgb,
    toets_controlefrequentie,
    verantwoordingsvrij_bedrag,
)


@pytest.mark.parametrize(
    ("kostensoort", "antwoord"),
    [
        (Kostensoort.REISKOSTEN, Antwoord.NEE),
        (Kostensoort.EENMALIGE_UITKERING_EINDE_PGB, Antwoord.NEE),
        (Kostensoort.FEESTDAGENUITKERING, Antwoord.NEE),
        (Kostensoort.BEMIDDELINGSKOSTEN, Antwoord.NEE),
        (Kostensoort.SALARISADMINISTRATIE_OPTING_IN, Antwoord.JA),
        (Kostensoort.ADMINISTRATIEKOSTEN, Antwoord.JA),
    ],
)
def test_walcheren_bijlage_3(kostensoort: Kostensoort, antwoord: Antwoord) -> None:
    uitkomst = mag_uit_pgb(walcheren(), kostensoort)
    assert uitkomst.antwoord is antwoord
    assert uitkomst.kostensoort is kostensoort
    assert uitkomst.regel.rule == "PGB-12"


def test_scenario_c_travel_costs_of_the_alfahulp() -> None:
    uitkomst = mag_uit_pgb(walcheren(), Kostensoort.REISKOSTEN)
    assert uitkomst.antwoord is Antwoord.NEE
    assert "niet toe" in uitkomst.regel.toelichting


def test_opting_in_names_what_the_svb_charges_the_gemeente() -> None:
    toelichting = mag_uit_pgb(
        walcheren(), Kostensoort.SALARISADMINISTRATIE_OPTING_IN
    ).regel.toelichting
    assert "€ 27,50 per loonstrook" in toelichting


def test_feestdagenuitkering_carries_the_seed_explanation() -> None:
    toelichting = mag_uit_pgb(walcheren(), Kostensoort.FEESTDAGENUITKERING).regel.toelichting
    assert "€ 272" in toelichting


@pytest.mark.parametrize("kostensoort", list(Kostensoort))
def test_ooststellingwerf_does_not_regulate_cost_types(kostensoort: Kostensoort) -> None:
    uitkomst = mag_uit_pgb(ooststellingwerf(), kostensoort)
    assert uitkomst.antwoord is Antwoord.NIET_IN_BELEID_GEREGELD
    assert uitkomst.regel.rule == "PGB-12"


def test_verantwoordingsvrij_bedrag() -> None:
    walcheren_bedrag = verantwoordingsvrij_bedrag(walcheren())
    assert (walcheren_bedrag.antwoord, walcheren_bedrag.bedrag) == (Antwoord.JA, Decimal("250.00"))
    assert "€ 250,00" in walcheren_bedrag.regel.toelichting
    oost = verantwoordingsvrij_bedrag(ooststellingwerf())
    assert (oost.antwoord, oost.bedrag) == (Antwoord.NIET_IN_BELEID_GEREGELD, None)


@pytest.mark.parametrize(
    ("per_jaar", "antwoord"),
    [(None, Antwoord.NEE), (0, Antwoord.NEE), (1, Antwoord.JA), (4, Antwoord.JA)],
)
def test_walcheren_spending_check_at_least_yearly_and_set_per_beschikking(
    per_jaar: int | None, antwoord: Antwoord
) -> None:
    uitkomst = toets_controlefrequentie(walcheren(), per_jaar)
    assert uitkomst.antwoord is antwoord
    assert uitkomst.minimaal_per_jaar == 1
    assert uitkomst.regel.rule == "PGB-14"


@pytest.mark.parametrize("per_jaar", [None, 1])
def test_ooststellingwerf_spending_check_not_regulated(per_jaar: int | None) -> None:
    uitkomst = toets_controlefrequentie(ooststellingwerf(), per_jaar)
    assert uitkomst.antwoord is Antwoord.NIET_IN_BELEID_GEREGELD
    assert uitkomst.minimaal_per_jaar is None
