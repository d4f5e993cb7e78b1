"""Queries of the eigen-bijdrage schedules of a tegemoetkoming (FIN-08): a new version after a
herziening, the old one kept but no longer current."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import eigen_bijdrage_schemas, eigen_bijdrage_termijnen

S = eigen_bijdrage_schemas


async def actueel_schema(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> tuple[Row[Any], list[Row[Any]]] | None:
    schema = (
        await conn.execute(
            select(S).where(
                S.c.tegemoetkoming_id == tegemoetkoming_id, S.c.gemeente == gemeente, S.c.actueel
            )
        )
    ).first()
    if schema is None:
        return None
    termijnen = (
        await conn.execute(
            select(eigen_bijdrage_termijnen)
            .where(eigen_bijdrage_termijnen.c.schema_id == schema.id)
            .order_by(eigen_bijdrage_termijnen.c.volgnummer)
        )
    ).all()
    return schema, list(termijnen)


async def insert_schema(
    conn: AsyncConnection, values: dict[str, Any], termijnen: list[dict[str, Any]]
) -> Row[Any]:
    """A new version of the schedule; the previous version stays, no longer current."""
    vorige = (
        await conn.execute(
            update(S)
            .where(S.c.tegemoetkoming_id == values["tegemoetkoming_id"], S.c.actueel)
            .values(actueel=False)
            .returning(S.c.versie)
        )
    ).first()
    values = {**values, "versie": (vorige.versie + 1) if vorige else 1}
    schema: Row[Any] = (await conn.execute(insert(S).values(**values).returning(S))).one()
    if termijnen:
        await conn.execute(
            insert(eigen_bijdrage_termijnen), [{**t, "schema_id": schema.id} for t in termijnen]
        )
    return schema
