"""Doorverwijzingen: the outcome of an onderzoek step (INT-06) that refers the resident to an
algemene or collectieve voorziening of the register, without a beschikking."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Index, Table, Text, select
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom, id_kolom, regels_kolom
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, een

doorverwijzingen = Table(
    "doorverwijzingen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("onderzoek_id", UUID(as_uuid=True), ForeignKey("onderzoeken.id"), nullable=False),
    Column(
        "voorziening_id",
        UUID(as_uuid=True),
        ForeignKey("algemene_voorzieningen.id"),
        nullable=False,
    ),
    Column("datum", Date, nullable=False),
    Column("lost_op", JSONB, nullable=False),
    Column("toelichting", Text, nullable=False),
    Column("mededeling", Text, nullable=False),
    regels_kolom(),
    aangemaakt_kolom(),
    Index("ix_doorverwijzingen_onderzoek", "onderzoek_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = doorverwijzingen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def van_onderzoek(conn: AsyncConnection, onderzoek_id: uuid.UUID) -> list[Rij]:
    t = doorverwijzingen
    query = select(t).where(t.c.onderzoek_id == onderzoek_id).order_by(t.c.aangemaakt, t.c.id)
    return await alle(conn, query)
