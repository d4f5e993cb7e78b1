from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from wmo_shared.types import Bsn, is_valid_bsn


@pytest.mark.parametrize("bsn", ["999993653", "999990019", "111222333"])
def test_valid_bsns(bsn: str) -> None:
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn", ["000000000", "123456789", "99999365", "9999936530", "99999365a", ""]
)
def test_invalid_bsns(bsn: str) -> None:
    assert not is_valid_bsn(bsn)
    with pytest.raises(ValidationError):
        TypeAdapter(Bsn).validate_python(bsn)


@given(st.text(max_size=12))
def test_bsn_check_never_crashes(value: str) -> None:
    assert isinstance(is_valid_bsn(value), bool)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_exactly_one_check_digit_or_none_completes_a_prefix(prefix: int) -> None:
    base = f"{prefix:08d}"
    valid = [d for d in "0123456789" if is_valid_bsn(base + d)]
    assert len(valid) <= 1
