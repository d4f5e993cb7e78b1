"""Queries on the toewijzingen feed (what each WMO301 carried, numbered in order)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import toewijzingen
from wmo_intake.db.rijen import Rij, alle


async def insert_toewijzing(
    conn: AsyncConnection, gemeente: str, opdracht_id: uuid.UUID, item: dict[str, Any]
) -> None:
    await conn.execute(
        insert(toewijzingen).values(gemeente=gemeente, opdracht_id=opdracht_id, item=item)
    )


async def pagina(conn: AsyncConnection, gemeente: str, vanaf: int, limit: int) -> list[Rij]:
    """Up to ``limit`` + 1 items after volgnummer ``vanaf``."""
    t = toewijzingen
    query = (
        select(t.c.volgnummer, t.c.opdracht_id, t.c.item)
        .where(t.c.gemeente == gemeente, t.c.volgnummer > vanaf)
        .order_by(t.c.volgnummer)
        .limit(limit + 1)
    )
    return await alle(conn, query)
