"""Queries on the adviezen of the indicatie service kept with an onderzoek."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import indicatie_adviezen
from wmo_intake.db.rijen import Rij, alle, een


async def adviezen(conn: AsyncConnection, onderzoek_id: uuid.UUID) -> list[Rij]:
    t = indicatie_adviezen
    query = select(t).where(t.c.onderzoek_id == onderzoek_id).order_by(t.c.aangemaakt)
    return await alle(conn, query)


async def insert_advies(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = indicatie_adviezen
    return await een(conn, insert(t).values(**values).returning(t))
