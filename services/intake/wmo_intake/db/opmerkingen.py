"""Queries on the comments of a case."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import opmerkingen
from wmo_intake.db.rijen import Rij, alle, een


async def insert_opmerking(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(opmerkingen).values(**values).returning(opmerkingen))


async def opmerkingen_van(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Rij]:
    t = opmerkingen
    query = select(t).where(t.c.melding_id == melding_id).order_by(t.c.aangemaakt, t.c.id)
    return await alle(conn, query)
