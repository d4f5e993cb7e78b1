"""Queries of the pgb-verzoeken decided without a plan."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import audit, pgb_verzoeken
from wmo_pgb.db.rows import first, one
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal


async def insert_verzoek(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(pgb_verzoeken).values(**values).returning(pgb_verzoeken))


_GET_VERZOEK = audited(
    select(pgb_verzoeken).where(
        pgb_verzoeken.c.id == bindparam("p_id"),
        pgb_verzoeken.c.gemeente == bindparam("p_gemeente"),
    ),
    audit,
)


async def get_verzoek_audited(
    conn: AsyncConnection, principal: Principal, verzoek_id: uuid.UUID
) -> Row[Any] | None:
    """The request of the caller's gemeente and its audit row, in one statement."""
    params = {"p_id": verzoek_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "pgb-verzoek", verzoek_id))
    return await first(conn, _GET_VERZOEK, params)
