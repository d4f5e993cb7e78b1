"""Queries on aanvragen."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import aanvragen
from wmo_intake.db.rijen import Rij, een, eerste


async def insert_aanvraag(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(aanvragen).values(**values).returning(aanvragen))


async def aanvraag(conn: AsyncConnection, gemeente: str, aanvraag_id: uuid.UUID) -> Rij | None:
    query = select(aanvragen).where(aanvragen.c.id == aanvraag_id, aanvragen.c.gemeente == gemeente)
    return await eerste(conn, query)


async def hoort_bij_melding(
    conn: AsyncConnection, aanvraag_id: uuid.UUID, melding_id: uuid.UUID
) -> bool:
    query = select(aanvragen.c.id).where(
        aanvragen.c.id == aanvraag_id, aanvragen.c.melding_id == melding_id
    )
    return await eerste(conn, query) is not None
