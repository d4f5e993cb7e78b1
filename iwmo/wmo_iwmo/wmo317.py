"""WMO317 verzoek om wijziging (BerichtCode 480), aanbieder → gemeente: parse to dataclasses.

A verzoek names every current toewijzing of the client: unchanged (only its number), to be
changed (new ingangsdatum, einddatum, omvang or budget) or new products.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_iwmo._xml import Node, parse_message
from wmo_iwmo.basis import Header, Omvang, Product, read_header, read_omvang, read_product
from wmo_iwmo.xsd import SchemaFouten


@dataclass(frozen=True, slots=True)
class TeWijzigenProduct:
    toewijzingnummer: int
    gewenste_ingangsdatum: dt.date
    einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None  # eurocents


@dataclass(frozen=True, slots=True)
class NieuwProduct:
    gewenste_ingangsdatum: dt.date
    product: Product | None = None
    einddatum: dt.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None  # eurocents


@dataclass(frozen=True, slots=True)
class Verzoek:
    referentie_aanbieder: str
    reden_verzoek: str  # LDT_RedenVerzoek: 1 verandering clientsituatie, 2 wijziging zorgplan
    ongewijzigde_producten: tuple[int, ...] = ()  # toewijzingnummers
    te_wijzigen_producten: tuple[TeWijzigenProduct, ...] = ()
    nieuwe_producten: tuple[NieuwProduct, ...] = ()


@dataclass(frozen=True, slots=True)
class Wmo317Client:
    bsn: str
    verzoek: Verzoek


@dataclass(frozen=True, slots=True)
class Wmo317Bericht:
    header: Header
    client: Wmo317Client


def parse_wmo317(xml: bytes) -> Wmo317Bericht | SchemaFouten:
    """The verzoek om wijziging, or its schema errors when it is not a valid WMO317."""
    return parse_message("WMO317", xml, _read)


def _read(root: Node) -> Wmo317Bericht:
    ns = root.ns
    client = root.child("Client", ns)
    verzoek = client.child("Verzoek", ns)
    return Wmo317Bericht(
        header=read_header(root.child("Header", ns)),
        client=Wmo317Client(
            bsn=client.string("Bsn"),
            verzoek=Verzoek(
                referentie_aanbieder=verzoek.string("ReferentieAanbieder"),
                reden_verzoek=verzoek.string("RedenVerzoek"),
                ongewijzigde_producten=tuple(
                    p.integer("ToewijzingNummer")
                    for p in _items(verzoek, "OngewijzigdeProducten", "OngewijzigdProduct")
                ),
                te_wijzigen_producten=tuple(
                    _read_te_wijzigen(p)
                    for p in _items(verzoek, "TeWijzigenProducten", "TeWijzigenProduct")
                ),
                nieuwe_producten=tuple(
                    _read_nieuw(p) for p in _items(verzoek, "NieuweProducten", "NieuwProduct")
                ),
            ),
        ),
    )


def _items(verzoek: Node, group: str, item: str) -> list[Node]:
    node = verzoek.opt(group, verzoek.ns)
    return [] if node is None else node.all(item, verzoek.ns)


def _read_te_wijzigen(node: Node) -> TeWijzigenProduct:
    return TeWijzigenProduct(
        toewijzingnummer=node.integer("ToewijzingNummer"),
        gewenste_ingangsdatum=node.date("GewensteIngangsdatum"),
        einddatum=node.opt_date("Einddatum"),
        omvang=read_omvang(node.opt("Omvang")),
        budget=node.opt_integer("Budget"),
    )


def _read_nieuw(node: Node) -> NieuwProduct:
    return NieuwProduct(
        product=read_product(node.opt("Product")),
        gewenste_ingangsdatum=node.date("GewensteIngangsdatum"),
        einddatum=node.opt_date("Einddatum"),
        omvang=read_omvang(node.opt("Omvang")),
        budget=node.opt_integer("Budget"),
    )
