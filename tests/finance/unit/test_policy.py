"""Both shipped finance.yaml files, loaded the way the service loads them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.policy import CakRegime, FinancePolicy, finance_beleid
from wmo_finance.domain.soorten import Ruimtehulpmiddel, Vertrek, VoorzieningSoort
from wmo_shared.policy import PolicyNotFound, PolicyRegistry

D = dt.date


def test_every_policy_section_validates(registry: PolicyRegistry) -> None:
    registry.validate_sections("finance", FinancePolicy)
    namen = {p.naam for p in registry.policies if p.has_section("finance")}
    assert {"ooststellingwerf-2023", "walcheren-2015"} <= namen


def test_ooststellingwerf_numbers(registry: PolicyRegistry) -> None:
    beleid = finance_beleid(registry, "0085", D(2023, 4, 1))
    assert beleid.tegemoetkoming.percentage == 90
    assert beleid.tegemoetkoming.onderhoud_percentage == 90
    assert beleid.tegemoetkoming.bewijs_termijn_maanden == 3
    assert beleid.eigen_bijdrage.per_maand == Decimal("19.00")
    assert beleid.eigen_bijdrage.max_duur_jaren == {
        VoorzieningSoort.roerende_woonvoorziening: 7,
        VoorzieningSoort.onroerende_woonvoorziening: 10,
        VoorzieningSoort.aanbouw: 15,
        VoorzieningSoort.hulpmiddel: 7,
        VoorzieningSoort.sportvoorziening: 3,
    }
    assert beleid.hulpmiddelen.eigendom_tot_en_met == Decimal("500.00")
    v = beleid.vervoer
    assert (v.kilometers_per_jaar, v.kilometers_gemotiveerd_max) == (1500, 2000)
    assert v.kilometers_ander_vervoer_of_intramuraal == 750
    assert (v.tarief_per_km, v.factor_echtpaar) == (Decimal("0.20"), Decimal("1.5"))
    w = beleid.woonvoorzieningen
    assert set(w.vertrekken) == set(Vertrek)
    assert set(w.extra_ruimte) == set(Ruimtehulpmiddel)
    assert w.pad_max_m2 == 20
    assert beleid.cak.regime is CakRegime.abonnementstarief
    assert beleid.tarieven == ()


def test_walcheren_only_what_seed_002_gives(registry: PolicyRegistry) -> None:
    beleid = finance_beleid(registry, "0687", D(2015, 1, 15))
    assert beleid.cak.regime is CakRegime.inkomensafhankelijk
    assert len(beleid.tarieven) == 22
    for deel in (
        "tegemoetkoming",
        "eigen_bijdrage",
        "hulpmiddelen",
        "vervoer",
        "woonvoorzieningen",
    ):
        with pytest.raises(PolicyNotFound, match=f"finance.{deel}"):
            getattr(beleid, deel)


@pytest.mark.parametrize(
    ("gemeente", "peildatum"),
    [
        ("0718", D(2016, 1, 4)),  # scenario C: the Walcheren rules have lapsed
        ("0718", D(2015, 1, 14)),
        ("0085", D(2023, 3, 31)),  # before the Ooststellingwerf rules
        ("0363", D(2024, 1, 1)),  # a gemeente without policy
    ],
)
def test_no_policy_propagates(registry: PolicyRegistry, gemeente: str, peildatum: dt.date) -> None:
    with pytest.raises(PolicyNotFound):
        finance_beleid(registry, gemeente, peildatum)


def test_same_policy_for_all_walcheren_gemeenten(registry: PolicyRegistry) -> None:
    tarieven = {
        finance_beleid(registry, code, D(2015, 6, 1)).tarieven for code in ("0687", "0718", "0717")
    }
    assert len(tarieven) == 1
