"""Queries of pgb, in SQLAlchemy Core."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import (
    audit,
    besluiten,
    budget_versies,
    budgetten,
    pgb_plannen,
    svb_toekenningen,
    toetsingen,
)
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal

# --- pgb-plannen -----------------------------------------------------------------------------


async def insert_plan(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return (await conn.execute(insert(pgb_plannen).values(**values).returning(pgb_plannen))).one()


_GET_PLAN = audited(
    select(pgb_plannen).where(
        pgb_plannen.c.id == bindparam("p_id"), pgb_plannen.c.gemeente == bindparam("p_gemeente")
    ),
    audit,
)


async def get_plan_audited(
    conn: AsyncConnection, principal: Principal, plan_id: uuid.UUID
) -> Row[Any] | None:
    """The plan of the caller's gemeente and its audit row, in one statement."""
    params = {"p_id": plan_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "pgb-plan", plan_id))
    return (await conn.execute(_GET_PLAN, params)).first()


async def get_plan(conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID) -> Row[Any] | None:
    return (
        await conn.execute(
            select(pgb_plannen).where(
                pgb_plannen.c.id == plan_id, pgb_plannen.c.gemeente == gemeente
            )
        )
    ).first()


async def get_plan_for_update(
    conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID
) -> Row[Any] | None:
    return (
        await conn.execute(
            select(pgb_plannen)
            .where(pgb_plannen.c.id == plan_id, pgb_plannen.c.gemeente == gemeente)
            .with_for_update()
        )
    ).first()


async def update_plan(
    conn: AsyncConnection, plan_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    return (
        await conn.execute(
            update(pgb_plannen)
            .where(pgb_plannen.c.id == plan_id)
            .values(**values, versie=pgb_plannen.c.versie + 1, gewijzigd_op=_now())
            .returning(pgb_plannen)
        )
    ).one()


async def find_plans(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    return list(
        (
            await conn.execute(
                select(pgb_plannen)
                .where(pgb_plannen.c.gemeente == gemeente, pgb_plannen.c.bsn == bsn)
                .order_by(pgb_plannen.c.aangemaakt_op)
            )
        ).all()
    )


# --- toetsingen en besluiten -------------------------------------------------------------------


async def insert_toetsing(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return (await conn.execute(insert(toetsingen).values(**values).returning(toetsingen))).one()


async def insert_besluit(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return (await conn.execute(insert(besluiten).values(**values).returning(besluiten))).one()


# --- budgetten ---------------------------------------------------------------------------------


async def insert_budget(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return (await conn.execute(insert(budgetten).values(**values).returning(budgetten))).one()


async def insert_versie(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return (
        await conn.execute(insert(budget_versies).values(**values).returning(budget_versies))
    ).one()


async def get_budget(
    conn: AsyncConnection, gemeente: str, budget_id: uuid.UUID, *, for_update: bool = False
) -> Row[Any] | None:
    query = select(budgetten).where(budgetten.c.id == budget_id, budgetten.c.gemeente == gemeente)
    if for_update:
        query = query.with_for_update()
    return (await conn.execute(query)).first()


async def get_budget_for_plan(
    conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID
) -> Row[Any] | None:
    return (
        await conn.execute(
            select(budgetten)
            .where(budgetten.c.pgb_plan_id == plan_id, budgetten.c.gemeente == gemeente)
            .with_for_update()
        )
    ).first()


async def get_versies(conn: AsyncConnection, budget_id: uuid.UUID) -> list[Row[Any]]:
    """All versions, newest first."""
    return list(
        (
            await conn.execute(
                select(budget_versies)
                .where(budget_versies.c.budget_id == budget_id)
                .order_by(budget_versies.c.versie.desc())
            )
        ).all()
    )


async def update_budget(
    conn: AsyncConnection, budget_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    return (
        await conn.execute(
            update(budgetten)
            .where(budgetten.c.id == budget_id)
            .values(**values, gewijzigd_op=_now())
            .returning(budgetten)
        )
    ).one()


# --- SVB feed ----------------------------------------------------------------------------------


async def append_svb(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(svb_toekenningen).values(**values))


async def svb_page(conn: AsyncConnection, gemeente: str, after: int, limit: int) -> list[Row[Any]]:
    """A range scan on (gemeente, volgnummer): rows after the cursor, one more than asked."""
    return list(
        (
            await conn.execute(
                select(svb_toekenningen)
                .where(
                    svb_toekenningen.c.gemeente == gemeente, svb_toekenningen.c.volgnummer > after
                )
                .order_by(svb_toekenningen.c.volgnummer)
                .limit(limit + 1)
            )
        ).all()
    )


def _now() -> Any:
    return func.now()


_GET_BUDGET = audited(
    select(budgetten).where(
        budgetten.c.id == bindparam("p_id"), budgetten.c.gemeente == bindparam("p_gemeente")
    ),
    audit,
)


async def get_budget_audited(
    conn: AsyncConnection, principal: Principal, budget_id: uuid.UUID
) -> Row[Any] | None:
    """The budget of the caller's gemeente and its audit row, in one statement (a refused read
    is recorded too)."""
    params = {"p_id": budget_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "budget", budget_id))
    return (await conn.execute(_GET_BUDGET, params)).first()
