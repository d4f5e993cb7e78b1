"""WMO305 start zorg (BerichtCode 418), aanbieder → gemeente: parse to dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_iwmo._xml import Node, parse_message
from wmo_iwmo.basis import (
    Geboortedatum,
    Header,
    Product,
    VerkorteNaam,
    read_geboortedatum,
    read_header,
    read_product,
    read_verkorte_naam,
)
from wmo_iwmo.codelijsten import StatusAanlevering
from wmo_iwmo.xsd import SchemaFouten


@dataclass(frozen=True, slots=True)
class StartProduct:
    begindatum: dt.date
    status_aanlevering: StatusAanlevering
    toewijzingnummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Wmo305Client:
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    start_producten: tuple[StartProduct, ...]


@dataclass(frozen=True, slots=True)
class Wmo305Bericht:
    """``header.afzender`` is the provider's AGB code, ``header.ontvanger`` the gemeente."""

    header: Header
    client: Wmo305Client


def parse_wmo305(xml: bytes) -> Wmo305Bericht | SchemaFouten:
    """The start zorg message, or its schema errors when it is not a valid WMO305."""
    return parse_message("WMO305", xml, _read)


def _read(root: Node) -> Wmo305Bericht:
    ns = root.ns
    client = root.child("Client", ns)
    return Wmo305Bericht(
        header=read_header(root.child("Header", ns)),
        client=Wmo305Client(
            bsn=client.string("Bsn"),
            geboortedatum=read_geboortedatum(client.child("Geboortedatum")),
            geslacht=client.string("Geslacht"),
            naam=read_verkorte_naam(client.child("Naam")),
            start_producten=tuple(
                _read_start_product(p)
                for p in client.child("StartProducten", ns).all("StartProduct", ns)
            ),
        ),
    )


def _read_start_product(node: Node) -> StartProduct:
    return StartProduct(
        toewijzingnummer=node.opt_integer("ToewijzingNummer"),
        product=read_product(node.opt("Product")),
        toewijzing_ingangsdatum=node.opt_date("ToewijzingIngangsdatum"),
        begindatum=node.date("Begindatum"),
        status_aanlevering=StatusAanlevering(node.string("StatusAanlevering")),
    )
