"""Each parser reads its shipped example completely, and refuses invalid documents with
schema errors instead of exceptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tests.shared.iwmo.voorbeelden import edited, example
from wmo_iwmo.basis import (
    Achternaam,
    BedragMetDC,
    BerichtIdentificatie,
    Geboortedatum,
    Header,
    Omvang,
    Periode,
    Product,
    ProductReferentie,
    VerkorteNaam,
    Verwijzer,
)
from wmo_iwmo.codelijsten import DebetCredit, Eenheid, Frequentie, StatusAanlevering
from wmo_iwmo.wmo305 import StartProduct, Wmo305Bericht, Wmo305Client, parse_wmo305
from wmo_iwmo.wmo307 import StopProduct, Wmo307Bericht, Wmo307Client, parse_wmo307
from wmo_iwmo.wmo315 import (
    AangevraagdProduct,
    Wmo315Bericht,
    Wmo315Client,
    parse_wmo315,
)
from wmo_iwmo.wmo317 import (
    NieuwProduct,
    TeWijzigenProduct,
    Verzoek,
    Wmo317Bericht,
    Wmo317Client,
    parse_wmo317,
)
from wmo_iwmo.wmo323 import (
    Declaratie,
    DeclaratieClient,
    Prestatie,
    Wmo323Bericht,
    parse_wmo323,
)
from wmo_iwmo.xsd import SchemaFouten

D = dt.date
EERSTE = StatusAanlevering.EERSTE_AANLEVERING


def header(afzender: str, ontvanger: str, identificatie: str, dagtekening: D) -> Header:
    return Header(afzender, ontvanger, BerichtIdentificatie(identificatie, dagtekening))


def test_wmo305_example() -> None:
    assert parse_wmo305(example("WMO305")) == Wmo305Bericht(
        header=header("65656055", "0363", "123456789013", D(2025, 4, 5)),
        client=Wmo305Client(
            bsn="999900006",
            geboortedatum=Geboortedatum(D(1967, 8, 13)),
            geslacht="1",
            naam=VerkorteNaam(Achternaam("Wit", "de"), "Tim", "T"),
            start_producten=(
                StartProduct(D(2025, 4, 3), EERSTE, 300201, Product("01", "01A11"), D(2025, 4, 1)),
                StartProduct(D(2025, 4, 4), EERSTE, 300202, Product("01", "01A12"), D(2025, 4, 1)),
            ),
        ),
    )


def test_wmo307_example() -> None:
    assert parse_wmo307(example("WMO307")) == Wmo307Bericht(
        header=header("65656055", "0363", "123456789014", D(2025, 7, 21)),
        client=Wmo307Client(
            bsn="999900006",
            geboortedatum=Geboortedatum(D(1967, 8, 13)),
            geslacht="1",
            naam=VerkorteNaam(Achternaam("Vries", "de"), "Peter R", "PR"),
            stop_producten=(
                StopProduct(
                    D(2025, 4, 3),
                    "31",
                    D(2025, 7, 18),
                    EERSTE,
                    300201,
                    Product("01", "01A11"),
                    D(2025, 4, 1),
                ),
                StopProduct(
                    D(2025, 4, 15),
                    "31",
                    D(2025, 7, 18),
                    EERSTE,
                    300202,
                    Product("01", "01A12"),
                    D(2025, 4, 1),
                ),
            ),
        ),
    )


def prestatie(ref: str, nummer: int, code: str, volume: int, tarief: int) -> Prestatie:
    return Prestatie(
        product_referentie=ProductReferentie(ref),
        toewijzingnummer=nummer,
        productcategorie="01",
        productcode=code,
        productperiode=Periode(D(2023, 4, 1), D(2023, 4, 30)),
        geleverd_volume=volume,
        eenheid=Eenheid.UUR,
        producttarief=tarief,
        ingediend_bedrag=BedragMetDC(volume * tarief, DebetCredit.DEBET),
    )


def test_wmo323_example() -> None:
    parsed = parse_wmo323(example("WMO323"))
    assert parsed == Wmo323Bericht(
        header=header("65656055", "0384", "765432198", D(2023, 5, 6)),
        declaratie=Declaratie(
            declaratienummer="DN001",
            declaratieperiode=Periode(D(2023, 4, 1), D(2023, 4, 30)),
            declaratie_dagtekening=D(2023, 5, 6),
            totaal_ingediend_bedrag=BedragMetDC(58000, DebetCredit.DEBET),
            clienten=(
                DeclaratieClient(
                    "999900006",
                    (
                        prestatie("RN001", 20072, "01A03", 4, 1250),
                        prestatie("RN002", 200730, "01A04", 16, 1500),
                    ),
                ),
                DeclaratieClient(
                    "999900018",
                    (
                        prestatie("RN003", 20074, "01A03", 4, 1250),
                        prestatie("RN004", 20073, "01A04", 16, 1500),
                    ),
                ),
            ),
        ),
    )
    assert isinstance(parsed, Wmo323Bericht)
    assert [bsn for bsn, _ in parsed.declaratie.prestaties] == ["999900006"] * 2 + ["999900018"] * 2


def test_wmo315_example() -> None:
    def aangevraagd(ref: str, categorie: str, code: str, commentaar: str) -> AangevraagdProduct:
        return AangevraagdProduct(
            referentie_aanbieder=ref,
            toewijzing_ingangsdatum=D(2023, 6, 1),
            verwijzer=Verwijzer("04", "Verwijzer Naam"),
            beschikkingnummer=1234,
            product=Product(categorie, code),
            beschikking_ingangsdatum=D(2023, 6, 1),
            toewijzing_einddatum=D(2023, 6, 30),
            omvang=Omvang(4, Eenheid.ETMAAL, Frequentie.PER_MAAND),
            raamcontract=True,
            commentaar=commentaar,
        )

    assert parse_wmo315(example("WMO315")) == Wmo315Bericht(
        header=header("42420001", "0384", "123456789012", D(2023, 7, 15)),
        client=Wmo315Client(
            bsn="999900006",
            geboortedatum=Geboortedatum(D(1972, 7, 16)),
            geslacht="1",
            naam=VerkorteNaam(Achternaam("Wit", "de"), "Tim", "T"),
            commentaar="Commentaar client",
            aangevraagde_producten=(
                aangevraagd("42420001", "01", "ABCDE", "Commentaar Aangevraagd Product"),
                aangevraagd("42420002", "02", "BCDEF", "Commentaat Aangevraagd Product 2"),
            ),
        ),
    )


def test_wmo317_example() -> None:
    assert parse_wmo317(example("WMO317")) == Wmo317Bericht(
        header=header("65656055", "0384", "987654321", D(2023, 4, 2)),
        client=Wmo317Client(
            bsn="999900006",
            verzoek=Verzoek(
                referentie_aanbieder="9003",
                reden_verzoek="1",
                ongewijzigde_producten=(10071,),
                te_wijzigen_producten=(
                    TeWijzigenProduct(10072, D(2023, 4, 2), einddatum=D(2023, 12, 31)),
                ),
                nieuwe_producten=(
                    NieuwProduct(
                        D(2023, 4, 2),
                        Product("01", "01A12"),
                        D(2023, 12, 31),
                        Omvang(20, Eenheid.ETMAAL, Frequentie.PER_MAAND),
                    ),
                ),
            ),
        ),
    )


Parser = Callable[[bytes], object]
PARSERS: dict[str, Parser] = {
    "WMO305": parse_wmo305,
    "WMO307": parse_wmo307,
    "WMO315": parse_wmo315,
    "WMO317": parse_wmo317,
    "WMO323": parse_wmo323,
}
INVALID: list[tuple[str, str, str]] = [
    # missing required element
    ("WMO305", "<wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>", ""),
    ("WMO307", "<wmo307:RedenBeeindiging>31</wmo307:RedenBeeindiging>", ""),
    ("WMO315", "<wmo315:ToewijzingIngangsdatum>2023-06-01</wmo315:ToewijzingIngangsdatum>", ""),
    ("WMO317", "<wmo317:RedenVerzoek>1</wmo317:RedenVerzoek>", ""),
    ("WMO323", "<wmo323:ToewijzingNummer>20072</wmo323:ToewijzingNummer>", ""),
    # value outside its codelist
    ("WMO305", "<wmo305:StatusAanlevering>1<", "<wmo305:StatusAanlevering>4<"),
    ("WMO307", "<wmo307:RedenBeeindiging>31<", "<wmo307:RedenBeeindiging>99<"),
    ("WMO315", "<iwmo:Frequentie>4<", "<iwmo:Frequentie>3<"),
    ("WMO317", "<wmo317:RedenVerzoek>1<", "<wmo317:RedenVerzoek>3<"),
    ("WMO323", "<iwmo:DebetCredit>D</iwmo:DebetCredit>", "<iwmo:DebetCredit>X</iwmo:DebetCredit>"),
    # wrong format
    ("WMO323", "<wmo323:GeleverdVolume>4<", "<wmo323:GeleverdVolume>4.5<"),
    ("WMO305", "<wmo305:Begindatum>2025-04-03<", "<wmo305:Begindatum>03-04-2025<"),
]


@pytest.mark.parametrize(("message_type", "old", "new"), INVALID)
def test_invalid_document_gives_schema_errors(message_type: str, old: str, new: str) -> None:
    result = PARSERS[message_type](edited(message_type, old, new))
    assert isinstance(result, SchemaFouten)
    assert result.fouten and all(f.line > 0 for f in result.fouten)


@pytest.mark.parametrize("message_type", PARSERS)
def test_broken_xml_gives_schema_errors(message_type: str) -> None:
    broken = example(message_type)[:-40]
    result = PARSERS[message_type](broken)
    assert isinstance(result, SchemaFouten)
    assert "well-formed" in result.fouten[0].message


def test_wrong_message_type_gives_schema_errors() -> None:
    assert isinstance(parse_wmo307(example("WMO305")), SchemaFouten)
    assert isinstance(parse_wmo323(example("WMO301")), SchemaFouten)


def test_values_python_cannot_hold_are_schema_errors() -> None:
    # valid xs:date for the XSD (a five-digit year), but not a Python date
    xml = edited("WMO305", "<wmo305:Begindatum>2025-04-03<", "<wmo305:Begindatum>12025-04-03<")
    result = parse_wmo305(xml)
    assert isinstance(result, SchemaFouten)
    assert "12025-04-03" in result.fouten[0].message
    assert result.fouten[0].line > 0


def test_comments_and_cdata_inside_a_value_do_not_split_it() -> None:
    xml = edited(
        "WMO305", "<wmo305:Bsn>999900006<", "<wmo305:Bsn>99<!-- x --><?pi y?>99<![CDATA[00]]>006<"
    )
    result = parse_wmo305(xml)
    assert isinstance(result, Wmo305Bericht)
    assert result.client.bsn == "999900006"
