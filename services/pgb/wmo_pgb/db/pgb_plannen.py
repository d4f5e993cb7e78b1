"""Queries of the pgb-plannen."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Row, Select, Text, cast, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import audit, pgb_plannen
from wmo_pgb.db.rows import all_rows, first, one
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import stored_fields, wire_datetime, wire_object


async def insert_plan(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await one(conn, insert(pgb_plannen).values(**values).returning(pgb_plannen))


_GET_PLAN = audited_by_id(select(pgb_plannen), pgb_plannen, audit)


async def get_plan_audited(
    conn: AsyncConnection, principal: Principal, plan_id: uuid.UUID
) -> Row[Any] | None:
    """The plan of the caller's gemeente and its audit row, in one statement."""
    return await first(conn, _GET_PLAN, read_bind(principal, "pgb-plan", plan_id))


def plan_document(read_model: type[BaseModel]) -> Select[Any]:
    """The audited read of one plan as ``read_model``'s JSON, built by PostgreSQL (columns
    ``document`` and ``versie``): the plan's own content from the stored JSONB, where it stands
    and who it is for from the columns. Build it once; run it with ``get_plan_document``."""
    p = pgb_plannen.c
    kolommen: dict[str, Any] = {
        "id": p.id,
        "gemeente": p.gemeente,
        "bsn": p.bsn,
        "maatwerkvoorziening_id": p.maatwerkvoorziening_id,
        "aanvraag_id": p.aanvraag_id,
        "maatwerkvoorziening_nodig": p.maatwerkvoorziening_nodig,
        "ingediend": p.ingediend,
        "status": p.status,
        "versie": p.versie,
        "aangemaakt_op": wire_datetime(p.aangemaakt_op),
        "gewijzigd_op": wire_datetime(p.gewijzigd_op),
    }
    waarden = {**stored_fields(read_model, p.plan, exclude=kolommen), **kolommen}
    document = cast(wire_object(read_model, waarden), Text).label("document")
    return audited_by_id(select(document, p.versie), pgb_plannen, audit)


async def get_plan_document(
    db: Database, statement: DriverStatement, principal: Principal, plan_id: uuid.UUID
) -> Mapping[str, Any] | None:
    """The plan of the caller's gemeente (``statement`` from ``plan_document``) and its audit
    row, in one statement."""
    return await db.fetch_row(statement, read_bind(principal, "pgb-plan", plan_id))


async def get_plan(
    conn: AsyncConnection, gemeente: str, plan_id: uuid.UUID, *, for_update: bool = False
) -> Row[Any] | None:
    query = select(pgb_plannen).where(
        pgb_plannen.c.id == plan_id, pgb_plannen.c.gemeente == gemeente
    )
    if for_update:
        query = query.with_for_update()
    return await first(conn, query)


async def update_plan(
    conn: AsyncConnection, plan_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    return await one(
        conn,
        update(pgb_plannen)
        .where(pgb_plannen.c.id == plan_id)
        .values(**values, versie=pgb_plannen.c.versie + 1, gewijzigd_op=func.now())
        .returning(pgb_plannen),
    )


async def find_plans(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    return await all_rows(
        conn,
        select(pgb_plannen)
        .where(pgb_plannen.c.gemeente == gemeente, pgb_plannen.c.bsn == bsn)
        .order_by(pgb_plannen.c.aangemaakt_op),
    )
