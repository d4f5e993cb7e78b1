# ruff: noqa: S608 -- the statement is built from this module's constants only; values bind
"""Queries on the toewijzingen feed (what each WMO301 carried, numbered in order). A page is one
statement (issue 17.3): the rows after the cursor, the audit row (a data-modifying CTE) and the
page's JSON as the wire has it, written by PostgreSQL (``wmo_shared.db.wire``) from the items
as they were stored (the wire model dumped by alias): per request no item is built or encoded
in Python."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import insert, literal_column, text
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import toewijzingen
from wmo_shared.audit import audit_insert_sql
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import dumped_fields, field_model, sql_text, wire_object


async def insert_toewijzing(
    conn: AsyncConnection, gemeente: str, opdracht_id: uuid.UUID, item: dict[str, Any]
) -> None:
    await conn.execute(
        # ``wire``: the same dict, serialised in its order (the model's), kept as text
        insert(toewijzingen).values(
            gemeente=gemeente, opdracht_id=opdracht_id, item=item, wire=item
        )
    )


def _herbouwd(item_model: type[BaseModel], item: str) -> str:
    """The SQL of an item's JSON without its volgnummer, rebuilt from its JSONB ``item`` in the
    model's order: what ``wire`` holds (a page puts the volgnummer in front)."""
    if next(iter(item_model.model_fields)) != "volgnummer":
        raise ValueError(f"{item_model.__name__}: volgnummer is not its first field")
    velden = [naam for naam in item_model.model_fields if naam != "volgnummer"]
    bron = dumped_fields(item_model, literal_column(item), exclude={"volgnummer"})
    return sql_text(wire_object(item_model, bron, velden))


def wire_backfill_sql(item_model: type[BaseModel]) -> str:
    """``wire`` for the rows stored without it: each item as a page rebuilt it."""
    wire = _herbouwd(item_model, "t.item")
    return f"UPDATE intake.toewijzingen AS t SET wire = {wire} WHERE t.wire IS NULL"


_AUDIT = audit_insert_sql(
    "intake.audit",
    "jsonb_build_object('aantal', LEAST(count(*), CAST(:p_limit AS integer)))",
    "pagina",
)


def _document(lijst: type[BaseModel]) -> str:
    """The page's JSON over the rows ``r`` (volgnummer, item, wire, nr)."""
    # The page as text, not as a json value: each item's stored text (a row without it:
    # rebuilt) joined as it is, with the volgnummer put in front, never parsed again.
    tekst = f"coalesce(r.wire, {_herbouwd(field_model(lijst, 'resultaten'), 'r.item')})"
    item = f"'{{\"volgnummer\":' || r.volgnummer || ',' || substr(CAST({tekst} AS text), 2)"
    # as service.paginering.positie_cursor: "v1:<volgnummer>" in url-safe base64 without
    # padding, of the page's last row or, on an empty page, of the position asked
    laatste = (
        "coalesce(max(r.volgnummer) FILTER (WHERE r.nr <= CAST(:p_limit AS integer)), "
        "CAST(:p_vanaf AS bigint))"
    )
    cursor = (
        f"translate(encode(convert_to('v1:' || CAST({laatste} AS text), 'UTF8'), 'base64'), "
        "'+/=' || chr(10), '-_')"
    )
    keys = [field.alias or name for name, field in lijst.model_fields.items()]
    if keys != ["resultaten", "volgendeCursor", "meer"]:
        raise ValueError(f"{lijst.__name__}: not a feed page ({keys})")
    resultaten = (
        f"coalesce('[' || string_agg({item}, ',' ORDER BY r.nr) "
        "FILTER (WHERE r.nr <= CAST(:p_limit AS integer)) || ']', '[]')"
    )
    return (
        f"""'{{"resultaten":' || {resultaten} || ',"volgendeCursor":"' || {cursor} """
        """|| '","meer":' || CASE WHEN count(*) > CAST(:p_limit AS integer) """
        """THEN 'true' ELSE 'false' END || '}'"""
    )


def pagina_statement(lijst: type[BaseModel]) -> DriverStatement:
    """The statement of a page whose JSON is ``lijst`` (a feed page: ``resultaten``,
    ``volgendeCursor``, ``meer``) by alias; built once, by the service."""
    return DriverStatement(
        text(f"""
WITH pagina AS (
    SELECT t.volgnummer, t.item, t.wire
    FROM intake.toewijzingen AS t
    WHERE t.gemeente = :p_gemeente AND t.volgnummer > CAST(:p_vanaf AS bigint)
    ORDER BY t.volgnummer
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {_AUDIT}
), rijen AS (
    SELECT p.volgnummer, p.item, p.wire, row_number() OVER (ORDER BY p.volgnummer) AS nr
    FROM pagina AS p
)
SELECT CAST({_document(lijst)} AS text) AS document FROM rijen AS r""")
    )


async def pagina(
    db: Database,
    statement: DriverStatement,
    gemeente: str,
    vanaf: int,
    limit: int,
    audit: dict[str, Any],
) -> str:
    """The JSON of the page of up to ``limit`` items after volgnummer ``vanaf`` (``statement``,
    of ``pagina_statement``), and, in the same statement, the audit row
    (``wmo_shared.audit.audit_bind``) with ``{"aantal": items on the page}``. One statement
    on the driver."""
    params = {"p_gemeente": gemeente, "p_vanaf": vanaf, "p_limit": limit, **audit}
    record = await db.fetch_row(statement, params)
    assert record is not None  # an aggregate over the page: always one row
    return str(record["document"])
