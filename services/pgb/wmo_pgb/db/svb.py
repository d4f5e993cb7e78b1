"""Queries of the SVB exchange: the toekenningen feed (it only grows), the budgetafsluitberichten
with their lines, and the signaleringen they raise."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, func, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import (
    budget_signaleringen,
    svb_budgetafsluiting_regels,
    svb_budgetafsluitingen,
    svb_toekenningen,
)
from wmo_pgb.db.rows import all_rows, first, one

# --- the toekenningen feed ---------------------------------------------------------------------


async def append_toekenning(conn: AsyncConnection, values: dict[str, Any]) -> None:
    """One feed row. Appends are serialised per gemeente (a transaction-scoped advisory lock), so
    rows commit in volgnummer order and a reader never skips a row that commits late."""
    sleutel = literal(f"pgb.svb_toekenningen:{values['gemeente']}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))
    await conn.execute(insert(svb_toekenningen).values(**values))


async def toekenningen_page(
    conn: AsyncConnection, gemeente: str, after: int, limit: int
) -> list[Row[Any]]:
    """A range scan on (gemeente, volgnummer): rows after the cursor, one more than asked."""
    return await all_rows(
        conn,
        select(svb_toekenningen)
        .where(svb_toekenningen.c.gemeente == gemeente, svb_toekenningen.c.volgnummer > after)
        .order_by(svb_toekenningen.c.volgnummer)
        .limit(limit + 1),
    )


# --- budgetafsluitberichten --------------------------------------------------------------------


async def claim_budgetafsluiting(conn: AsyncConnection, values: dict[str, Any]) -> uuid.UUID | None:
    """Store the message once per (gemeente, berichtId); None when it was stored before."""
    claimed = await first(
        conn,
        pg_insert(svb_budgetafsluitingen)
        .values(**values)
        .on_conflict_do_nothing(constraint="uq_svb_budgetafsluitingen_bericht")
        .returning(svb_budgetafsluitingen.c.id),
    )
    if claimed is None:
        return None
    afsluiting_id: uuid.UUID = claimed.id
    return afsluiting_id


async def budgetafsluiting_antwoord(
    conn: AsyncConnection, gemeente: str, bericht_id: str
) -> dict[str, Any]:
    """The answer given the first time this message came in."""
    row = await one(
        conn,
        select(svb_budgetafsluitingen.c.antwoord).where(
            svb_budgetafsluitingen.c.gemeente == gemeente,
            svb_budgetafsluitingen.c.bericht_id == bericht_id,
        ),
    )
    return dict(row.antwoord)


async def set_budgetafsluiting_antwoord(
    conn: AsyncConnection, afsluiting_id: uuid.UUID, antwoord: dict[str, Any]
) -> None:
    await conn.execute(
        update(svb_budgetafsluitingen)
        .where(svb_budgetafsluitingen.c.id == afsluiting_id)
        .values(antwoord=antwoord)
    )


async def insert_afsluitregel(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(svb_budgetafsluiting_regels).values(**values))


async def insert_signalering(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(budget_signaleringen).values(**values))
