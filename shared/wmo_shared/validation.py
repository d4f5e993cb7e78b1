"""Pydantic's validation errors in the words of our problems: the field as a dotted path in the
request and a stable kebab-case code (``wmo_shared.problems`` renders them as invalidParams)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_PYDANTIC_CODES = {
    "missing": "verplicht",
    "string_pattern_mismatch": "patroon",
    "string_too_short": "te-kort",
    "string_too_long": "te-lang",
    "date_from_datetime_parsing": "datum",
    "date_parsing": "datum",
    "date_type": "datum",
    "datetime_parsing": "datum-tijd",
    "datetime_from_date_parsing": "datum-tijd",
    "timezone_aware": "tijdzone-vereist",
    "decimal_parsing": "bedrag",
    "enum": "onbekende-waarde",
    "literal_error": "onbekende-waarde",
    "greater_than": "te-klein",
    "greater_than_equal": "te-klein",
    "less_than": "te-groot",
    "less_than_equal": "te-groot",
    "json_invalid": "ongeldige-json",
    "extra_forbidden": "onbekend-veld",
    "uuid_parsing": "uuid",
    "int_parsing": "geheel-getal",
    "value_error": "ongeldig",
}


def _param_name(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_parts(errors: Sequence[Any]) -> list[tuple[str, str, str]]:
    """(name, code, reason) per error."""
    parts = []
    for err in errors:
        msg = str(err.get("msg", "ongeldig"))
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        kind = str(err.get("type", "ongeldig"))
        code = _PYDANTIC_CODES.get(kind, kind.replace("_", "-"))
        loc = tuple(err.get("loc", ()))
        if kind in ("union_tag_invalid", "union_tag_not_found"):
            # A body with one of several shapes: name the field that chooses the shape.
            loc += (str((err.get("ctx") or {}).get("discriminator", "")).strip("'"),)
        parts.append((_param_name(loc), code, msg))
    return parts
