"""Queries of the budgetten: the budget, its versions (newest first), withdrawals and the yearly
spending checks."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import (
    audit,
    bestedingscontroles,
    budget_intrekkingen,
    budget_versies,
    budgetten,
)
from wmo_pgb.db.rows import all_rows, first, one
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal


async def insert_budget(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(budgetten).values(**values).returning(budgetten))


async def insert_versie(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(budget_versies).values(**values).returning(budget_versies))


async def get_budget(
    conn: AsyncConnection, gemeente: str, budget_id: uuid.UUID, *, for_update: bool = False
) -> Row[Any] | None:
    query = select(budgetten).where(budgetten.c.id == budget_id, budgetten.c.gemeente == gemeente)
    if for_update:
        query = query.with_for_update()
    return await first(conn, query)


async def find_budget_for_plan(
    conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID
) -> Row[Any] | None:
    """The budget of a plan, for reading."""
    return await first(
        conn,
        select(budgetten).where(
            budgetten.c.pgb_plan_id == plan_id, budgetten.c.gemeente == gemeente
        ),
    )


async def get_budget_for_plan(
    conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID
) -> Row[Any] | None:
    """The budget of a plan, locked for the change a beschikking makes."""
    return await first(
        conn,
        select(budgetten)
        .where(budgetten.c.pgb_plan_id == plan_id, budgetten.c.gemeente == gemeente)
        .with_for_update(),
    )


_GET_BUDGET = audited_by_id(select(budgetten), budgetten, audit)


async def get_budget_audited(
    conn: AsyncConnection, principal: Principal, budget_id: uuid.UUID
) -> Row[Any] | None:
    """The budget of the caller's gemeente and its audit row, in one statement (a refused read
    is recorded too)."""
    return await first(conn, _GET_BUDGET, read_bind(principal, "budget", budget_id))


async def get_versies(conn: AsyncConnection, budget_id: uuid.UUID) -> list[Row[Any]]:
    """All versions, newest first."""
    return await all_rows(
        conn,
        select(budget_versies)
        .where(budget_versies.c.budget_id == budget_id)
        .order_by(budget_versies.c.versie.desc()),
    )


async def huidige_versie(conn: AsyncConnection, budget_id: uuid.UUID) -> Row[Any]:
    return (await get_versies(conn, budget_id))[0]


async def update_budget(
    conn: AsyncConnection, budget_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    return await one(
        conn,
        update(budgetten)
        .where(budgetten.c.id == budget_id)
        .values(**values, gewijzigd_op=func.now())
        .returning(budgetten),
    )


async def insert_intrekking(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(
        conn, insert(budget_intrekkingen).values(**values).returning(budget_intrekkingen)
    )


async def insert_bestedingscontrole(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(
        conn, insert(bestedingscontroles).values(**values).returning(bestedingscontroles)
    )
