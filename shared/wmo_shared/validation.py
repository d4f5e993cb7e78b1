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
    "too_long": "te-lang",
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
    # JSON of the wrong kind, and the bounds of lists and numbers: codes of our own, so that
    # they stay what they are when pydantic renames its error types
    "too_short": "te-kort",
    "list_type": "lijst",
    "tuple_type": "lijst",
    "set_type": "lijst",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "string_type": "tekst",
    "string_unicode": "tekst",
    "bool_type": "ja-of-nee",
    "bool_parsing": "ja-of-nee",
    "int_type": "geheel-getal",
    "int_from_float": "geheel-getal",
    "float_type": "getal",
    "float_parsing": "getal",
    "finite_number": "getal",
    "decimal_type": "bedrag",
    "decimal_max_digits": "te-veel-cijfers",
    "decimal_whole_digits": "te-veel-cijfers",
    "decimal_max_places": "te-veel-decimalen",
    "uuid_type": "uuid",
    "union_tag_invalid": "onbekende-waarde",
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
        if kind == "json_invalid":
            # FastAPI puts the position of the fault where the field would be: the field is
            # the body, the position goes into the reason.
            fout = (err.get("ctx") or {}).get("error", "")
            msg = f"De inhoud is geen geldige JSON ({fout}, bij teken {loc[-1]})."
            loc = ("body",)
        if kind in ("union_tag_invalid", "union_tag_not_found"):
            # A body with one of several shapes: name the field that chooses the shape.
            loc += (str((err.get("ctx") or {}).get("discriminator", "")).strip("'"),)
        parts.append((_param_name(loc), code, msg))
    return parts


# A refusal names at most this many fields. A batch of 10,000 bad lines (an SVB
# budgetafsluitbericht) was answered with 6 MB of JSON naming 40,000 fields, and the
# worker grew by 100 MB writing it; the detail says how many faults there were in all.
MAX_INVALID_PARAMS = 100
_NAMED_IN_DETAIL = 10


# The error ``wmo_shared.list_parts`` puts first when it stopped checking a long list: it says
# where, and is no fault of the input.
CHECK_STOPPED = "controle_gestopt"


def invalid_fields_detail(names: Sequence[str], errors: Sequence[Any]) -> str:
    """``Ongeldige invoer in: a, b.``; past ten fields the first ten and the number of faults
    among ``errors`` (pydantic's)."""
    total = sum(1 for err in errors if err.get("type") != CHECK_STOPPED)
    if len(errors) <= _NAMED_IN_DETAIL:
        return f"Ongeldige invoer in: {', '.join(names)}."
    shown = ", ".join(names[:_NAMED_IN_DETAIL])
    named_all = len(errors) <= MAX_INVALID_PARAMS
    rest = "alle staan" if named_all else f"de eerste {MAX_INVALID_PARAMS} staan"
    return f"Ongeldige invoer in: {shown} en meer ({total} fouten; {rest} in invalidParams)."


# What the body of a JSON route may be sent as: application/json and any +json type.
def is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def refuses_media_type(content_type: str | None, errors: Sequence[Any]) -> bool:
    """A body sent as something else than JSON (form, text, XML) to a route that reads JSON: a
    415 naming Content-Type, not a 400 about a body pydantic could not read as an object."""
    if not content_type or is_json(content_type):
        return False
    return any(tuple(err.get("loc", ()))[:1] == ("body",) for err in errors)


WRONG_MEDIA_TYPE = (
    "Content-Type",
    "mediatype-niet-ondersteund",
    "Stuur de inhoud als application/json.",
)
UNREADABLE_BODY = (
    "body",
    "ongeldige-json",
    "De inhoud is niet te lezen als JSON: geen geldige UTF-8, dieper genest dan kan, of een "
    "getal van meer dan 4300 cijfers.",
)
