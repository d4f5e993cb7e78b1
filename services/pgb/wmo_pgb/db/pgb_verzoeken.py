"""Queries of the pgb-verzoeken decided without a plan."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import audit, pgb_verzoeken
from wmo_pgb.db.rows import first, one
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal


async def insert_verzoek(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(pgb_verzoeken).values(**values).returning(pgb_verzoeken))


_GET_VERZOEK = audited_by_id(select(pgb_verzoeken), pgb_verzoeken, audit)


async def get_verzoek_audited(
    conn: AsyncConnection, principal: Principal, verzoek_id: uuid.UUID
) -> Row[Any] | None:
    """The request of the caller's gemeente and its audit row, in one statement."""
    return await first(conn, _GET_VERZOEK, read_bind(principal, "pgb-verzoek", verzoek_id))
