"""The declaratie lines a WMO323 got accepted: what the gemeente keeps of them (in a table of
its own) so that the next declaratie is checked against them without reading old messages.

A message whose header was rejected is rejected as a whole: none of its lines is accepted. A
credit line keeps its volume and its amount negative, as ``EerderGoedgekeurd`` and the
management information count them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wmo_iwmo.basis import Periode
from wmo_iwmo.codelijsten import DebetCredit
from wmo_iwmo.controle import Declaratiecontrole
from wmo_iwmo.declaratie import EerderGoedgekeurd
from wmo_iwmo.wmo323 import Prestatie, Wmo323Bericht


@dataclass(frozen=True, slots=True)
class GeaccepteerdeRegel:
    """Line ``index`` of an accepted declaratie, with its volume and IngediendBedrag (in
    eurocents) signed: negative for a credit line."""

    index: int
    bsn: str
    toewijzingnummer: int
    productcode: str
    begindatum: dt.date
    einddatum: dt.date
    volume: int
    referentienummer: str
    bedrag_cent: int

    def eerder(self, no_show_productcodes: Collection[str] = ()) -> EerderGoedgekeurd:
        """The line as the next declaratie's checks count it."""
        return EerderGoedgekeurd(
            toewijzingnummer=self.toewijzingnummer,
            productperiode=Periode(self.begindatum, self.einddatum),
            volume=self.volume,
            no_show=self.productcode in no_show_productcodes,
            bsn=self.bsn,
        )


def regel(bericht: Wmo323Bericht, index: int) -> GeaccepteerdeRegel:
    """Line ``index`` of the message as it is kept once accepted (``IndexError`` when the
    message has no such line)."""
    return _regel(index, *bericht.declaratie.prestaties[index])


def _regel(index: int, bsn: str, p: Prestatie) -> GeaccepteerdeRegel:
    credit = p.ingediend_bedrag.debet_credit is DebetCredit.CREDIT
    return GeaccepteerdeRegel(
        index=index,
        bsn=bsn,
        toewijzingnummer=p.toewijzingnummer,
        productcode=p.productcode,
        begindatum=p.productperiode.begindatum,
        einddatum=p.productperiode.einddatum,
        volume=-p.geleverd_volume if credit else p.geleverd_volume,
        referentienummer=p.product_referentie.referentienummer,
        bedrag_cent=p.ingediend_bedrag.signed_cents,
    )


def geaccepteerde_regels(
    bericht: Wmo323Bericht, controle: Declaratiecontrole
) -> list[GeaccepteerdeRegel]:
    """The lines of ``bericht`` that ``check_wmo323`` accepted (none when the header was
    rejected)."""
    if controle.bericht_afkeuringen:
        return []
    prestaties = bericht.declaratie.prestaties
    return [
        _regel(u.index, *prestaties[u.index])
        for u in controle.uitkomsten
        if u.goedgekeurd and 0 <= u.index < len(prestaties)
    ]


def geaccepteerd_volgens_retour(
    bericht: Wmo323Bericht, retour: Mapping[str, Any]
) -> list[GeaccepteerdeRegel]:
    """The same lines read back from a stored retour (``Retourbericht.to_dict()``): for
    declaraties accepted before the lines were kept on their own."""
    if any(m.get("retourcode") != "0200" for m in retour.get("retourcodes") or []):
        return []
    prestaties = bericht.declaratie.prestaties
    indexen: Iterable[Any] = (
        r.get("index") for r in retour.get("regels") or [] if r.get("status") == "goedgekeurd"
    )
    return [
        _regel(i, *prestaties[i])
        for i in indexen
        if isinstance(i, int) and 0 <= i < len(prestaties)
    ]
