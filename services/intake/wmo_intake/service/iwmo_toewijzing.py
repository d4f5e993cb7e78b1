"""An opdracht as the iWmo checks see its toewijzing (``wmo_iwmo.toewijzing.Toewijzing``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_intake.db.rijen import Rij
from wmo_iwmo.basis import Omvang
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.toewijzing import Toewijzing


def toewijzing_van(row: Rij) -> Toewijzing | None:
    g = row.gegevens
    omvang = g.get("omvang")
    if not omvang:
        return None
    tarief = g.get("tarief")
    return Toewijzing(
        toewijzingnummer=row.toewijzingnummer,
        aanbieder_agb=row.aanbieder_agb,
        client_bsn=g["bsn"],
        productcategorie=g["productcategorie"],
        productcode=g["productcode"],
        ingangsdatum=dt.date.fromisoformat(g["begindatum"]),
        einddatum=dt.date.fromisoformat(g["einddatum"]) if g.get("einddatum") else None,
        omvang=Omvang(
            int(omvang["volume"]), Eenheid(omvang["eenheid"]), Frequentie(omvang["frequentie"])
        ),
        # Whole eurocents per unit; a tariff that is no whole number of cents per unit (or none
        # known) leaves the check to the provider's ProductTarief.
        tarief=int(Decimal(tarief) * 100) if tarief and (Decimal(tarief) * 100) % 1 == 0 else None,
    )
