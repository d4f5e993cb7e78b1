"""Queries on the wettelijk vertegenwoordigers of a cliënt (never deleted: ending one sets its
einddatum)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import vertegenwoordigers
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def insert_vertegenwoordiger(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = vertegenwoordigers
    return await een(conn, insert(t).values(**values).returning(t))


async def van_client(conn: AsyncConnection, client_id: uuid.UUID) -> list[Rij]:
    t = vertegenwoordigers
    query = select(t).where(t.c.client_id == client_id).order_by(t.c.ingangsdatum, t.c.aangemaakt)
    return await alle(conn, query)


async def vertegenwoordiger(
    conn: AsyncConnection, client_id: uuid.UUID, vertegenwoordiger_id: uuid.UUID
) -> Rij | None:
    t = vertegenwoordigers
    query = select(t).where(t.c.id == vertegenwoordiger_id, t.c.client_id == client_id)
    return await eerste(conn, query)


async def wijzig(
    conn: AsyncConnection, vertegenwoordiger_id: uuid.UUID, values: dict[str, Any]
) -> Rij:
    t = vertegenwoordigers
    query = update(t).where(t.c.id == vertegenwoordiger_id).values(**values).returning(t)
    return await een(conn, query)
