"""Queries on beschikkingen and their maatwerkvoorzieningen (written once with the concept,
never changed after)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import beschikkingen, maatwerkvoorzieningen
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def beschikking(
    conn: AsyncConnection, gemeente: str, beschikking_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    query = select(beschikkingen).where(
        beschikkingen.c.id == beschikking_id, beschikkingen.c.gemeente == gemeente
    )
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def beschikking_van_melding(
    conn: AsyncConnection, beschikking_id: uuid.UUID, melding_id: uuid.UUID
) -> Rij | None:
    query = select(beschikkingen).where(
        beschikkingen.c.id == beschikking_id, beschikkingen.c.melding_id == melding_id
    )
    return await eerste(conn, query)


async def beschikking_van_voorziening(conn: AsyncConnection, voorziening: Rij) -> Rij:
    query = select(beschikkingen).where(beschikkingen.c.id == voorziening.beschikking_id)
    return await een(conn, query)


async def insert_beschikking(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = beschikkingen
    return await een(conn, insert(t).values(**values).returning(t))


async def zet_verzonden(
    conn: AsyncConnection, beschikking_id: uuid.UUID, values: dict[str, Any]
) -> Rij:
    t = beschikkingen
    query = update(t).where(t.c.id == beschikking_id).values(**values).returning(t)
    return await een(conn, query)


async def insert_voorziening(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(maatwerkvoorzieningen).values(**values))


async def voorzieningen(conn: AsyncConnection, beschikking_id: uuid.UUID) -> list[Rij]:
    m = maatwerkvoorzieningen
    query = select(m).where(m.c.beschikking_id == beschikking_id).order_by(m.c.volgnummer)
    return await alle(conn, query)


async def voorziening(conn: AsyncConnection, voorziening_id: uuid.UUID) -> Rij:
    m = maatwerkvoorzieningen
    return await een(conn, select(m).where(m.c.id == voorziening_id))


async def voorziening_in_gemeente(
    conn: AsyncConnection, gemeente: str, voorziening_id: uuid.UUID
) -> Rij | None:
    m = maatwerkvoorzieningen
    query = select(m).where(m.c.id == voorziening_id, m.c.gemeente == gemeente)
    return await eerste(conn, query)


async def pgb_plannen_in_toekenning(
    conn: AsyncConnection, gemeente: str, plan_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these pgb-plannen a toekenning in this gemeente already rests on."""
    if not plan_ids:
        return set()
    query = (
        select(maatwerkvoorzieningen.c.pgb_plan_id)
        .join(beschikkingen, beschikkingen.c.id == maatwerkvoorzieningen.c.beschikking_id)
        .where(
            maatwerkvoorzieningen.c.gemeente == gemeente,
            maatwerkvoorzieningen.c.pgb_plan_id.in_(plan_ids),
            beschikkingen.c.soort == "toekenning",
        )
    )
    return {r.pgb_plan_id for r in await alle(conn, query)}


async def eenmalige_pgbs_in_toekenning(
    conn: AsyncConnection, gemeente: str, pgb_ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these eenmalige pgb's (finance, FIN-05) a toekenning here already rests on."""
    if not pgb_ids:
        return set()
    query = (
        select(maatwerkvoorzieningen.c.eenmalig_pgb_id)
        .join(beschikkingen, beschikkingen.c.id == maatwerkvoorzieningen.c.beschikking_id)
        .where(
            maatwerkvoorzieningen.c.gemeente == gemeente,
            maatwerkvoorzieningen.c.eenmalig_pgb_id.in_(pgb_ids),
            beschikkingen.c.soort == "toekenning",
        )
    )
    return {r.eenmalig_pgb_id for r in await alle(conn, query)}
