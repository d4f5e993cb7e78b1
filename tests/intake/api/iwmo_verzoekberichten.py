"""A provider's WMO315 (verzoek om toewijzing) and WMO317 (verzoek om wijziging) for one client,
built from the shipped examples and checked against their XSD (issue 15.3)."""

from __future__ import annotations

import uuid
from typing import Any

from lxml import etree

from tests.intake.api.iwmo_berichten import AGB, _header, _set, _xml, namespaces
from tests.shared.iwmo.voorbeelden import example
from wmo_iwmo.xsd import validate


def referentie() -> str:
    return "V" + uuid.uuid4().hex[:19]


def wmo315(
    bsn: str,
    ref: str,
    *,
    ingangsdatum: str = "2026-04-01",
    einddatum: str = "2027-03-31",
    afzender: str = AGB,
) -> bytes:
    """One AangevraagdProduct: 02/02A03, 210 minutes a week."""
    ns = namespaces("WMO315")
    root = etree.fromstring(example("WMO315"))
    _header(root, ns, afzender)
    _set(root, "w:Client/w:Bsn", ns, bsn)
    producten = root.find("w:Client/w:AangevraagdeProducten", ns)
    eerste, *rest = producten.findall("w:AangevraagdProduct", ns)
    for p in rest:
        producten.remove(p)
    eerste.remove(eerste.find("w:BeschikkingNummer", ns))
    eerste.remove(eerste.find("w:BeschikkingIngangsdatum", ns))
    _set(eerste, "w:ReferentieAanbieder", ns, ref)
    _set(eerste, "w:Product/i:Categorie", ns, "02")
    _set(eerste, "w:Product/i:Code", ns, "02A03")
    _set(eerste, "w:ToewijzingIngangsdatum", ns, ingangsdatum)
    _set(eerste, "w:ToewijzingEinddatum", ns, einddatum)
    _set(eerste, "w:Omvang/i:Volume", ns, 210)
    _set(eerste, "w:Omvang/i:Eenheid", ns, "01")
    _set(eerste, "w:Omvang/i:Frequentie", ns, "2")
    xml = _xml(root)
    assert validate("WMO315", xml) == [], validate("WMO315", xml)
    return xml


def wmo317(
    bsn: str,
    ref: str,
    te_wijzigen: list[dict[str, Any]],
    *,
    ongewijzigd: tuple[int, ...] = (),
    nieuw_product: bool = False,
    afzender: str = AGB,
) -> bytes:
    """A verzoek om wijziging (reden 1) of the toewijzingen ``te_wijzigen`` (toewijzingnummer,
    gewensteIngangsdatum, einddatum) and ``ongewijzigd``; with ``nieuw_product`` the example's
    new product (01/01A12 from 2023-04-02) too."""
    ns = namespaces("WMO317")
    root = etree.fromstring(example("WMO317"))
    _header(root, ns, afzender)
    _set(root, "w:Client/w:Bsn", ns, bsn)
    verzoek = root.find("w:Client/w:Verzoek", ns)
    _set(verzoek, "w:ReferentieAanbieder", ns, ref)
    if not nieuw_product:
        verzoek.remove(verzoek.find("w:NieuweProducten", ns))
    groep = verzoek.find("w:OngewijzigdeProducten", ns)
    voorbeeld = groep.find("w:OngewijzigdProduct", ns)
    groep.remove(voorbeeld)
    for nummer in ongewijzigd:
        item = etree.SubElement(groep, f"{{{ns['w']}}}OngewijzigdProduct")
        etree.SubElement(item, f"{{{ns['w']}}}ToewijzingNummer").text = str(nummer)
    if not list(groep):
        verzoek.remove(groep)
    groep = verzoek.find("w:TeWijzigenProducten", ns)
    voorbeeld = groep.find("w:TeWijzigenProduct", ns)
    groep.remove(voorbeeld)
    for product in te_wijzigen:
        item = etree.SubElement(groep, f"{{{ns['w']}}}TeWijzigenProduct")
        for naam in ("ToewijzingNummer", "GewensteIngangsdatum", "Einddatum"):
            sleutel = naam[0].lower() + naam[1:]
            etree.SubElement(item, f"{{{ns['w']}}}{naam}").text = str(product[sleutel])
    if not list(groep):
        verzoek.remove(groep)
    xml = _xml(root)
    assert validate("WMO317", xml) == [], validate("WMO317", xml)
    return xml
