"""The composite types of basisschema.xsd (``CDT_*``) and the message header, as dataclasses,
with the functions that read them from and write them to a message.

Codes are the iWmo code strings (``geslacht="1"``); amounts are whole eurocents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wmo_iwmo._xml import Node, Writer, iwmo, iwmo_opt
from wmo_iwmo.codelijsten import DebetCredit, Eenheid, Frequentie

XSD_VERSIE = "1.0.0"  # BasisschemaXsdVersie and BerichtXsdVersie of every shipped XSD
BERICHT_VERSIE = 3
BERICHT_SUBVERSIE = 2


@dataclass(frozen=True, slots=True)
class BerichtIdentificatie:
    identificatie: str  # 1-12 characters, unique per berichtsoort for the sender
    dagtekening: dt.date


@dataclass(frozen=True, slots=True)
class XsdVersie:
    basisschema_xsd_versie: str = XSD_VERSIE
    bericht_xsd_versie: str = XSD_VERSIE


@dataclass(frozen=True, slots=True)
class Header:
    """Afzender and ontvanger: a 4-digit gemeente code or an 8-digit AGB code, by direction."""

    afzender: str
    ontvanger: str
    berichtidentificatie: BerichtIdentificatie
    xsd_versie: XsdVersie = XsdVersie()


@dataclass(frozen=True, slots=True)
class Achternaam:
    achternaam: str
    voorvoegsel: str | None = None


@dataclass(frozen=True, slots=True)
class VerkorteNaam:
    geslachtsnaam: Achternaam
    voornamen: str | None = None
    voorletters: str | None = None


@dataclass(frozen=True, slots=True)
class VolledigeNaam:
    geslachtsnaam: Achternaam
    naamgebruik: str = "1"  # LDT_NaamGebruik, 1 = eigen naam
    partnernaam: Achternaam | None = None
    voornamen: str | None = None
    voorletters: str | None = None


@dataclass(frozen=True, slots=True)
class Geboortedatum:
    datum: dt.date
    datum_gebruik: str | None = None  # LDT_DatumGebruik: which part of the date is known


@dataclass(frozen=True, slots=True)
class Product:
    categorie: str  # LDT_ProductCategorie, e.g. "02" begeleiding
    code: str | None = None  # 1-5 characters, chosen by the gemeente


@dataclass(frozen=True, slots=True)
class Omvang:
    volume: int
    eenheid: Eenheid
    frequentie: Frequentie


@dataclass(frozen=True, slots=True)
class Periode:
    """CDT_GeslotenPeriode: both dates inclusive."""

    begindatum: dt.date
    einddatum: dt.date


@dataclass(frozen=True, slots=True)
class OpenPeriode:
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BedragMetDC:
    bedrag: int  # eurocents, never negative; the sign is debet_credit
    debet_credit: DebetCredit = DebetCredit.DEBET

    @property
    def signed_cents(self) -> int:
        return -self.bedrag if self.debet_credit is DebetCredit.CREDIT else self.bedrag


@dataclass(frozen=True, slots=True)
class Huis:
    huisnummer: int
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    aanduiding_woonadres: str | None = None  # LDT_AanduidingWoonadres: AB, BY, TO, WW


@dataclass(frozen=True, slots=True)
class Adres:
    huis: Huis | None = None
    postcode: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    landcode: str | None = None  # ISO 3166 alpha-2, e.g. "NL"


@dataclass(frozen=True, slots=True)
class Telefoon:
    telefoonnummer: str  # digits only, at most 15
    landnummer: str = "0031"


@dataclass(frozen=True, slots=True)
class Telefoonnummers:
    telefoon01: Telefoon
    telefoon02: Telefoon | None = None


@dataclass(frozen=True, slots=True)
class Communicatie:
    vorm: str  # LDT_Communicatievorm: 1 tolk taal, 2 doventolk, 3 doofblindentolk
    taal: str | None = None


@dataclass(frozen=True, slots=True)
class Verwijzer:
    type: str  # LDT_TypeVerwijzer
    naam: str | None = None
    zorgverlenercode: str | None = None  # AGB code


@dataclass(frozen=True, slots=True)
class ProductReferentie:
    """CDT_Referentie: the provider's unique number of a declaratie line."""

    referentienummer: str
    vorig_referentienummer: str | None = None


# --- reading (the node is the element whose type is the composite type) ---


