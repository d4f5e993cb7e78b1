"""Queries of the onderhoudsvergoedingen (FIN-06)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import audit, onderhoudsvergoedingen
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal


async def insert_onderhoud(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    query = insert(onderhoudsvergoedingen).values(**values).returning(onderhoudsvergoedingen)
    row: Row[Any] = (await conn.execute(query)).one()
    return row


_GET_ONDERHOUD = audited(
    select(onderhoudsvergoedingen).where(
        onderhoudsvergoedingen.c.id == bindparam("p_id"),
        onderhoudsvergoedingen.c.gemeente == bindparam("p_gemeente"),
    ),
    audit,
)


async def get_onderhoud_audited(
    conn: AsyncConnection, principal: Principal, onderhoud_id: uuid.UUID
) -> Row[Any] | None:
    params = {"p_id": onderhoud_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "onderhoudsvergoeding", onderhoud_id))
    row: Row[Any] | None = (await conn.execute(_GET_ONDERHOUD, params)).first()
    return row
