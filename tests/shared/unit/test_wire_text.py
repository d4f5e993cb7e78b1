"""Every text field of a wire model refuses what PostgreSQL, UTF-8 or XML cannot hold (a NUL, a
lone surrogate, a control character other than tab, line feed and carriage return, U+FFFE and
U+FFFF), naming the field, and keeps every other character, in one Unicode form (NFC)."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pydantic import Field, ValidationError

from wmo_shared.schemas import WireModel

VERBODEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]


class Notitie(WireModel):
    tekst: str
    regels: list[str] = Field(default_factory=list)


_toegestaan = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="".join(VERBODEN) + "\x00")
)


@given(_toegestaan)
def test_text_xml_can_hold_is_kept_in_one_form(tekst: str) -> None:
    notitie = Notitie(tekst=tekst, regels=[tekst])
    assert notitie.tekst == unicodedata.normalize("NFC", tekst.strip())
    assert notitie.regels == [notitie.tekst]
    etree.Element("a").text = tekst  # what the model lets in, a message can carry


def test_a_letter_with_a_combining_accent_is_the_one_letter() -> None:
    samengesteld = Notitie(tekst="Zoe\u0308 Ve\u0301ronique", regels=["Chloe\u0308"])
    assert samengesteld.tekst == "Zoë Véronique"
    assert samengesteld.regels == ["Chloë"]


@given(_toegestaan, st.sampled_from(VERBODEN), _toegestaan, st.booleans())
def test_a_control_character_is_refused_naming_the_field(
    voor: str, teken: str, na: str, in_lijst: bool
) -> None:
    tekst = f"{voor}a{teken}b{na}"  # inside the text: at its ends a space-like one is stripped
    with pytest.raises(ValidationError) as fout:
        Notitie(tekst="x", regels=[tekst]) if in_lijst else Notitie(tekst=tekst)
    [error] = fout.value.errors()
    assert error["loc"][0] == ("regels" if in_lijst else "tekst")


def test_tab_and_line_breaks_are_text() -> None:
    assert Notitie(tekst="een\tregel\r\ntwee").tekst == "een\tregel\r\ntwee"


class Gegevens(WireModel):
    feiten: dict[str, Any] = Field(default_factory=dict)
    getal: float = 0.0


@pytest.mark.parametrize(
    "body",
    [
        '{"feiten": {"a": NaN}}',
        '{"feiten": {"a": [1, Infinity]}}',
        '{"feiten": {"a": {"b": -Infinity}}}',
        '{"feiten": {"a": 1e400}}',
        '{"getal": NaN}',
    ],
)
def test_nan_and_infinity_which_jsonb_cannot_hold_are_refused_naming_the_field(body: str) -> None:
    """Python's JSON reader takes NaN, Infinity and 1e400 (as inf); PostgreSQL's jsonb does not,
    and an insert would fail as a 400 naming no field."""
    with pytest.raises(ValidationError) as refused:
        Gegevens.model_validate(json.loads(body))  # as FastAPI reads a body
    assert refused.value.errors()[0]["loc"][0] in ("feiten", "getal")


def test_finite_numbers_in_free_json_are_kept() -> None:
    assert Gegevens.model_validate({"feiten": {"a": 1.5, "b": [2, 3e10]}}).feiten["b"] == [2, 3e10]
