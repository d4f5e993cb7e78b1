"""WMO301 toewijzing (BerichtCode 414), gemeente → aanbieder: build it, and read it back.

The element order, required elements and codelists follow WMO301.xsd. ``build_wmo301`` checks
what the XSD cannot (11-proef of the BSN, einddatum not before ingangsdatum) and validates its
own output, so it returns a valid message or raises ``InvalidMessageError``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wmo_iwmo._xml import Node, Writer, parse_message
from wmo_iwmo.basis import (
    Adres,
    Communicatie,
    Geboortedatum,
    Header,
    Omvang,
    OpenPeriode,
    Product,
    Telefoonnummers,
    VolledigeNaam,
    read_adres,
    read_communicatie,
    read_geboortedatum,
    read_header,
    read_omvang,
    read_open_periode,
    read_product,
    read_telefoonnummers,
    read_volledige_naam,
    write_adres,
    write_communicatie,
    write_geboortedatum,
    write_header,
    write_omvang,
    write_open_periode,
    write_product,
    write_telefoonnummers,
    write_volledige_naam,
)
from wmo_iwmo.xsd import InvalidMessageError, SchemaFouten, validate
from wmo_shared.types import is_valid_bsn

BERICHTCODE = "414"


@dataclass(frozen=True, slots=True)
class Contact:
    """An address of the client or a relatie; ``soort`` is LDT_AdresSoort (01 BRP-adres)."""

    soort: str = "01"
    adres: Adres | None = None
    organisatie: str | None = None
    telefoon: Telefoonnummers | None = None
    emailadres: str | None = None
    periode: OpenPeriode | None = None  # stay on a temporary address


@dataclass(frozen=True, slots=True)
class Relatie:
    nummer: str  # identifies the relatie within the message
    soort: str  # LDT_SoortRelatie, e.g. 14 bewindvoerder, 15 mentor
    naam: VolledigeNaam
    contact: Contact
    volgorde: int | None = None  # priority as contact person
    geboortedatum: Geboortedatum | None = None
    geslacht: str | None = None


@dataclass(frozen=True, slots=True)
class ToegewezenProduct:
    toewijzingnummer: int
    toewijzingsdatum: dt.date  # when the gemeente made the toewijzing final
    toewijzingstijd: dt.time
    ingangsdatum: dt.date
    product: Product | None = None
    einddatum: dt.date | None = None
    reden_wijziging: str | None = None  # LDT_RedenWijziging, only on a changed toewijzing
    omvang: Omvang | None = None
    budget: int | None = None  # eurocents
    referentie_aanbieder: str | None = None  # the provider's reference of its verzoek (315/317)
    commentaar: str | None = None


@dataclass(frozen=True, slots=True)
class Wmo301Client:
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str  # LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw
    naam: VolledigeNaam
    contactgegevens: tuple[Contact, ...]  # at least one
    toegewezen_producten: tuple[ToegewezenProduct, ...]  # at least one
    communicatie: Communicatie | None = None
    juridische_status: str | None = None
    wettelijke_vertegenwoordiging: str | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie, ...] = ()


@dataclass(frozen=True, slots=True)
class Wmo301Bericht:
    """``header.afzender`` is the gemeente code, ``header.ontvanger`` the provider's AGB code."""

    header: Header
    client: Wmo301Client


def build_wmo301(bericht: Wmo301Bericht) -> bytes:
    """The WMO301 XML (UTF-8, with declaration), valid against WMO301.xsd."""
    client = bericht.client
    if not is_valid_bsn(client.bsn):
        raise InvalidMessageError(f"BSN {client.bsn!r} voldoet niet aan de elfproef")
    for product in client.toegewezen_producten:
        if product.einddatum is not None and product.einddatum < product.ingangsdatum:
            raise InvalidMessageError(
                f"toewijzing {product.toewijzingnummer}: einddatum ligt voor ingangsdatum"
            )
    w = Writer("WMO301")
    write_header(w, w.root, BERICHTCODE, bericht.header)
    _write_client(w, w.sub(w.root, "Client"), client)
    xml = w.tobytes()
    fouten = validate("WMO301", xml)
    if fouten:
        raise InvalidMessageError("de gegevens vormen geen geldig WMO301-bericht", tuple(fouten))
    return xml


def _write_client(w: Writer, el: Any, client: Wmo301Client) -> None:
    w.sub(el, "Bsn", client.bsn)
    write_geboortedatum(w.sub(el, "Geboortedatum"), client.geboortedatum)
    w.sub(el, "Geslacht", client.geslacht)
    write_volledige_naam(w.sub(el, "Naam"), client.naam)
    if client.communicatie is not None:
        write_communicatie(w.sub(el, "Communicatie"), client.communicatie)
    w.opt(el, "JuridischeStatus", client.juridische_status)
    w.opt(el, "WettelijkeVertegenwoordiging", client.wettelijke_vertegenwoordiging)
    w.opt(el, "Commentaar", client.commentaar)
    if client.relaties:
        relaties = w.sub(el, "Relaties")
        for relatie in client.relaties:
            _write_relatie(w, w.sub(relaties, "Relatie"), relatie)
    contactgegevens = w.sub(el, "Contactgegevens")
    for contact in client.contactgegevens:
        _write_contact(w, w.sub(contactgegevens, "Contact"), contact)
    producten = w.sub(el, "ToegewezenProducten")
    for product in client.toegewezen_producten:
        _write_toegewezen_product(w, w.sub(producten, "ToegewezenProduct"), product)


