"""The shipped pgb.yaml files load through the real registry and validate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from tests.pgb.unit.voorbeelden import OOSTSTELLINGWERF, VLISSINGEN, beleid
from wmo_pgb.domain.policy import SECTION, Kostensoort, PgbBeleid, Tarieven, pgb_beleid
from wmo_shared.policy import PolicyNotFound, PolicyRegistry


def test_every_policy_has_a_valid_pgb_section() -> None:
    registry = PolicyRegistry.load()
    registry.validate_sections(SECTION, PgbBeleid)
    naam_met_pgb = {p.naam for p in registry.policies if p.has_section(SECTION)}
    assert naam_met_pgb == {"ooststellingwerf-2023", "walcheren-2015"}


@pytest.mark.parametrize("gemeente", ["0687", "0718", "0717"])
def test_walcheren_seed_002(gemeente: str) -> None:
    pgb = beleid(gemeente, dt.date(2015, 6, 1))
    for regel in (
        pgb.tarieven.formeel,
        pgb.tarieven.informeel_netwerk,
        pgb.tarieven.informeel_overig,
    ):
        assert regel is not None
        assert regel.afgesproken_pgb_tarief is True
        assert regel.percentage_van_zin == Decimal("75")
        assert regel.minimaal_aantal_offertes == 2
    svb = pgb.svb
    assert svb.verantwoordingsvrij_bedrag == Decimal("250.00")
    assert svb.opting_in_kosten_per_loonstrook == Decimal("27.50")
    assert {k: r.toegestaan for k, r in svb.kosten_uit_pgb.items()} == {
        Kostensoort.REISKOSTEN: False,
        Kostensoort.EENMALIGE_UITKERING_EINDE_PGB: False,
        Kostensoort.FEESTDAGENUITKERING: False,
        Kostensoort.BEMIDDELINGSKOSTEN: False,
        Kostensoort.SALARISADMINISTRATIE_OPTING_IN: True,
        Kostensoort.ADMINISTRATIEKOSTEN: True,
    }
    assert svb.bestedingscontrole is not None
    assert svb.bestedingscontrole.minimaal_per_jaar == 1
    assert svb.bestedingscontrole.frequentie_per_beschikking is True


def test_ooststellingwerf_seed_001_leaves_out_what_it_does_not_say() -> None:
    pgb = beleid(OOSTSTELLINGWERF, dt.date(2023, 4, 1))
    assert pgb.tarieven.formeel.percentage_van_zin == Decimal("90")
    assert pgb.tarieven.formeel.afgesproken_pgb_tarief is False
    assert pgb.tarieven.formeel.minimaal_aantal_offertes is None
    assert pgb.tarieven.informeel_netwerk is None
    assert pgb.tarieven.informeel_overig is None
    assert pgb.svb.verantwoordingsvrij_bedrag is None
    assert pgb.svb.kosten_uit_pgb == {}
    assert pgb.svb.bestedingscontrole is None


@pytest.mark.parametrize(
    ("gemeente", "peildatum"),
    [
        (VLISSINGEN, dt.date(2016, 1, 4)),  # scenario C step 5: the Walcheren rules lapsed
        (VLISSINGEN, dt.date(2015, 1, 14)),
        (OOSTSTELLINGWERF, dt.date(2023, 3, 31)),
        ("0363", dt.date(2024, 1, 1)),
    ],
)
def test_no_policy_in_force(gemeente: str, peildatum: dt.date) -> None:
    with pytest.raises(PolicyNotFound):
        pgb_beleid(PolicyRegistry.load(), gemeente, peildatum)


def _tarieven(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "formeel": {"percentage_van_zin": "90"},
        "informeel_netwerk": {"percentage_van_zin": "70"},
        "informeel_overig": None,
    }
    data.update(overrides)
    return data


def test_a_float_amount_is_refused() -> None:
    with pytest.raises(ValidationError, match="als tekst"):
        Tarieven.model_validate(_tarieven(formeel={"percentage_van_zin": 90.0}))


def test_informal_above_formal_is_refused() -> None:
    with pytest.raises(ValidationError, match="boven"):
        Tarieven.model_validate(_tarieven(informeel_netwerk={"percentage_van_zin": "95"}))


def test_a_tariff_rule_needs_a_method() -> None:
    with pytest.raises(ValidationError, match="minstens"):
        Tarieven.model_validate(_tarieven(formeel={}))


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValidationError):
        PgbBeleid.model_validate(
            {"tarieven": _tarieven(), "svb": {"verantwoordingsvrij_bedrg": "250.00"}}
        )
    with pytest.raises(ValidationError):
        PgbBeleid.model_validate(
            {
                "tarieven": _tarieven(),
                "svb": {"kosten_uit_pgb": {"reiskostn": {"toegestaan": True}}},
            }
        )


def test_the_model_is_frozen() -> None:
    pgb = beleid(VLISSINGEN, dt.date(2015, 6, 1))
    with pytest.raises(ValidationError):
        pgb.svb.verantwoordingsvrij_bedrag = Decimal(0)  # type: ignore[misc,unused-ignore]
