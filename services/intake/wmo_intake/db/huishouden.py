"""Queries on the household and network of a client (table ``netwerkleden``: huisgenoten,
mantelzorgers and other network members)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import netwerkleden
from wmo_intake.db.rijen import Rij, alle, een


async def insert_lid(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(netwerkleden).values(**values).returning(netwerkleden))


async def leden(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID, soorten: tuple[str, ...]
) -> list[Rij]:
    t = netwerkleden
    query = (
        select(t)
        .where(t.c.client_id == client_id, t.c.gemeente == gemeente, t.c.soort.in_(soorten))
        .order_by(t.c.aangemaakt, t.c.id)
    )
    return await alle(conn, query)
