"""The shape of a JSON body, checked in one streaming pass before it is parsed into Python
objects (wmo_shared.body_limit): within the bounds every JSON passes, past one the refusal names
the object or array."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_shared.body_limit import (
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_KEYS,
    MAX_MEMBERS,
    MAX_VALUES,
    JsonVorm,
    check_json_shape,
)


def _refusal(body: Any) -> tuple[str, str] | None:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    try:
        check_json_shape(raw)
    except JsonVorm as refused:
        return refused.naam, refused.code
    return None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


@given(JSON)
def test_json_within_the_bounds_passes(body: Any) -> None:
    assert _refusal(body) is None


@pytest.mark.parametrize(
    ("body", "refusal"),
    [
        (b'{"bsn": "1", "bsn": "2"}', ("bsn", "dubbele-sleutel")),
        (b'{"adres": {"huisnummer": 1, "huisnummer": 2}}', ("huisnummer", "dubbele-sleutel")),
        ({"kwalificaties": ["x"] * (MAX_ITEMS + 1)}, ("kwalificaties", "te-lang")),
        ({"regels": [{"a": 1}, {"b": [0] * (MAX_ITEMS + 1)}]}, ("regels.1.b", "te-lang")),
        ([{}] * (MAX_ITEMS + 1), ("body", "te-lang")),
        ({f"k{i}": 0 for i in range(MAX_MEMBERS + 1)}, ("body", "te-veel-velden")),
        ({"adres": {f"k{i}": 0 for i in range(MAX_MEMBERS + 1)}}, ("adres", "te-veel-velden")),
        (
            {"r": [{f"k{i}": 0 for i in range(MAX_MEMBERS)}] * (MAX_KEYS // MAX_MEMBERS + 1)},
            ("r", "te-lang"),
        ),
        ([[0] * 50_000] * (MAX_VALUES // 50_000 + 1), ("9", "te-lang")),
        ({"a": [{"b": 1, "c": 2}] * (MAX_KEYS // 2 + 1)}, ("a", "te-lang")),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), ("body", "te-diep")),
    ],
    ids=[
        "key twice",
        "key twice, nested",
        "long list",
        "long list, nested",
        "long list of objects",
        "many keys",
        "many keys, nested",
        "many keys in all",
        "many values",
        "many keys in a list",
        "deep",
    ],
)
def test_past_a_bound_the_refusal_names_where(body: Any, refusal: tuple[str, str]) -> None:
    assert _refusal(body) == refusal


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b'{"a": NaN}',
        b'{"a": 1',
        b'{"v": "Sa\\udc00nne"}',
        b'{"t": "' + b"x" * 10_000_000 + b'"}',
    ],
    ids=["empty", "no json", "NaN", "cut off", "lone surrogate", "10 MB text"],
)
def test_what_is_no_json_or_one_long_text_is_left_to_fastapi(body: bytes) -> None:
    assert _refusal(body) is None


def test_the_largest_legitimate_body_passes() -> None:
    """An SVB budgetafsluitbericht of 10,000 lines: 40,002 keys, ~90,000 values."""
    regel = {
        "budgetId": "x",
        "ingangsdatum": "2026-01-01",
        "einddatum": "2026-02-01",
        "besteedBedrag": "1",
    }
    assert _refusal({"berichtId": "b", "regels": [regel] * 10_000}) is None


@pytest.mark.parametrize(
    "head",
    [b'{"a": NaN, ', b'{"v": "Sa\\udc00nne", '],
    ids=["NaN", "lone surrogate"],
)
def test_what_yajl_refuses_first_does_not_open_the_rest(head: bytes) -> None:
    """Python's parser reads NaN and a lone surrogate, so the rest of such a body is counted
    too: many keys, or many values, after it are refused all the same."""
    keys = b", ".join(b'"k%d": 0' % i for i in range(MAX_KEYS + 1))
    assert _refusal(head + keys + b"}") == ("body", "te-veel-velden")
    values = b", ".join([b"0"] * (MAX_VALUES + 1))
    assert _refusal(head + b'"l": [' + values + b"]}") == ("body", "te-lang")


@pytest.mark.parametrize(
    "head", [b'{"a": NaN, ', b'{"v": "Sa\\udc00nne", '], ids=["NaN", "lone surrogate"]
)
def test_what_yajl_refuses_first_hides_no_key_named_twice(head: bytes) -> None:
    assert _refusal(head + b'"bsn": "1", "bsn": "2"}') == ("bsn", "dubbele-sleutel")
