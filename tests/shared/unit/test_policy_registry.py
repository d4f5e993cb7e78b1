"""Policy selection by gemeente and peildatum; never a default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wmo_shared.policy import PolicyNotFound, PolicyRegistry, default_registry


def test_shipped_policies_select_by_gemeente_and_date() -> None:
    reg = default_registry()
    assert reg.in_force("0085", dt.date(2023, 4, 1)).naam == "ooststellingwerf-2023"
    assert reg.in_force("0085", dt.date(2026, 2, 9)).naam == "ooststellingwerf-2023"
    for code in ("0687", "0718", "0717"):
        assert reg.in_force(code, dt.date(2015, 1, 15)).naam == "walcheren-2015"
        assert reg.in_force(code, dt.date(2015, 12, 31)).naam == "walcheren-2015"


@pytest.mark.parametrize(
    ("gemeente", "peildatum"),
    [
        ("0085", dt.date(2023, 3, 31)),
        ("0718", dt.date(2015, 1, 14)),
        ("0718", dt.date(2016, 1, 4)),  # scenario C: the Walcheren rules lapsed
        ("0363", dt.date(2024, 1, 1)),  # a gemeente without any policy
    ],
)
def test_no_policy_in_force_is_an_error_not_a_default(gemeente: str, peildatum: dt.date) -> None:
    with pytest.raises(PolicyNotFound) as exc:
        default_registry().in_force(gemeente, peildatum)
    assert gemeente in str(exc.value)


def test_overlapping_policies_are_refused(tmp_path: Path) -> None:
    for name, van in (("a-2020", "2020-01-01"), ("b-2021", "2021-01-01")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "meta.yaml").write_text(
            f"naam: {name}\ntitel: t\ngemeenten: ['0085']\ngeldig_van: {van}\ngeldig_tot: null\n"
        )
    with pytest.raises(ValueError, match="overlap"):
        PolicyRegistry.load(tmp_path)


def test_every_policy_has_valid_meta() -> None:
    for policy in default_registry().policies:
        assert policy.meta.gemeenten
