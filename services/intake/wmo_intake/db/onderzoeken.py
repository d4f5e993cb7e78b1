"""Queries on onderzoeken and their kept versions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import onderzoek_versies, onderzoeken
from wmo_intake.db.rijen import Rij, een, eerste


async def onderzoek(conn: AsyncConnection, gemeente: str, onderzoek_id: uuid.UUID) -> Rij | None:
    query = select(onderzoeken).where(
        onderzoeken.c.id == onderzoek_id, onderzoeken.c.gemeente == gemeente
    )
    return await eerste(conn, query)


async def vergrendel(conn: AsyncConnection, onderzoek_id: uuid.UUID) -> Rij:
    """The onderzoek, locked (SELECT ... FOR UPDATE) until the transaction ends."""
    query = select(onderzoeken).where(onderzoeken.c.id == onderzoek_id).with_for_update()
    return await een(conn, query)


async def onderzoek_van_melding(conn: AsyncConnection, melding_id: uuid.UUID) -> Rij | None:
    query = select(onderzoeken).where(onderzoeken.c.melding_id == melding_id)
    return await eerste(conn, query)


async def insert_onderzoek(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(onderzoeken).values(**values).returning(onderzoeken))


async def wijzig_onderzoek(
    conn: AsyncConnection,
    onderzoek_id: uuid.UUID,
    *,
    invoer: dict[str, Any],
    uitkomst: dict[str, Any],
    versie: int,
    gewijzigd: dt.datetime,
) -> Rij:
    query = (
        update(onderzoeken)
        .where(onderzoeken.c.id == onderzoek_id)
        .values(invoer=invoer, uitkomst=uitkomst, versie=versie, gewijzigd=gewijzigd)
        .returning(onderzoeken)
    )
    return await een(conn, query)


async def insert_versie(
    conn: AsyncConnection,
    onderzoek_id: uuid.UUID,
    *,
    versie: int,
    invoer: dict[str, Any],
    uitkomst: dict[str, Any],
    sub: str,
) -> None:
    await conn.execute(
        insert(onderzoek_versies).values(
            onderzoek_id=onderzoek_id, versie=versie, invoer=invoer, uitkomst=uitkomst, sub=sub
        )
    )
