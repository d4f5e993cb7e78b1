"""Queries on the iWmo messages providers send (stored with their retour)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import iwmo_berichten
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def vergrendel(conn: AsyncConnection, sleutel: str) -> None:
    """A transaction-scoped advisory lock: whoever holds it decides alone; the next one waits
    and, after the commit, reads what the first one stored."""
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))


async def met_inhoud(conn: AsyncConnection, gemeente: str, sha256: str) -> Rij | None:
    t = iwmo_berichten
    query = select(t).where(t.c.gemeente == gemeente, t.c.sha256 == sha256)
    return await eerste(conn, query)


async def declaraties_met_goedgekeurde_regels(
    conn: AsyncConnection, gemeente: str, afzender: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """The WMO323s of this afzender with a line accepted on one of these toewijzingen
    (``inhoud`` and ``retour``)."""
    t = iwmo_berichten
    query = select(t.c.inhoud, t.c.retour).where(
        t.c.gemeente == gemeente,
        t.c.afzender == afzender,
        t.c.berichttype == "WMO323",
        or_(
            *(
                t.c.retour["regels"].contains([{"toewijzingnummer": n, "status": "goedgekeurd"}])
                for n in toewijzingnummers
            )
        ),
    )
    return await alle(conn, query)


async def insert_bericht(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = iwmo_berichten
    return await een(conn, insert(t).values(**values).returning(t))
