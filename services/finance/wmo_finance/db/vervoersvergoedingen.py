"""Queries of the granted vervoersvergoedingen (FIN-10)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import vervoersvergoedingen


async def insert_vervoer(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    query = insert(vervoersvergoedingen).values(**values).returning(vervoersvergoedingen)
    row: Row[Any] = (await conn.execute(query)).one()
    return row
