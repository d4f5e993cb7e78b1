"""Hulpmiddelen in natura (FIN-09): each item ordered with the contracted supplier, its
current maatwerkvoorziening (the resident using it) and every step of its life."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Index, Numeric, String, Table, Text, select, update
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import (
    aangemaakt_kolom,
    een_van,
    gemeente_kolom,
    gewijzigd_kolom,
    id_kolom,
    regels_kolom,
    versie_kolom,
)
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

hulpmiddelen = Table(
    "hulpmiddelen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("omschrijving", String(200), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("kostprijs", Numeric(12, 2), nullable=False),
    Column("vorm", String(20), nullable=False),
    Column("leverancier", String(200), nullable=False),
    Column("serienummer", String(60), nullable=True),
    Column("status", String(20), nullable=False),
    Column(
        "maatwerkvoorziening_id",
        UUID(as_uuid=True),
        ForeignKey("maatwerkvoorzieningen.id"),
        nullable=False,
    ),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("vorm", ("eigendom", "bruikleen"), "ck_hulpmiddelen_vorm"),
    een_van("status", ("besteld", "geleverd", "ingenomen"), "ck_hulpmiddelen_status"),
    Index("ix_hulpmiddelen_voorziening", "maatwerkvoorziening_id"),
)

hulpmiddel_stappen = Table(
    "hulpmiddel_stappen",
    metadata,
    id_kolom(),
    Column("hulpmiddel_id", UUID(as_uuid=True), ForeignKey("hulpmiddelen.id"), nullable=False),
    Column("stap", String(20), nullable=False),
    Column("datum", Date, nullable=False),
    Column(
        "maatwerkvoorziening_id",
        UUID(as_uuid=True),
        ForeignKey("maatwerkvoorzieningen.id"),
        nullable=False,
    ),
    Column("toelichting", Text, nullable=False),
    regels_kolom(),
    Column("sub", String(200), nullable=False),
    aangemaakt_kolom(),
    een_van(
        "stap",
        ("bestelling", "levering", "onderhoud", "inname", "herverstrekking"),
        "ck_hulpmiddel_stappen_stap",
    ),
    Index("ix_hulpmiddel_stappen_hulpmiddel", "hulpmiddel_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = hulpmiddelen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def hulpmiddel(
    conn: AsyncConnection, gemeente: str, hulpmiddel_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    t = hulpmiddelen
    query = select(t).where(t.c.id == hulpmiddel_id, t.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def van_voorziening(conn: AsyncConnection, voorziening_id: uuid.UUID) -> Rij | None:
    t = hulpmiddelen
    return await eerste(conn, select(t).where(t.c.maatwerkvoorziening_id == voorziening_id))


async def wijzig(conn: AsyncConnection, hulpmiddel_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    t = hulpmiddelen
    return await een(conn, update(t).where(t.c.id == hulpmiddel_id).values(**values).returning(t))


async def insert_stap(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(sql_insert(hulpmiddel_stappen).values(**values))


async def stappen(conn: AsyncConnection, hulpmiddel_id: uuid.UUID) -> list[Rij]:
    s = hulpmiddel_stappen
    query = select(s).where(s.c.hulpmiddel_id == hulpmiddel_id).order_by(s.c.aangemaakt, s.c.id)
    return await alle(conn, query)
