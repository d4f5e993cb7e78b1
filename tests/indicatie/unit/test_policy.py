"""The real indicatie.yaml loads through the registry and holds the numbers chosen from seed 001
(IND-05, IND-06, IND-07, IND-10, IND-11, IND-13, IND-04)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from wmo_indicatie.domain.begrippen import Aard, DuurCategorie, Perceel, Profiel
from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_shared.policy import POLICY_DIR, PolicyNotFound, PolicyRegistry


def _raw() -> dict[str, Any]:
    path = POLICY_DIR / "ooststellingwerf-2023" / "indicatie.yaml"
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


def test_real_yaml_validates_through_the_registry() -> None:
    registry = PolicyRegistry.load()
    registry.validate_sections(SECTION, IndicatiePolicy)
    policy = registry.section("0085", dt.date(2023, 4, 1), SECTION, IndicatiePolicy)
    assert isinstance(policy, IndicatiePolicy)
    assert set(policy.profielen) == set(Profiel)
    assert set(policy.percelen) == set(Perceel)


def test_walcheren_has_no_normenkader_begeleiding() -> None:
    with pytest.raises(PolicyNotFound):
        PolicyRegistry.load().section("0687", dt.date(2015, 6, 1), SECTION, IndicatiePolicy)


D = Decimal


@pytest.mark.parametrize(
    ("profiel", "minimum", "maximum", "typisch", "plus"),
    [
        (Profiel.IBO_1, None, D("1.0"), D("1.0"), False),
        (Profiel.IBB_1, None, D("1.0"), D("1.0"), False),
        (Profiel.IBO_2, D("1.0"), D("3.0"), D("2.0"), False),
        (Profiel.IBB_2, D("1.0"), D("3.0"), D("2.0"), False),
        (Profiel.IBO_3, D("3.0"), D("5.0"), D("4.0"), True),
        (Profiel.IBB_3, D("3.0"), D("5.0"), D("4.0"), True),
        (Profiel.IBO_4, D("6.0"), None, D("6.0"), True),
        (Profiel.IBB_4, D("6.0"), None, D("6.0"), True),
        (Profiel.DBB_1, D(1), D(4), D(2), False),
        (Profiel.DBO_1, D(1), D(4), D(2), True),
        (Profiel.DBB_2, D(5), D(8), D(6), False),
        (Profiel.DBO_2, D(5), D(8), D(6), True),
    ],
)
def test_bands_typical_values_and_plus_per_profile(
    policy: IndicatiePolicy,
    profiel: Profiel,
    minimum: Decimal | None,
    maximum: Decimal | None,
    typisch: Decimal,
    plus: bool,
) -> None:
    beleid = policy.profiel(profiel)
    assert (beleid.minimum, beleid.maximum, beleid.typisch) == (minimum, maximum, typisch)
    assert beleid.plus_toegestaan is plus


def test_duur_netwerk_productcategorie(policy: IndicatiePolicy) -> None:
    assert policy.duur_maanden == {
        DuurCategorie.KORTE_TERMIJN: 3,
        DuurCategorie.SNEL_HAALBAAR: 6,
        DuurCategorie.LANGERE_INZET: 12,
        DuurCategorie.ONDERHOUDSDOSIS: 24,
        DuurCategorie.LEVENSLANG: 60,
    }
    assert policy.netwerkcorrectie == {
        Aard.INDIVIDUELE_BEGELEIDING: D("0.5"),
        Aard.DAGBESTEDING: D(1),
    }
    assert policy.productcategorie == {
        Aard.INDIVIDUELE_BEGELEIDING: "02",
        Aard.DAGBESTEDING: "07",
    }


@pytest.mark.parametrize(
    ("perceel", "aard", "plus", "groep", "maximaal", "maanden"),
    [
        (Perceel.ONDERSTEUNING_HUISHOUDEN, None, False, None, None, None),
        (Perceel.INDIVIDUELE_BEGELEIDING, Aard.INDIVIDUELE_BEGELEIDING, False, None, None, None),
        (
            Perceel.INDIVIDUELE_BEGELEIDING_PLUS,
            Aard.INDIVIDUELE_BEGELEIDING,
            True,
            None,
            None,
            None,
        ),
        (Perceel.DAGBESTEDING, Aard.DAGBESTEDING, False, 8, False, None),
        (Perceel.DAGBESTEDING_PLUS, Aard.DAGBESTEDING, True, 5, True, None),
        (Perceel.ARBEIDSMATIGE_GROEPSBEGELEIDING, Aard.DAGBESTEDING, False, 8, False, None),
        (Perceel.ACTIVERENDE_GROEPSBEGELEIDING, Aard.DAGBESTEDING, False, 6, False, 24),
        (Perceel.KORTDUREND_VERBLIJF, None, False, None, None, None),
    ],
)
def test_percelen(
    policy: IndicatiePolicy,
    perceel: Perceel,
    aard: Aard | None,
    plus: bool,
    groep: int | None,
    maximaal: bool | None,
    maanden: int | None,
) -> None:
    beleid = policy.percelen[perceel]
    assert beleid.aard is aard
    assert beleid.plus is plus
    if groep is None:
        assert beleid.groepsgrootte is None
    else:
        assert beleid.groepsgrootte is not None
        assert beleid.groepsgrootte.per_begeleider == groep
        assert beleid.groepsgrootte.maximaal is maximaal
    assert beleid.maximale_duur_maanden == maanden


def _broken(change: Any) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(ValidationError):
        IndicatiePolicy.model_validate(raw)


def test_model_forbids_unknown_keys() -> None:
    _broken(lambda r: r.update(onbekend=1))
    _broken(lambda r: r["profielen"]["IBO-1"].update(extra=True))


def test_model_refuses_yaml_floats() -> None:
    _broken(lambda r: r["profielen"]["IBO-2"].update(typisch=2.0))


def test_model_refuses_typical_value_outside_band() -> None:
    _broken(lambda r: r["profielen"]["IBO-2"].update(typisch="3.5"))
    _broken(lambda r: r["profielen"]["IBO-2"].update(minimum="4", maximum="3"))


def test_model_requires_every_profile_and_category() -> None:
    _broken(lambda r: r["profielen"].pop("IBB-4"))
    _broken(lambda r: r["duur_maanden"].pop("levenslang"))
    _broken(lambda r: r["productcategorie"].pop("dagbesteding"))


def test_model_requires_whole_dagdelen() -> None:
    _broken(lambda r: r["profielen"]["DBB-2"].update(maximum="8.5"))
    _broken(lambda r: r["netwerkcorrectie"].update(dagbesteding="0.5"))


def test_model_requires_a_plus_perceel_when_a_profile_allows_plus() -> None:
    _broken(lambda r: r["percelen"].pop("dagbesteding_plus"))


def test_model_is_frozen(policy: IndicatiePolicy) -> None:
    with pytest.raises(ValidationError):
        policy.__setattr__("duur_maanden", {})
