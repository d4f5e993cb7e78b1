"""WMO307 stop zorg (BerichtCode 420), aanbieder → gemeente: parse to dataclasses."""

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
class StopProduct:
    begindatum: dt.date  # begindatum of the delivery being stopped (as in its WMO305)
    reden_beeindiging: str  # LDT_RedenBeeindiging, e.g. 19 levering volgens plan beeindigd
    einddatum: dt.date
    status_aanlevering: StatusAanlevering
    toewijzingnummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Wmo307Client:
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    stop_producten: tuple[StopProduct, ...]


@dataclass(frozen=True, slots=True)
class Wmo307Bericht:
    """``header.afzender`` is the provider's AGB code, ``header.ontvanger`` the gemeente."""

    header: Header
    client: Wmo307Client


def parse_wmo307(xml: bytes) -> Wmo307Bericht | SchemaFouten:
    """The stop zorg message, or its schema errors when it is not a valid WMO307."""
    return parse_message("WMO307", xml, _read)


def _read(root: Node) -> Wmo307Bericht:
    ns = root.ns
    client = root.child("Client", ns)
    return Wmo307Bericht(
        header=read_header(root.child("Header", ns)),
        client=Wmo307Client(
            bsn=client.string("Bsn"),
            geboortedatum=read_geboortedatum(client.child("Geboortedatum")),
            geslacht=client.string("Geslacht"),
            naam=read_verkorte_naam(client.child("Naam")),
            stop_producten=tuple(
                _read_stop_product(p)
                for p in client.child("StopProducten", ns).all("StopProduct", ns)
            ),
        ),
    )


def _read_stop_product(node: Node) -> StopProduct:
    return StopProduct(
        toewijzingnummer=node.opt_integer("ToewijzingNummer"),
        product=read_product(node.opt("Product")),
        toewijzing_ingangsdatum=node.opt_date("ToewijzingIngangsdatum"),
        begindatum=node.date("Begindatum"),
        reden_beeindiging=node.string("RedenBeeindiging"),
        einddatum=node.date("Einddatum"),
        status_aanlevering=StatusAanlevering(node.string("StatusAanlevering")),
    )
