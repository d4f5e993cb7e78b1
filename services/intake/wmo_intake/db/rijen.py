"""How a query's rows come back: ``Rij`` (a row of any columns) and the three ways to run a
statement that returns rows."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection

Rij: TypeAlias = Row[*tuple[Any, ...]]


async def een(
    conn: AsyncConnection, statement: Executable, params: dict[str, Any] | None = None
) -> Rij:
    """Exactly one row (an error otherwise)."""
    row: Rij = (await conn.execute(statement, params)).one()
    return row


async def eerste(conn: AsyncConnection, statement: Executable) -> Rij | None:
    """The first row, or None."""
    row: Rij | None = (await conn.execute(statement)).first()
    return row


async def alle(
    conn: AsyncConnection, statement: Executable, params: dict[str, Any] | None = None
) -> list[Rij]:
    rows: list[Rij] = list((await conn.execute(statement, params)).all())
    return rows
