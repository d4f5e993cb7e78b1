"""Queries on klachten (Awb hoofdstuk 9) and the yearly count per subject and per provider for
the klachtenrapportage (seed 001 Bijlage 2 §8.2)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    func,
    select,
    tuple_,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import JSONB, UUID
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

KLACHTUITKOMSTEN = ("gegrond", "deels_gegrond", "ongegrond", "ingetrokken", "niet_behandeld")
KLACHTKANALEN = ("post", "e-mail", "webformulier", "balie", "telefoon")

klachten = Table(
    "klachten",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("ontvangstdatum", Date, nullable=False),
    Column("kanaal", String(20), nullable=False),
    Column("onderwerp", String(40), nullable=False),
    Column("oorzaak", String(200), nullable=True),
    Column("omschrijving", Text, nullable=False),
    Column("klager", JSONB, nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=True),
    Column("aanbieder_agb", String(8), nullable=True),
    Column("klachtadviescommissie", Boolean, nullable=False),
    Column("ontvangstbevestiging_op", Date, nullable=True),
    Column("afhandel_uiterlijk", Date, nullable=False),
    Column("afgehandeld_op", Date, nullable=True),
    Column("uitkomst", String(20), nullable=True),
    Column("conclusie", Text, nullable=True),
    regels_kolom(),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("uitkomst", KLACHTUITKOMSTEN, "ck_klachten_uitkomst"),
    een_van("kanaal", KLACHTKANALEN, "ck_klachten_kanaal"),
    Index("ix_klachten_gemeente_ontvangst", "gemeente", "ontvangstdatum"),
    Index("ix_klachten_client", "client_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, sql_insert(klachten).values(**values).returning(klachten))


async def klacht(
    conn: AsyncConnection, gemeente: str, klacht_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    query = select(klachten).where(klachten.c.id == klacht_id, klachten.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, klacht_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    query = update(klachten).where(klachten.c.id == klacht_id).values(**values)
    return await een(conn, query.returning(klachten))


async def pagina(
    conn: AsyncConnection,
    gemeente: str,
    *,
    client_id: uuid.UUID | None,
    afgehandeld: bool | None,
    na: tuple[dt.date, uuid.UUID] | None,
    limit: int,
) -> list[Rij]:
    """Up to ``limit`` + 1 klachten of the gemeente, oldest received first, after the key
    ``na`` (ontvangstdatum, id); ``afgehandeld``: only handled (True) or open (False) ones."""
    k = klachten
    query = select(k).where(k.c.gemeente == gemeente)
    if client_id is not None:
        query = query.where(k.c.client_id == client_id)
    if afgehandeld is not None:
        gedaan = k.c.afgehandeld_op
        query = query.where(gedaan.is_not(None) if afgehandeld else gedaan.is_(None))
    if na is not None:
        query = query.where(tuple_(k.c.ontvangstdatum, k.c.id) > tuple_(*na))
    return await alle(conn, query.order_by(k.c.ontvangstdatum, k.c.id).limit(limit + 1))


async def tellingen(conn: AsyncConnection, gemeente: str, jaar: int) -> list[Rij]:
    """(onderwerp, aanbieder_agb, uitkomst, aantal) of the klachten received in ``jaar``."""
    k = klachten
    query = (
        select(k.c.onderwerp, k.c.aanbieder_agb, k.c.uitkomst, func.count().label("aantal"))
        .where(
            k.c.gemeente == gemeente,
            k.c.ontvangstdatum >= dt.date(jaar, 1, 1),
            k.c.ontvangstdatum <= dt.date(jaar, 12, 31),
        )
        .group_by(k.c.onderwerp, k.c.aanbieder_agb, k.c.uitkomst)
    )
    return await alle(conn, query)
