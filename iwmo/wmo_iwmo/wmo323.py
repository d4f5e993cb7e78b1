"""WMO323 declaratie (BerichtCode 484), aanbieder → gemeente: parse to dataclasses.

Amounts are whole eurocents as in the message (``IngediendBedrag`` with a debet/credit sign,
``ProductTarief`` per eenheid); ``GeleverdVolume`` is in ``Eenheid``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_iwmo._xml import Node, parse_message
from wmo_iwmo.basis import (
    BedragMetDC,
    Header,
    Periode,
    ProductReferentie,
    read_bedrag,
    read_header,
    read_periode,
    read_product_referentie,
)
from wmo_iwmo.codelijsten import Eenheid
from wmo_iwmo.xsd import SchemaFouten


@dataclass(frozen=True, slots=True)
class Prestatie:
    product_referentie: ProductReferentie
    toewijzingnummer: int
    productcategorie: str
    productcode: str
    productperiode: Periode
    geleverd_volume: int
    eenheid: Eenheid
    ingediend_bedrag: BedragMetDC
    producttarief: int | None = None  # eurocents per eenheid


@dataclass(frozen=True, slots=True)
class DeclaratieClient:
    bsn: str
    prestaties: tuple[Prestatie, ...]


@dataclass(frozen=True, slots=True)
class Declaratie:
    declaratienummer: str
    declaratieperiode: Periode
    declaratie_dagtekening: dt.date
    totaal_ingediend_bedrag: BedragMetDC
    clienten: tuple[DeclaratieClient, ...]

    @property
    def prestaties(self) -> tuple[tuple[str, Prestatie], ...]:
        """Every line in document order, with the BSN of its client."""
        return tuple((c.bsn, p) for c in self.clienten for p in c.prestaties)


@dataclass(frozen=True, slots=True)
class Wmo323Bericht:
    """``header.afzender`` is the provider's AGB code, ``header.ontvanger`` the gemeente."""

    header: Header
    declaratie: Declaratie


def parse_wmo323(xml: bytes) -> Wmo323Bericht | SchemaFouten:
    """The declaratie, or its schema errors when it is not a valid WMO323."""
    return parse_message("WMO323", xml, _read)


def _read(root: Node) -> Wmo323Bericht:
    ns = root.ns
    declaratie = root.child("Declaratie", ns)
    return Wmo323Bericht(
        header=read_header(root.child("Header", ns)),
        declaratie=Declaratie(
            declaratienummer=declaratie.string("DeclaratieNummer"),
            declaratieperiode=read_periode(declaratie.child("DeclaratiePeriode")),
            declaratie_dagtekening=declaratie.date("DeclaratieDagtekening"),
            totaal_ingediend_bedrag=read_bedrag(
                declaratie.child("TotaalIngediendBedrag"), "TotaalBedrag"
            ),
            clienten=tuple(
                _read_client(c) for c in declaratie.child("Clienten", ns).all("Client", ns)
            ),
        ),
    )


def _read_client(node: Node) -> DeclaratieClient:
    ns = node.ns
    return DeclaratieClient(
        bsn=node.string("Bsn"),
        prestaties=tuple(
            _read_prestatie(p) for p in node.child("Prestaties", ns).all("Prestatie", ns)
        ),
    )


def _read_prestatie(node: Node) -> Prestatie:
    return Prestatie(
        product_referentie=read_product_referentie(node.child("ProductReferentie")),
        toewijzingnummer=node.integer("ToewijzingNummer"),
        productcategorie=node.string("ProductCategorie"),
        productcode=node.string("ProductCode"),
        productperiode=read_periode(node.child("ProductPeriode")),
        geleverd_volume=node.integer("GeleverdVolume"),
        eenheid=Eenheid(node.string("Eenheid")),
        producttarief=node.opt_integer("ProductTarief"),
        ingediend_bedrag=read_bedrag(node.child("IngediendBedrag")),
    )