def read_header(node: Node) -> Header:
    ident = node.child("BerichtIdentificatie")
    versie = node.child("XsdVersie")
    return Header(
        afzender=node.string("Afzender"),
        ontvanger=node.string("Ontvanger"),
        berichtidentificatie=BerichtIdentificatie(
            identificatie=ident.string("Identificatie"), dagtekening=ident.date("Dagtekening")
        ),
        xsd_versie=XsdVersie(
            basisschema_xsd_versie=versie.string("BasisschemaXsdVersie"),
            bericht_xsd_versie=versie.string("BerichtXsdVersie"),
        ),
    )


def read_achternaam(node: Node) -> Achternaam:
    return Achternaam(node.string("Achternaam"), node.opt_string("Voorvoegsel"))


def read_verkorte_naam(node: Node) -> VerkorteNaam:
    return VerkorteNaam(
        geslachtsnaam=read_achternaam(node.child("Geslachtsnaam")),
        voornamen=node.opt_string("Voornamen"),
        voorletters=node.opt_string("Voorletters"),
    )


def read_volledige_naam(node: Node) -> VolledigeNaam:
    partner = node.opt("Partnernaam")
    return VolledigeNaam(
        geslachtsnaam=read_achternaam(node.child("Geslachtsnaam")),
        naamgebruik=node.string("NaamGebruik"),
        partnernaam=None if partner is None else read_achternaam(partner),
        voornamen=node.opt_string("Voornamen"),
        voorletters=node.opt_string("Voorletters"),
    )


def read_geboortedatum(node: Node) -> Geboortedatum:
    return Geboortedatum(node.date("Datum"), node.opt_string("DatumGebruik"))


def read_product(node: Node | None) -> Product | None:
    if node is None:
        return None
    return Product(node.string("Categorie"), node.opt_string("Code"))


def read_omvang(node: Node | None) -> Omvang | None:
    if node is None:
        return None
    return Omvang(
        volume=node.integer("Volume"),
        eenheid=Eenheid(node.string("Eenheid")),
        frequentie=Frequentie(node.string("Frequentie")),
    )


def read_periode(node: Node) -> Periode:
    return Periode(node.date("Begindatum"), node.date("Einddatum"))


def read_open_periode(node: Node | None) -> OpenPeriode | None:
    if node is None:
        return None
    return OpenPeriode(node.opt_date("Begindatum"), node.opt_date("Einddatum"))


def read_bedrag(node: Node, bedrag_element: str = "Bedrag") -> BedragMetDC:
    return BedragMetDC(node.integer(bedrag_element), DebetCredit(node.string("DebetCredit")))


def read_adres(node: Node | None) -> Adres | None:
    if node is None:
        return None
    huis = node.opt("Huis")
    return Adres(
        huis=None
        if huis is None
        else Huis(
            huisnummer=huis.integer("Huisnummer"),
            huisletter=huis.opt_string("Huisletter"),
            huisnummer_toevoeging=huis.opt_string("HuisnummerToevoeging"),
            aanduiding_woonadres=huis.opt_string("AanduidingWoonadres"),
        ),
        postcode=node.opt_string("Postcode"),
        straatnaam=node.opt_string("Straatnaam"),
        plaatsnaam=node.opt_string("Plaatsnaam"),
        landcode=node.opt_string("LandCode"),
    )


def read_telefoonnummers(node: Node | None) -> Telefoonnummers | None:
    if node is None:
        return None
    tweede = node.opt("Telefoon02")
    return Telefoonnummers(
        _read_telefoon(node.child("Telefoon01")),
        None if tweede is None else _read_telefoon(tweede),
    )


def _read_telefoon(node: Node) -> Telefoon:
    return Telefoon(node.string("Telefoonnummer"), node.string("Landnummer"))


def read_communicatie(node: Node | None) -> Communicatie | None:
    if node is None:
        return None
    return Communicatie(node.string("Vorm"), node.opt_string("Taal"))


def read_verwijzer(node: Node) -> Verwijzer:
    return Verwijzer(
        type=node.string("Type"),
        naam=node.opt_string("Naam"),
        zorgverlenercode=node.opt_string("ZorgverlenerCode"),
    )


def read_product_referentie(node: Node) -> ProductReferentie:
    return ProductReferentie(
        node.string("ReferentieNummer"), node.opt_string("VorigReferentieNummer")
    )


