from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from tests.shared.iwmo.strategies import berichten
from tests.shared.iwmo.voorbeelden import edited, example
from wmo_iwmo.basis import (
    Achternaam,
    Adres,
    BerichtIdentificatie,
    Geboortedatum,
    Header,
    Huis,
    Omvang,
    Product,
    Telefoon,
    Telefoonnummers,
    VolledigeNaam,
)
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.wmo301 import (
    Contact,
    ToegewezenProduct,
    Wmo301Bericht,
    Wmo301Client,
    build_wmo301,
    parse_wmo301,
)
from wmo_iwmo.xsd import InvalidMessageError, SchemaFouten, validate
from wmo_shared.types import is_valid_bsn


def canonical(xml: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    result: bytes = etree.tostring(etree.fromstring(xml, parser), method="c14n2", strip_text=True)
    return result


def toewijzing() -> Wmo301Bericht:
    return Wmo301Bericht(
        header=Header(
            afzender="0085",
            ontvanger="12345678",
            berichtidentificatie=BerichtIdentificatie("TW-000123", dt.date(2025, 3, 3)),
        ),
        client=Wmo301Client(
            bsn="999993653",
            geboortedatum=Geboortedatum(dt.date(1948, 5, 17)),
            geslacht="2",
            naam=VolledigeNaam(
                Achternaam("Berg", "van den"), naamgebruik="1", voornamen="Anna", voorletters="A"
            ),
            contactgegevens=(
                Contact(
                    soort="01",
                    adres=Adres(Huis(12), "8431AB", "Stationsstraat", "Oosterwolde", "NL"),
                    telefoon=Telefoonnummers(Telefoon("0516123456")),
                    emailadres="a.berg@example.nl",
                ),
            ),
            toegewezen_producten=(
                ToegewezenProduct(
                    toewijzingnummer=4711,
                    toewijzingsdatum=dt.date(2025, 3, 3),
                    toewijzingstijd=dt.time(9, 30),
                    ingangsdatum=dt.date(2025, 3, 10),
                    einddatum=dt.date(2026, 3, 9),
                    product=Product("02", "02A01"),
                    omvang=Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK),
                ),
                ToegewezenProduct(
                    toewijzingnummer=4712,
                    toewijzingsdatum=dt.date(2025, 3, 3),
                    toewijzingstijd=dt.time(9, 30),
                    ingangsdatum=dt.date(2025, 3, 10),
                    product=Product("07", "07B02"),
                    omvang=Omvang(8, Eenheid.DAGDEEL, Frequentie.PER_MAAND),
                    reden_wijziging="04",
                ),
            ),
        ),
    )


def test_built_toewijzing_validates_and_reads_back() -> None:
    bericht = toewijzing()
    xml = build_wmo301(bericht)
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<wmo301:Bericht')
    assert validate("WMO301", xml) == []
    assert parse_wmo301(xml) == bericht
    assert b"<wmo301:BerichtCode>414</wmo301:BerichtCode>" in xml
    assert b"<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>" in xml


def test_example_round_trips_to_the_same_document() -> None:
    parsed = parse_wmo301(example("WMO301"))
    assert isinstance(parsed, Wmo301Bericht)
    assert canonical(build_wmo301(parsed)) == canonical(example("WMO301"))


def test_parse_refuses_an_invalid_document() -> None:
    xml = edited("WMO301", "<wmo301:Geslacht>1</wmo301:Geslacht>", "")
    assert isinstance(parse_wmo301(xml), SchemaFouten)


def test_bsn_must_pass_the_elfproef() -> None:
    bericht = toewijzing()
    bad = dataclasses.replace(bericht, client=dataclasses.replace(bericht.client, bsn="123456789"))
    assert not is_valid_bsn("123456789")
    with pytest.raises(InvalidMessageError, match="elfproef"):
        build_wmo301(bad)


def test_a_control_character_is_refused_as_an_invalid_message_not_a_crash() -> None:
    """XML cannot hold a control character (lxml refuses to write one): the builder says which
    element, as it does for other data that make no valid message (the service answers it with
    a problem, not a 500)."""
    bericht = toewijzing()
    naam = dataclasses.replace(bericht.client.naam, voornamen="An\x1bna")
    bad = dataclasses.replace(bericht, client=dataclasses.replace(bericht.client, naam=naam))
    with pytest.raises(InvalidMessageError, match="Voornamen bevat een teken dat XML niet"):
        build_wmo301(bad)


def test_einddatum_before_ingangsdatum_is_refused() -> None:
    bericht = toewijzing()
    product = dataclasses.replace(
        bericht.client.toegewezen_producten[0], einddatum=dt.date(2025, 3, 9)
    )
    bad = dataclasses.replace(
        bericht, client=dataclasses.replace(bericht.client, toegewezen_producten=(product,))
    )
    with pytest.raises(InvalidMessageError, match="einddatum ligt voor ingangsdatum"):
        build_wmo301(bad)


def test_data_outside_the_schema_raises_with_the_schema_errors() -> None:
    bericht = toewijzing()
    product = dataclasses.replace(
        bericht.client.toegewezen_producten[0], product=Product("02", "TOOLONG")
    )
    bad = dataclasses.replace(
        bericht,
        header=dataclasses.replace(bericht.header, ontvanger="1234"),
        client=dataclasses.replace(bericht.client, toegewezen_producten=(product,)),
    )
    with pytest.raises(InvalidMessageError) as info:
        build_wmo301(bad)
    messages = " ".join(f.message for f in info.value.fouten)
    assert "Ontvanger" in messages and "Code" in messages


def test_empty_producten_or_contacten_are_refused() -> None:
    bericht = toewijzing()
    for client in (
        dataclasses.replace(bericht.client, toegewezen_producten=()),
        dataclasses.replace(bericht.client, contactgegevens=()),
    ):
        with pytest.raises(InvalidMessageError):
            build_wmo301(dataclasses.replace(bericht, client=client))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(berichten)
def test_generated_valid_input_builds_a_valid_message(bericht: Wmo301Bericht) -> None:
    assert is_valid_bsn(bericht.client.bsn)
    xml = build_wmo301(bericht)
    assert validate("WMO301", xml) == []
    assert parse_wmo301(xml) == bericht
