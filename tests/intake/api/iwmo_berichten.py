"""iWmo 3.2 messages of a provider about one toewijzing, built from the shipped examples
(WMO305 start, WMO307 stop, WMO323 declaratie), each checked against its XSD."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from typing import Any

from lxml import etree

from tests.shared.iwmo.voorbeelden import example
from wmo_iwmo.xsd import validate

AGB = "12345678"
BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
APRIL = ("2026-04-01", "2026-04-30")


@dataclass(frozen=True)
class Zaak:
    """Scenario A's toewijzing: 02/02A03, 210 minutes a week from 2026-04-01 to 2027-03-31."""

    bsn: str
    beschikking_id: str
    opdracht_id: str
    toewijzingnummer: int
    tarief_cent: int  # per minute (the omvang's eenheid 01), from finance's contract tariff


def namespaces(soort: str) -> dict[str, str]:
    return {"w": f"http://www.istandaarden.nl/iwmo/3_2/{soort.lower()}/schema", "i": BASIS}


def _set(node: Any, path: str, ns: dict[str, str], value: object) -> None:
    found = node.find(path, ns)
    assert found is not None, path
    found.text = str(value)


def _header(root: Any, ns: dict[str, str], afzender: str) -> str:
    """Afzender, ontvanger 0085 and a fresh BerichtIdentificatie (1-12 characters)."""
    ident = str(uuid.uuid4().int)[:12]
    _set(root, "w:Header/w:Afzender", ns, afzender)
    _set(root, "w:Header/w:Ontvanger", ns, "0085")
    _set(root, "w:Header/w:BerichtIdentificatie/i:Identificatie", ns, ident)
    _set(root, "w:Header/w:BerichtIdentificatie/i:Dagtekening", ns, "2026-05-06")
    return ident


def _xml(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@dataclass(frozen=True)
class Prestatie:
    volume: int
    bedrag: int  # eurocents
    periode: tuple[str, str] = APRIL
    toewijzingnummer: int | None = None
    productcode: str = "02A03"


def wmo323(zaak: Zaak, *prestaties: Prestatie, afzender: str = AGB) -> bytes:
    """A WMO323 of one client from the example: its lines on the zaak's toewijzing (eenheid 01,
    no ProductTarief, so the toewijzing's tariff is the one that counts), the total their sum."""
    ns = namespaces("WMO323")
    root = etree.fromstring(example("WMO323"))
    ident = _header(root, ns, afzender)
    declaratie = root.find("w:Declaratie", ns)
    _set(declaratie, "w:DeclaratieNummer", ns, f"D{ident[:11]}")
    _set(declaratie, "w:DeclaratiePeriode/i:Begindatum", ns, min(p.periode[0] for p in prestaties))
    _set(declaratie, "w:DeclaratiePeriode/i:Einddatum", ns, max(p.periode[1] for p in prestaties))
    _set(declaratie, "w:DeclaratieDagtekening", ns, "2026-05-06")
    _set(
        declaratie, "w:TotaalIngediendBedrag/i:TotaalBedrag", ns, sum(p.bedrag for p in prestaties)
    )
    clienten = declaratie.find("w:Clienten", ns)
    client, *andere = clienten.findall("w:Client", ns)
    for c in andere:
        clienten.remove(c)
    _set(client, "w:Bsn", ns, zaak.bsn)
    regels = client.find("w:Prestaties", ns)
    voorbeeld, *rest = regels.findall("w:Prestatie", ns)
    for r in [voorbeeld, *rest]:
        regels.remove(r)
    voorbeeld.remove(voorbeeld.find("w:ProductTarief", ns))
    for i, p in enumerate(prestaties):
        regel = copy.deepcopy(voorbeeld)
        _set(regel, "w:ProductReferentie/i:ReferentieNummer", ns, f"R{ident}-{i}")
        _set(regel, "w:ToewijzingNummer", ns, p.toewijzingnummer or zaak.toewijzingnummer)
        _set(regel, "w:ProductCategorie", ns, "02")
        _set(regel, "w:ProductCode", ns, p.productcode)
        _set(regel, "w:ProductPeriode/i:Begindatum", ns, p.periode[0])
        _set(regel, "w:ProductPeriode/i:Einddatum", ns, p.periode[1])
        _set(regel, "w:GeleverdVolume", ns, p.volume)
        _set(regel, "w:Eenheid", ns, "01")
        _set(regel, "w:IngediendBedrag/i:Bedrag", ns, p.bedrag)
        regels.append(regel)
    xml = _xml(root)
    assert validate("WMO323", xml) == [], validate("WMO323", xml)
    return xml


def wmo305(zaak: Zaak, begindatum: str = "2026-04-03", afzender: str = AGB) -> bytes:
    ns = namespaces("WMO305")
    root = etree.fromstring(example("WMO305"))
    _header(root, ns, afzender)
    _set(root, "w:Client/w:Bsn", ns, zaak.bsn)
    producten = root.find("w:Client/w:StartProducten", ns)
    eerste, *rest = producten.findall("w:StartProduct", ns)
    for p in rest:
        producten.remove(p)
    _set(eerste, "w:ToewijzingNummer", ns, zaak.toewijzingnummer)
    _set(eerste, "w:Product/i:Categorie", ns, "02")
    _set(eerste, "w:Product/i:Code", ns, "02A03")
    _set(eerste, "w:ToewijzingIngangsdatum", ns, "2026-04-01")
    _set(eerste, "w:Begindatum", ns, begindatum)
    xml = _xml(root)
    assert validate("WMO305", xml) == []
    return xml


def wmo307(zaak: Zaak, einddatum: str, afzender: str = AGB) -> bytes:
    ns = namespaces("WMO307")
    root = etree.fromstring(example("WMO307"))
    _header(root, ns, afzender)
    _set(root, "w:Client/w:Bsn", ns, zaak.bsn)
    producten = root.find("w:Client/w:StopProducten", ns)
    eerste, *rest = producten.findall("w:StopProduct", ns)
    for p in rest:
        producten.remove(p)
    _set(eerste, "w:ToewijzingNummer", ns, zaak.toewijzingnummer)
    _set(eerste, "w:Product/i:Categorie", ns, "02")
    _set(eerste, "w:Product/i:Code", ns, "02A03")
    _set(eerste, "w:ToewijzingIngangsdatum", ns, "2026-04-01")
    _set(eerste, "w:Begindatum", ns, "2026-04-03")
    _set(eerste, "w:RedenBeeindiging", ns, "19")
    _set(eerste, "w:Einddatum", ns, einddatum)
    xml = _xml(root)
    assert validate("WMO307", xml) == []
    return xml
