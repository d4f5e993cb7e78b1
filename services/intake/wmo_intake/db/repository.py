"""Queries of intake, in SQLAlchemy Core (hot paths: one statement per request)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import audit, clienten
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal

_CLIENT_COLUMNS = [
    clienten.c.id,
    clienten.c.gemeente,
    clienten.c.bsn,
    clienten.c.voornamen,
    clienten.c.achternaam,
    clienten.c.geboortedatum,
    clienten.c.straat,
    clienten.c.huisnummer,
    clienten.c.postcode,
    clienten.c.woonplaats,
    clienten.c.telefoon,
    clienten.c.email,
    clienten.c.versie,
]


async def insert_client(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any] | None:
    """The new client, or None when the gemeente already has a client with this BSN."""
    result = await conn.execute(
        pg_insert(clienten)
        .values(**values)
        .on_conflict_do_nothing(constraint="uq_clienten_gemeente_bsn")
        .returning(*_CLIENT_COLUMNS)
    )
    return result.first()


_GET_CLIENT = audited(
    select(*_CLIENT_COLUMNS).where(
        clienten.c.id == bindparam("p_id"), clienten.c.gemeente == bindparam("p_gemeente")
    ),
    audit,
)


async def get_client_audited(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> Row[Any] | None:
    """The client of the caller's gemeente, and its audit row, in one statement."""
    params = {"p_id": client_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "client", client_id))
    result = await conn.execute(_GET_CLIENT, params)
    return result.first()


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> Row[Any] | None:
    result = await conn.execute(
        select(*_CLIENT_COLUMNS).where(clienten.c.gemeente == gemeente, clienten.c.bsn == bsn)
    )
    return result.first()
