"""Checks of start zorg (WMO305) and stop zorg (WMO307) lines against the toewijzingen.
Every rejection is 9019; see ``controle.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from wmo_iwmo.basis import Product
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing, binnen, index_toewijzingen, periode_tekst
from wmo_iwmo.uitkomst import Afkeuring, Regeluitkomst
from wmo_iwmo.wmo305 import StartProduct, Wmo305Bericht
from wmo_iwmo.wmo307 import StopProduct, Wmo307Bericht


def check_wmo305(
    bericht: Wmo305Bericht, toewijzingen: Iterable[Toewijzing]
) -> tuple[Regeluitkomst, ...]:
    """Each StartProduct against the toewijzing it names."""
    bekend = index_toewijzingen(toewijzingen)
    bsn = bericht.client.bsn
    return tuple(
        Regeluitkomst(
            i, bsn, p.toewijzingnummer, tuple(_check_start(p, bericht.header.afzender, bsn, bekend))
        )
        for i, p in enumerate(bericht.client.start_producten)
    )


def check_wmo307(
    bericht: Wmo307Bericht, toewijzingen: Iterable[Toewijzing]
) -> tuple[Regeluitkomst, ...]:
    """Each StopProduct against the toewijzing it names."""
    bekend = index_toewijzingen(toewijzingen)
    bsn = bericht.client.bsn
    return tuple(
        Regeluitkomst(
            i, bsn, p.toewijzingnummer, tuple(_check_stop(p, bericht.header.afzender, bsn, bekend))
        )
        for i, p in enumerate(bericht.client.stop_producten)
    )


def _afkeuring_9019(reden: str, rule: str | None = None) -> Afkeuring:
    return Afkeuring(Retourcode.NIET_TE_KOPPELEN_AAN_TOEWIJZING, reden, rule)


def _link(
    toewijzingnummer: int | None, aanbieder: str, bsn: str, bekend: Mapping[int, Toewijzing]
) -> Toewijzing | Afkeuring:
    if toewijzingnummer is None:
        return _afkeuring_9019(
            "Zonder ToewijzingNummer is de regel niet aan een toewijzing te koppelen."
        )
    toewijzing = bekend.get(toewijzingnummer)
    if toewijzing is None or toewijzing.aanbieder_agb != aanbieder:
        return _afkeuring_9019(
            f"Er is geen toewijzing {toewijzingnummer} aan aanbieder {aanbieder}."
        )
    if toewijzing.client_bsn != bsn:
        return _afkeuring_9019(f"Toewijzing {toewijzingnummer} hoort bij een andere client.")
    return toewijzing


def _check_regie(
    product: Product | None,
    toewijzing_ingangsdatum: dt.date | None,
    begindatum: dt.date,
    toewijzing: Toewijzing,
) -> list[Afkeuring]:
    """What start and stop share: product, ingangsdatum and begindatum fit the toewijzing."""
    afkeuringen: list[Afkeuring] = []
    if product is not None and (
        product.categorie != toewijzing.productcategorie
        or (product.code is not None and product.code != toewijzing.productcode)
    ):
        afkeuringen.append(
            _afkeuring_9019(
                f"Product {product.categorie}/{product.code or '-'} is niet het toegewezen "
                f"product {toewijzing.productcategorie}/{toewijzing.productcode}.",
                "AAN-01",
            )
        )
    if toewijzing_ingangsdatum is not None and toewijzing_ingangsdatum != toewijzing.ingangsdatum:
        afkeuringen.append(
            _afkeuring_9019(
                f"ToewijzingIngangsdatum {toewijzing_ingangsdatum} is niet de ingangsdatum "
                f"{toewijzing.ingangsdatum} van de toewijzing.",
                "AAN-01",
            )
        )
    if not binnen(begindatum, toewijzing):
        afkeuringen.append(
            _afkeuring_9019(
                f"Begindatum {begindatum} ligt buiten de toewijzing ({periode_tekst(toewijzing)}).",
                "AAN-01",
            )
        )
    return afkeuringen


def _check_start(
    product: StartProduct, aanbieder: str, bsn: str, bekend: Mapping[int, Toewijzing]
) -> list[Afkeuring]:
    toewijzing = _link(product.toewijzingnummer, aanbieder, bsn, bekend)
    if isinstance(toewijzing, Afkeuring):
        return [toewijzing]
    return _check_regie(
        product.product, product.toewijzing_ingangsdatum, product.begindatum, toewijzing
    )


def _check_stop(
    product: StopProduct, aanbieder: str, bsn: str, bekend: Mapping[int, Toewijzing]
) -> list[Afkeuring]:
    toewijzing = _link(product.toewijzingnummer, aanbieder, bsn, bekend)
    if isinstance(toewijzing, Afkeuring):
        return [toewijzing]
    afkeuringen = _check_regie(
        product.product, product.toewijzing_ingangsdatum, product.begindatum, toewijzing
    )
    if product.einddatum < product.begindatum:
        afkeuringen.append(
            _afkeuring_9019(
                f"Einddatum {product.einddatum} ligt voor begindatum {product.begindatum}."
            )
        )
    elif not binnen(product.einddatum, toewijzing):
        afkeuringen.append(
            _afkeuring_9019(
                f"Einddatum {product.einddatum} ligt buiten de toewijzing "
                f"({periode_tekst(toewijzing)}).",
                "AAN-01",
            )
        )
    return afkeuringen
