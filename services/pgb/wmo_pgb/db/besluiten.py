"""Queries of the besluiten on a pgb-plan."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import besluiten
from wmo_pgb.db.rows import first, one


async def insert_besluit(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(besluiten).values(**values).returning(besluiten))


async def get_besluit_for_plan(conn: AsyncConnection, plan_id: uuid.UUID) -> Row[Any] | None:
    """The besluit on a plan (a plan is decided once)."""
    return await first(conn, select(besluiten).where(besluiten.c.pgb_plan_id == plan_id))
