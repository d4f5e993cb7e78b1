"""Queries on ``adviezen``."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db.models import adviezen, audit
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal

_COLUMNS = [
    adviezen.c.id,
    adviezen.c.gemeente,
    adviezen.c.bsn,
    adviezen.c.aanvraag_id,
    adviezen.c.beleid,
    adviezen.c.peildatum,
    adviezen.c.begindatum,
    adviezen.c.invoer,
    adviezen.c.uitkomst,
    adviezen.c.aangemaakt_op,
]


async def insert_advies(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    """Stores an advice; returns only its ``id`` and ``aangemaakt_op``: the caller holds the
    rest, and reading the stored documents back would decode them once more per write."""
    statement = insert(adviezen).values(**values)
    return (await conn.execute(statement.returning(adviezen.c.id, adviezen.c.aangemaakt_op))).one()


_GET_ADVIES = audited_by_id(select(*_COLUMNS), adviezen, audit)


async def get_advies_audited(
    conn: AsyncConnection, principal: Principal, advies_id: uuid.UUID
) -> Row[Any] | None:
    """The advice of the caller's gemeente, and its audit row, in one statement."""
    params = read_bind(principal, "indicatie-advies", advies_id)
    row: Row[Any] | None = (await conn.execute(_GET_ADVIES, params)).first()
    return row


async def get_advies(conn: AsyncConnection, gemeente: str, advies_id: uuid.UUID) -> Row[Any] | None:
    result = await conn.execute(
        select(*_COLUMNS).where(adviezen.c.id == advies_id, adviezen.c.gemeente == gemeente)
    )
    return result.first()
