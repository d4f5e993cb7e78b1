"""Collapsing ``anyOf [X, null]`` keeps null valid, also for enums and one-value Literals."""

from __future__ import annotations

import jsonschema

from wmo_shared.openapi import _collapse_nullable


def test_nullable_enum_and_const_accept_null() -> None:
    schema = {
        "properties": {
            "a": {"anyOf": [{"type": "string", "enum": ["x", "y"]}, {"type": "null"}]},
            "b": {"anyOf": [{"type": "string", "const": "zin"}, {"type": "null"}]},
        }
    }
    _collapse_nullable(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"a": None, "b": None})
    assert validator.is_valid({"a": "x", "b": "zin"})
    assert not validator.is_valid({"a": "z", "b": "pgb"})
