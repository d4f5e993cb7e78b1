from __future__ import annotations

from importlib.resources import files

from lxml import etree

from wmo_iwmo.retourcodes import Retourcode

XS = "{http://www.w3.org/2001/XMLSchema}"


def official_retourcodes() -> dict[str, str]:
    xsd = files("wmo_iwmo").joinpath("xsd", "basisschema.xsd").read_bytes()
    root = etree.fromstring(xsd)
    (simple_type,) = root.iterfind(f"{XS}simpleType[@name='LDT_RetourCode']")
    return {
        e.get("value"): " ".join(e.findtext(f"{XS}annotation/{XS}documentation").split())
        for e in simple_type.iter(f"{XS}enumeration")
    }


def test_every_code_used_is_official_with_its_official_text() -> None:
    official = official_retourcodes()
    for code in Retourcode:
        assert code.value in official, code
        assert " ".join(code.omschrijving.split()) == official[code.value], code