def _write_relatie(w: Writer, el: Any, relatie: Relatie) -> None:
    w.sub(el, "Nummer", relatie.nummer)
    w.opt(el, "Volgorde", relatie.volgorde)
    w.sub(el, "Soort", relatie.soort)
    if relatie.geboortedatum is not None:
        write_geboortedatum(w.sub(el, "Geboortedatum"), relatie.geboortedatum)
    w.opt(el, "Geslacht", relatie.geslacht)
    write_volledige_naam(w.sub(el, "Naam"), relatie.naam)
    _write_contact(w, w.sub(el, "Contact"), relatie.contact)


def _write_contact(w: Writer, el: Any, contact: Contact) -> None:
    w.sub(el, "Soort", contact.soort)
    if contact.adres is not None:
        write_adres(w.sub(el, "Adres"), contact.adres)
    w.opt(el, "Organisatie", contact.organisatie)
    if contact.telefoon is not None:
        write_telefoonnummers(w.sub(el, "Telefoon"), contact.telefoon)
    w.opt(el, "Emailadres", contact.emailadres)
    if contact.periode is not None:
        write_open_periode(w.sub(el, "Periode"), contact.periode)


def _write_toegewezen_product(w: Writer, el: Any, product: ToegewezenProduct) -> None:
    w.sub(el, "ToewijzingNummer", product.toewijzingnummer)
    w.opt(el, "ReferentieAanbieder", product.referentie_aanbieder)
    if product.product is not None:
        write_product(w.sub(el, "Product"), product.product)
    w.sub(el, "Toewijzingsdatum", product.toewijzingsdatum)
    w.sub(el, "Toewijzingstijd", product.toewijzingstijd)
    w.sub(el, "Ingangsdatum", product.ingangsdatum)
    w.opt(el, "Einddatum", product.einddatum)
    w.opt(el, "RedenWijziging", product.reden_wijziging)
    if product.omvang is not None:
        write_omvang(w.sub(el, "Omvang"), product.omvang)
    w.opt(el, "Budget", product.budget)
    w.opt(el, "Commentaar", product.commentaar)


def parse_wmo301(xml: bytes) -> Wmo301Bericht | SchemaFouten:
    """Read a WMO301 (e.g. to show or compare what was sent); validates first."""
    return parse_message("WMO301", xml, _read)


def _read(root: Node) -> Wmo301Bericht:
    ns = root.ns
    client = root.child("Client", ns)
    relaties = client.opt("Relaties", ns)
    return Wmo301Bericht(
        header=read_header(root.child("Header", ns)),
        client=Wmo301Client(
            bsn=client.string("Bsn"),
            geboortedatum=read_geboortedatum(client.child("Geboortedatum")),
            geslacht=client.string("Geslacht"),
            naam=read_volledige_naam(client.child("Naam")),
            communicatie=read_communicatie(client.opt("Communicatie")),
            juridische_status=client.opt_string("JuridischeStatus"),
            wettelijke_vertegenwoordiging=client.opt_string("WettelijkeVertegenwoordiging"),
            commentaar=client.opt_string("Commentaar"),
            relaties=()
            if relaties is None
            else tuple(_read_relatie(r) for r in relaties.all("Relatie", ns)),
            contactgegevens=tuple(
                _read_contact(c) for c in client.child("Contactgegevens", ns).all("Contact", ns)
            ),
            toegewezen_producten=tuple(
                _read_toegewezen_product(p)
                for p in client.child("ToegewezenProducten", ns).all("ToegewezenProduct", ns)
            ),
        ),
    )


def _read_relatie(node: Node) -> Relatie:
    geboortedatum = node.opt("Geboortedatum")
    return Relatie(
        nummer=node.string("Nummer"),
        volgorde=node.opt_integer("Volgorde"),
        soort=node.string("Soort"),
        geboortedatum=None if geboortedatum is None else read_geboortedatum(geboortedatum),
        geslacht=node.opt_string("Geslacht"),
        naam=read_volledige_naam(node.child("Naam")),
        contact=_read_contact(node.child("Contact", node.ns)),
    )


def _read_contact(node: Node) -> Contact:
    return Contact(
        soort=node.string("Soort"),
        adres=read_adres(node.opt("Adres")),
        organisatie=node.opt_string("Organisatie"),
        telefoon=read_telefoonnummers(node.opt("Telefoon")),
        emailadres=node.opt_string("Emailadres"),
        periode=read_open_periode(node.opt("Periode")),
    )


def _read_toegewezen_product(node: Node) -> ToegewezenProduct:
    return ToegewezenProduct(
        toewijzingnummer=node.integer("ToewijzingNummer"),
        referentie_aanbieder=node.opt_string("ReferentieAanbieder"),
        product=read_product(node.opt("Product")),
        toewijzingsdatum=node.date("Toewijzingsdatum"),
        toewijzingstijd=node.time("Toewijzingstijd"),
        ingangsdatum=node.date("Ingangsdatum"),
        einddatum=node.opt_date("Einddatum"),
        reden_wijziging=node.opt_string("RedenWijziging"),
        omvang=read_omvang(node.opt("Omvang")),
        budget=node.opt_integer("Budget"),
        commentaar=node.opt_string("Commentaar"),
    )
