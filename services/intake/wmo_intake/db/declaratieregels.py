"""The accepted lines of the providers' declaraties (WMO323) with their amounts, written when
the message is imported (its retour said ``goedgekeurd``), so that spending on zorg in natura
can be counted in SQL (management information, issue 14.6): the stored XML keeps the whole
message, this table only what the figures need."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    insert,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom
from wmo_intake.db.models import metadata

declaratieregels = Table(
    "declaratieregels",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    gemeente_kolom(),
    Column("iwmo_bericht_id", UUID(as_uuid=True), ForeignKey("iwmo_berichten.id"), nullable=False),
    Column("regel", Integer, nullable=False),
    Column("toewijzingnummer", BigInteger, nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("bedrag", Numeric(12, 2), nullable=False),  # negative for a credit line
    aangemaakt_kolom(),
    Index("ix_declaratieregels_gemeente_begin", "gemeente", "begindatum"),
)


async def voeg_toe(conn: AsyncConnection, rijen: list[dict[str, Any]]) -> None:
    if rijen:
        await conn.execute(insert(declaratieregels), rijen)
