"""Registering the accepted lines of a declaratie (WMO323) with their amounts, in the
transaction that stores the message and its retour (issue 14.6: ZIN spending per month)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import declaratieregels
from wmo_iwmo.wmo323 import parse_wmo323
from wmo_iwmo.xsd import SchemaFouten


async def registreer(
    conn: AsyncConnection, gemeente: str, bericht_id: uuid.UUID, xml: bytes, retour: dict[str, Any]
) -> None:
    """The lines the retour accepted (none when the header was refused)."""
    if any(m.get("retourcode") != "0200" for m in retour.get("retourcodes") or []):
        return
    bericht = parse_wmo323(xml)
    if isinstance(bericht, SchemaFouten):
        return
    prestaties = [p for _, p in bericht.declaratie.prestaties]
    rijen = []
    for regel in retour.get("regels") or []:
        index = regel.get("index")
        if regel.get("status") != "goedgekeurd" or not isinstance(index, int):
            continue
        if not 0 <= index < len(prestaties):
            continue
        p = prestaties[index]
        rijen.append(
            {
                "gemeente": gemeente,
                "iwmo_bericht_id": bericht_id,
                "regel": index,
                "toewijzingnummer": p.toewijzingnummer,
                "productcode": p.productcode,
                "begindatum": p.productperiode.begindatum,
                "einddatum": p.productperiode.einddatum,
                "bedrag": Decimal(p.ingediend_bedrag.signed_cents) / 100,
            }
        )
    await declaratieregels.voeg_toe(conn, rijen)
