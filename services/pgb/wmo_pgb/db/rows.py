"""Typed results of one statement: the row, the first row or all rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection


async def one(conn: AsyncConnection, statement: Executable, params: Any = None) -> Row[Any]:
    row: Row[Any] = (await conn.execute(statement, params)).one()
    return row


async def first(
    conn: AsyncConnection, statement: Executable, params: Any = None
) -> Row[Any] | None:
    row: Row[Any] | None = (await conn.execute(statement, params)).first()
    return row


async def all_rows(conn: AsyncConnection, statement: Executable) -> list[Row[Any]]:
    return list((await conn.execute(statement)).all())
