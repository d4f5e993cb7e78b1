"""Queries on opdrachten (dienstverleningsopdrachten to providers). ``aanbieder``: a provider
sees only its own (by the AGB code in its token)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import opdrachten
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def opdracht(
    conn: AsyncConnection,
    gemeente: str,
    opdracht_id: uuid.UUID,
    *,
    aanbieder: str | None = None,
    lock: bool = False,
) -> Rij | None:
    query = select(opdrachten).where(
        opdrachten.c.id == opdracht_id, opdrachten.c.gemeente == gemeente
    )
    if aanbieder is not None:
        query = query.where(opdrachten.c.aanbieder_agb == aanbieder)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def pagina(
    conn: AsyncConnection,
    gemeente: str,
    *,
    aanbieder: str | None,
    na: int | None,
    limit: int,
) -> list[Rij]:
    """Up to ``limit`` + 1 opdrachten after toewijzingnummer ``na`` (one more tells there is
    a next page)."""
    query = select(opdrachten).where(opdrachten.c.gemeente == gemeente)
    if aanbieder is not None:
        query = query.where(opdrachten.c.aanbieder_agb == aanbieder)
    if na is not None:
        query = query.where(opdrachten.c.toewijzingnummer > na)
    query = query.order_by(opdrachten.c.toewijzingnummer).limit(limit + 1)
    return await alle(conn, query)


async def loopt_voor(conn: AsyncConnection, voorziening_id: uuid.UUID) -> bool:
    """An opdracht for this maatwerkvoorziening that was not refused."""
    query = select(opdrachten.c.id).where(
        opdrachten.c.maatwerkvoorziening_id == voorziening_id, opdrachten.c.status != "geweigerd"
    )
    return await eerste(conn, query) is not None


async def niet_geweigerd(conn: AsyncConnection, gemeente: str) -> list[Rij]:
    query = select(opdrachten).where(
        opdrachten.c.gemeente == gemeente, opdrachten.c.status != "geweigerd"
    )
    return await alle(conn, query)


async def insert_opdracht(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(opdrachten).values(**values).returning(opdrachten))


async def wijzig(conn: AsyncConnection, opdracht_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    query = (
        update(opdrachten)
        .where(opdrachten.c.id == opdracht_id)
        .values(**values)
        .returning(opdrachten)
    )
    return await een(conn, query)


async def vervolg_van(conn: AsyncConnection, opdracht_id: uuid.UUID) -> Rij | None:
    """The opdracht that follows ``opdracht_id`` (after a wisseling or a refusal)."""
    return await eerste(
        conn, select(opdrachten).where(opdrachten.c.vorige_opdracht_id == opdracht_id)
    )
