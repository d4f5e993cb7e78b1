"""Queries of the toetsingen of a pgb-plan."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import toetsingen
from wmo_pgb.db.rows import one


async def insert_toetsing(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(toetsingen).values(**values).returning(toetsingen))
