"""WMO315 verzoek om toewijzing (BerichtCode 444), aanbieder → gemeente: parse to dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_iwmo._xml import Node, parse_message
from wmo_iwmo.basis import (
    Geboortedatum,
    Header,
    Omvang,
    Product,
    VerkorteNaam,
    Verwijzer,
    read_geboortedatum,
    read_header,
    read_omvang,
    read_product,
    read_verkorte_naam,
    read_verwijzer,
)
from wmo_iwmo.xsd import SchemaFouten


@dataclass(frozen=True, slots=True)
class AangevraagdProduct:
    referentie_aanbieder: str  # comes back in the WMO301 or WMO319 that answers it
    toewijzing_ingangsdatum: dt.date
    verwijzer: Verwijzer
    beschikkingnummer: int | None = None
    product: Product | None = None
    beschikking_ingangsdatum: dt.date | None = None
    toewijzing_einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None  # eurocents
    raamcontract: bool | None = None  # LDT_JaNee: 1 ja, 2 nee
    commentaar: str | None = None


@dataclass(frozen=True, slots=True)
class Wmo315Client:
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: str
    naam: VerkorteNaam
    aangevraagde_producten: tuple[AangevraagdProduct, ...]
    commentaar: str | None = None


@dataclass(frozen=True, slots=True)
class Wmo315Bericht:
    header: Header
    client: Wmo315Client


def parse_wmo315(xml: bytes) -> Wmo315Bericht | SchemaFouten:
    """The verzoek om toewijzing, or its schema errors when it is not a valid WMO315."""
    return parse_message("WMO315", xml, _read)


def _read(root: Node) -> Wmo315Bericht:
    ns = root.ns
    client = root.child("Client", ns)
    return Wmo315Bericht(
        header=read_header(root.child("Header", ns)),
        client=Wmo315Client(
            bsn=client.string("Bsn"),
            geboortedatum=read_geboortedatum(client.child("Geboortedatum")),
            geslacht=client.string("Geslacht"),
            naam=read_verkorte_naam(client.child("Naam")),
            commentaar=client.opt_string("Commentaar"),
            aangevraagde_producten=tuple(
                _read_aangevraagd_product(p)
                for p in client.child("AangevraagdeProducten", ns).all("AangevraagdProduct", ns)
            ),
        ),
    )


def _read_aangevraagd_product(node: Node) -> AangevraagdProduct:
    raamcontract = node.opt_string("Raamcontract")
    return AangevraagdProduct(
        referentie_aanbieder=node.string("ReferentieAanbieder"),
        beschikkingnummer=node.opt_integer("BeschikkingNummer"),
        product=read_product(node.opt("Product")),
        beschikking_ingangsdatum=node.opt_date("BeschikkingIngangsdatum"),
        toewijzing_ingangsdatum=node.date("ToewijzingIngangsdatum"),
        toewijzing_einddatum=node.opt_date("ToewijzingEinddatum"),
        omvang=read_omvang(node.opt("Omvang")),
        budget=node.opt_integer("Budget"),
        verwijzer=read_verwijzer(node.child("Verwijzer")),
        raamcontract=None if raamcontract is None else raamcontract == "1",
        commentaar=node.opt_string("Commentaar"),
    )
