"""Digits are ASCII digits. ``\\d`` matches every script's digits, in Python's ``re`` and in
pydantic's patterns alike: an AGB code "١٢٣٤٥٦٧٨" passed ``^\\d{8}$`` and was stored, to fail
the iWmo message or export that carries it; a BSN of Arabic-Indic digits went through the
11-proef with their code points (about one in eleven passed)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.openapi_file import document
from wmo_shared.types import (
    Bsn,
    Gemeentecode,
    ascii_digits,
    is_agb_code,
    is_gemeentecode,
    is_valid_bsn,
)

# Decimal digits of other scripts than ASCII (Arabic-Indic, Devanagari, fullwidth, ...).
ANDERE_CIJFERS = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


@given(st.text(ANDERE_CIJFERS, min_size=9, max_size=9))
def test_a_bsn_of_other_digits_is_no_bsn(bsn: str) -> None:
    assert not is_valid_bsn(bsn)
    with pytest.raises(ValidationError):
        TypeAdapter(Bsn).validate_python(bsn)


def test_a_gemeentecode_is_four_ascii_digits() -> None:
    assert TypeAdapter(Gemeentecode).validate_python("0085") == "0085"
    for code in ("٠٠٨٥", "００８５"):
        with pytest.raises(ValidationError):
            TypeAdapter(Gemeentecode).validate_python(code)


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for item in node for p in _patterns(item)]
    return []


@pytest.mark.parametrize("svc", SERVICES)
def test_no_published_pattern_takes_other_scripts_digits(svc: str) -> None:
    patterns = _patterns(document(svc))
    assert patterns
    assert [p for p in patterns if "\\d" in p] == []


@pytest.mark.parametrize("tekst", ["²", "١٢٣", "１２", "", "12a", "-1", "1_0", " 1"])
def test_only_0_to_9_are_ascii_digits(tekst: str) -> None:
    assert not ascii_digits(tekst)
    assert ascii_digits("0123456789")


def test_a_cbs_code_and_an_agb_code_are_four_and_eight_ascii_digits() -> None:
    assert is_gemeentecode("0085") and is_agb_code("12345678")
    for waarde in ("085", "00850", "٠٠٨٥", 85, None):
        assert not is_gemeentecode(waarde)
    for waarde in ("1234567", "١٢٣٤٥٦٧٨", 12345678, None):
        assert not is_agb_code(waarde)
