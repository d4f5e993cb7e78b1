from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.shared.iwmo.voorbeelden import edited, example
from wmo_iwmo.xsd import MESSAGE_TYPES, SchemaFout, schema, validate


@pytest.mark.parametrize("message_type", MESSAGE_TYPES)
def test_every_shipped_example_is_valid(message_type: str) -> None:
    assert validate(message_type, example(message_type)) == []


def test_schemas_load_from_the_package_folder() -> None:
    for message_type in MESSAGE_TYPES:
        assert schema(message_type) is schema(message_type)  # cached


def test_unknown_message_type_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="onbekend berichttype"):
        validate("WMO999", b"<a/>")


@pytest.mark.parametrize(
    "xml",
    [b"", b"<a>", b"not xml at all", b"\xff\xfe\x00<", b"<?xml version='1.0'?><a></b>"],
)
def test_not_well_formed_is_an_error_entry(xml: bytes) -> None:
    fouten = validate("WMO301", xml)
    assert len(fouten) == 1
    assert fouten[0].message.startswith("XML is niet well-formed")


def test_missing_required_element() -> None:
    xml = edited("WMO305", "<wmo305:Begindatum>2025-04-03</wmo305:Begindatum>", "")
    fouten = validate("WMO305", xml)
    assert fouten
    assert any("StatusAanlevering" in f.message and "Begindatum" in f.message for f in fouten)
    assert all(f.line > 0 for f in fouten)


def test_wrong_codelist_value() -> None:
    xml = edited(
        "WMO323", "<wmo323:Eenheid>04</wmo323:Eenheid>", "<wmo323:Eenheid>05</wmo323:Eenheid>"
    )
    fouten = validate("WMO323", xml)
    assert len(fouten) == 1
    assert "Eenheid" in fouten[0].message and "enumeration" in fouten[0].message


def test_wrong_pattern_and_fixed_berichtcode() -> None:
    xml = edited("WMO301", "<wmo301:BerichtCode>414<", "<wmo301:BerichtCode>418<")
    xml = xml.replace(b"<wmo301:Bsn>999900006<", b"<wmo301:Bsn>12345<")
    fouten = validate("WMO301", xml)
    assert any("BerichtCode" in f.message for f in fouten)
    assert any("Bsn" in f.message for f in fouten)


def test_another_message_is_not_valid() -> None:
    fouten = validate("WMO307", example("WMO305"))
    assert fouten == [SchemaFout(2, fouten[0].message)]
    assert "No matching global declaration" in fouten[0].message


def test_doctype_and_entities_are_refused() -> None:
    billion_laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><a>&lol2;</a>'
    )
    xxe = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    remote_dtd = b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>'
    for xml in (billion_laughs, xxe, remote_dtd):
        fouten = validate("WMO301", xml)
        assert len(fouten) == 1
        assert "DOCTYPE" in fouten[0].message or "well-formed" in fouten[0].message
        assert "root:" not in fouten[0].message


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_validate_never_raises_on_arbitrary_bytes(xml: bytes) -> None:
    assert isinstance(validate("WMO323", xml), list)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_validate_never_raises_on_edited_examples(junk: str) -> None:
    text = example("WMO305").decode()
    xml = text.replace("<wmo305:Geslacht>1</wmo305:Geslacht>", f"<wmo305:Geslacht>{junk}").encode(
        "utf-8", errors="surrogatepass"
    )
    assert isinstance(validate("WMO305", xml), list)
