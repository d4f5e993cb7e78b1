"""Queries of the onderhoudsvergoedingen (FIN-06)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import audit, onderhoudsvergoedingen
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal


async def insert_onderhoud(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    query = insert(onderhoudsvergoedingen).values(**values).returning(onderhoudsvergoedingen)
    row: Row[Any] = (await conn.execute(query)).one()
    return row


_GET_ONDERHOUD = audited_by_id(select(onderhoudsvergoedingen), onderhoudsvergoedingen, audit)


async def get_onderhoud_audited(
    conn: AsyncConnection, principal: Principal, onderhoud_id: uuid.UUID
) -> Row[Any] | None:
    params = read_bind(principal, "onderhoudsvergoeding", onderhoud_id)
    row: Row[Any] | None = (await conn.execute(_GET_ONDERHOUD, params)).first()
    return row
