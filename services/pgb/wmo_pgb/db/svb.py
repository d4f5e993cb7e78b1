"""Queries of the SVB exchange: the toekenningen feed (it only grows), the budgetafsluitberichten
with their lines, and the signaleringen they raise."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import TextClause, func, insert, literal, literal_column, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import (
    budget_signaleringen,
    svb_budgetafsluiting_regels,
    svb_budgetafsluitingen,
    svb_toekenningen,
)
from wmo_pgb.db.rows import first, one
from wmo_shared.audit import audit_bind, audit_insert_sql
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import field_model, sql_text, wire_datetime, wire_decimal, wire_object

# --- the toekenningen feed ---------------------------------------------------------------------


async def append_toekenning(conn: AsyncConnection, values: dict[str, Any]) -> None:
    """One feed row. Appends are serialised per gemeente (a transaction-scoped advisory lock), so
    rows commit in volgnummer order and a reader never skips a row that commits late."""
    sleutel = literal(f"pgb.svb_toekenningen:{values['gemeente']}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))
    await conn.execute(insert(svb_toekenningen).values(**values))


# The last volgnummer on the page; the cursor's own when the page is empty.
_TOT = (
    "coalesce(max(p.volgnummer) FILTER (WHERE p.nr <= CAST(:p_limit AS integer)), "
    "CAST(:p_na AS bigint))"
)


def toekenningen_document(page: type[BaseModel]) -> TextClause:
    """One page of the feed in one statement (issue 17.3): up to ``limit + 1`` rows after the
    cursor (a range scan on (gemeente, volgnummer); the extra row only says there is more),
    written by PostgreSQL as ``page``'s JSON (column ``document``, ``wmo_shared.db.wire``),
    and the audit row with where the page starts, ends and how many it holds. Build it once;
    run it with ``toekenningen_pagina``."""
    c = literal_column
    item = wire_object(
        field_model(page, "resultaten"),
        {
            "volgnummer": c("p.volgnummer"),
            "gemeente": c("p.gemeente"),
            "bsn": c("p.bsn"),
            "budget_id": c("p.budget_id"),
            "versie": c("p.versie"),
            "beschikking_id": c("p.beschikking_id"),
            "zorgfunctie": c("p.zorgfunctie"),
            "productcode": c("p.productcode"),
            "ingangsdatum": c("p.ingangsdatum"),
            "einddatum": c("p.einddatum"),
            "bedrag": wire_decimal(c("p.bedrag")),
            "ingetrokken": c("p.ingetrokken"),
            "geregistreerd_op": wire_datetime(c("p.geregistreerd_op")),
        },
    )
    # as domain.cursor.encode_cursor: url-safe base64 of "svb1:<volgnummer>", no padding
    cursor = (
        "rtrim(translate(encode(convert_to('svb1:' || CAST(" + _TOT + " AS text), 'UTF8'), "
        "'base64'), '+/' || chr(10), '-_'), '=')"
    )
    document = wire_object(
        page,
        {
            "resultaten": c(
                f"coalesce(json_agg({sql_text(item)} ORDER BY p.nr) "
                "FILTER (WHERE p.nr <= CAST(:p_limit AS integer)), CAST('[]' AS json))"
            ),
            "volgende_cursor": c(cursor),
            "meer": c("count(*) > CAST(:p_limit AS integer)"),
        },
    )
    audit = audit_insert_sql(
        "pgb.audit",
        f"jsonb_build_object('na', CAST(:p_na AS bigint), 'tot', {_TOT}, "
        "'aantal', count(*) FILTER (WHERE p.nr <= CAST(:p_limit AS integer)))",
        "pagina AS p",
    )
    return text(
        f"""
WITH pagina AS (
    SELECT t.volgnummer, t.gemeente, t.bsn, t.budget_id, t.versie, t.beschikking_id,
           t.zorgfunctie, t.productcode, t.ingangsdatum, t.einddatum, t.bedrag, t.ingetrokken,
           t.geregistreerd_op, row_number() OVER (ORDER BY t.volgnummer) AS nr
    FROM pgb.svb_toekenningen AS t
    WHERE t.gemeente = :p_gemeente AND t.volgnummer > CAST(:p_na AS bigint)
    ORDER BY t.volgnummer
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {audit}
)
SELECT CAST({sql_text(document)} AS text) AS document
FROM pagina AS p"""  # noqa: S608 -- built from this module's constants; the values bind
    )


async def toekenningen_pagina(
    db: Database, statement: DriverStatement, principal: Principal, na: int, limit: int
) -> str:
    """The page after volgnummer ``na`` of at most ``limit`` rows (``statement`` from
    ``toekenningen_document``) as its JSON, and its audit row."""
    params: dict[str, Any] = {"p_gemeente": principal.gemeente, "p_na": na, "p_limit": limit}
    params.update(audit_bind(principal, "lezen", "svb-toekenningen", None))
    # one row always: an aggregate over the page
    record = await db.fetch_row(statement, params)
    assert record is not None
    return str(record["document"])


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
