"""Base for wire schemas: camelCase on the wire (NL GOV ADR), snake_case in Python."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import uuid
from decimal import Decimal
from types import NoneType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.alias_generators import to_camel

# Values that hold no free text: the wildcard validator below returns at once for them (it
# runs for every field of every model, so on a feed page of a thousand rows it adds up).
_ZONDER_TEKST = frozenset({int, float, bool, Decimal, dt.date, dt.datetime, uuid.UUID, NoneType})
# The characters XML 1.0 cannot hold: the control characters other than tab, line feed and
# carriage return, and U+FFFE/U+FFFF. A name or text with one would be stored, then fail the
# iWmo message, letter or export that carries it (lxml refuses to write it).
_GEEN_XML = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _printable(value: Any) -> None:
    """PostgreSQL cannot store a NUL character or a NaN in JSON, UTF-8 has no lone surrogates,
    and XML has no control characters: refuse them at the edge (a 400 naming the field) instead
    of failing in the database or in a message built from the text later (a 500)."""
    soort = type(value)
    if soort in _ZONDER_TEKST:
        if soort is float and not math.isfinite(value):
            # Python's JSON reader takes NaN and Infinity (1e400 too), PostgreSQL's jsonb not
            raise ValueError("geen eindig getal (NaN of Infinity)")
        return
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("de tekst bevat een NUL-teken")
        if _GEEN_XML.search(value):
            raise ValueError("de tekst bevat een stuurteken (zoals ESC of een backspace)")
        if value.isascii():
            return
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("de tekst bevat een ongeldig Unicode-teken") from exc
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _printable(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _printable(key)
            _printable(item)


def storable_text(value: object) -> str | None:
    """``value`` as text this system can store and print (NFC), or None when it is no text or
    holds what ``_printable`` refuses: for what arrives outside a wire model (a token's claim)."""
    if not isinstance(value, str):
        return None
    try:
        _printable(value)
    except ValueError:
        return None
    return str(_nfc(value))


def _nfc(value: Any) -> Any:
    """Text in one Unicode form (NFC): an "é" sent as an e with a combining accent is stored,
    compared, searched and printed as the one letter it is, whatever keyboard or system sent
    it. A text and a list of texts; ASCII (most values) is left alone at once."""
    soort = type(value)
    if soort is str:
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        return unicodedata.normalize("NFC", value)
    if soort is list and any(type(v) is str and not v.isascii() for v in value):
        return [_nfc(v) for v in value]
    return value


class WireModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=True,
    )

    @field_validator("*", mode="after")
    @classmethod
    def _no_unstorable_text(cls, value: Any) -> Any:
        _printable(value)
        return _nfc(value)


class RegelRead(WireModel):
    """One rule applied: its catalogue ID and why, in words a case worker understands."""

    rule: str = Field(examples=["PGB-07"])
    toelichting: str
