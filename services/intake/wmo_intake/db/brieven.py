"""The letters as they were sent: the rendered PDF and HTML of a beschikking or a beslissing op
bezwaar, with the sha256 of the PDF, the letter policy and its version. Written once in the
transaction that sends; the app role may insert and read, never change or delete (migration
``awb_brieven_bezwaar_klachten``: REVOKE and a trigger, like the audit table)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Column, Date, LargeBinary, String, Table, Text, UniqueConstraint, select
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, een_van, gemeente_kolom, id_kolom
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, eerste

ONDERWERPEN = ("beschikking", "bezwaarbeslissing")

brieven = Table(
    "brieven",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("onderwerp", String(30), nullable=False),
    Column("onderwerp_id", UUID(as_uuid=True), nullable=False),
    Column("soort", String(30), nullable=False),
    Column("kenmerk", String(60), nullable=False),
    Column("datum", Date, nullable=False),
    Column("html", Text, nullable=False),
    Column("pdf", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("beleid", String(100), nullable=False),
    Column("briefversie", Date, nullable=False),
    aangemaakt_kolom(),
    een_van("onderwerp", ONDERWERPEN, "ck_brieven_onderwerp"),
    UniqueConstraint("onderwerp", "onderwerp_id", name="uq_brieven_onderwerp"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(sql_insert(brieven).values(**values))


async def brief(
    conn: AsyncConnection, gemeente: str, onderwerp: str, onderwerp_id: uuid.UUID
) -> Rij | None:
    b = brieven
    query = select(b).where(
        b.c.gemeente == gemeente, b.c.onderwerp == onderwerp, b.c.onderwerp_id == onderwerp_id
    )
    return await eerste(conn, query)