# --- writing (``el`` is the element of the composite type, already added by the caller) ---


def write_header(w: Writer, root: Any, berichtcode: str, header: Header) -> None:
    el = w.sub(root, "Header")
    w.sub(el, "BerichtCode", berichtcode)
    w.sub(el, "BerichtVersie", BERICHT_VERSIE)
    w.sub(el, "BerichtSubversie", BERICHT_SUBVERSIE)
    w.sub(el, "Afzender", header.afzender)
    w.sub(el, "Ontvanger", header.ontvanger)
    ident = w.sub(el, "BerichtIdentificatie")
    iwmo(ident, "Identificatie", header.berichtidentificatie.identificatie)
    iwmo(ident, "Dagtekening", header.berichtidentificatie.dagtekening)
    versie = w.sub(el, "XsdVersie")
    iwmo(versie, "BasisschemaXsdVersie", header.xsd_versie.basisschema_xsd_versie)
    iwmo(versie, "BerichtXsdVersie", header.xsd_versie.bericht_xsd_versie)


def write_achternaam(el: Any, naam: Achternaam) -> None:
    iwmo(el, "Achternaam", naam.achternaam)
    iwmo_opt(el, "Voorvoegsel", naam.voorvoegsel)


def write_verkorte_naam(el: Any, naam: VerkorteNaam) -> None:
    write_achternaam(iwmo(el, "Geslachtsnaam"), naam.geslachtsnaam)
    iwmo_opt(el, "Voornamen", naam.voornamen)
    iwmo_opt(el, "Voorletters", naam.voorletters)


def write_volledige_naam(el: Any, naam: VolledigeNaam) -> None:
    write_achternaam(iwmo(el, "Geslachtsnaam"), naam.geslachtsnaam)
    if naam.partnernaam is not None:
        write_achternaam(iwmo(el, "Partnernaam"), naam.partnernaam)
    iwmo_opt(el, "Voornamen", naam.voornamen)
    iwmo_opt(el, "Voorletters", naam.voorletters)
    iwmo(el, "NaamGebruik", naam.naamgebruik)


def write_geboortedatum(el: Any, geboortedatum: Geboortedatum) -> None:
    iwmo(el, "Datum", geboortedatum.datum)
    iwmo_opt(el, "DatumGebruik", geboortedatum.datum_gebruik)


def write_product(el: Any, product: Product) -> None:
    iwmo(el, "Categorie", product.categorie)
    iwmo_opt(el, "Code", product.code)


def write_omvang(el: Any, omvang: Omvang) -> None:
    iwmo(el, "Volume", omvang.volume)
    iwmo(el, "Eenheid", omvang.eenheid)
    iwmo(el, "Frequentie", omvang.frequentie)


def write_open_periode(el: Any, periode: OpenPeriode) -> None:
    iwmo_opt(el, "Begindatum", periode.begindatum)
    iwmo_opt(el, "Einddatum", periode.einddatum)


def write_adres(el: Any, adres: Adres) -> None:
    if adres.huis is not None:
        huis = iwmo(el, "Huis")
        iwmo(huis, "Huisnummer", adres.huis.huisnummer)
        iwmo_opt(huis, "Huisletter", adres.huis.huisletter)
        iwmo_opt(huis, "HuisnummerToevoeging", adres.huis.huisnummer_toevoeging)
        iwmo_opt(huis, "AanduidingWoonadres", adres.huis.aanduiding_woonadres)
    iwmo_opt(el, "Postcode", adres.postcode)
    iwmo_opt(el, "Straatnaam", adres.straatnaam)
    iwmo_opt(el, "Plaatsnaam", adres.plaatsnaam)
    iwmo_opt(el, "LandCode", adres.landcode)


def write_telefoonnummers(el: Any, nummers: Telefoonnummers) -> None:
    for name, telefoon in (("Telefoon01", nummers.telefoon01), ("Telefoon02", nummers.telefoon02)):
        if telefoon is not None:
            sub = iwmo(el, name)
            iwmo(sub, "Telefoonnummer", telefoon.telefoonnummer)
            iwmo(sub, "Landnummer", telefoon.landnummer)


def write_communicatie(el: Any, communicatie: Communicatie) -> None:
    iwmo(el, "Vorm", communicatie.vorm)
    iwmo_opt(el, "Taal", communicatie.taal)
