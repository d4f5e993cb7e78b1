"""Queries on ingebrekestellingen (Awb 4:17): against an aanvraag or a bezwaar whose term passed.
The dwangsom is recomputed on every read; ``dwangsom_vanaf`` (the first day it runs) keeps the
deadline for the werkvoorraad."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    select,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom, id_kolom, regels_kolom
from wmo_intake.db.models import beschikkingen, metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

ingebrekestellingen = Table(
    "ingebrekestellingen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), ForeignKey("aanvragen.id"), nullable=True),
    Column("bezwaar_id", UUID(as_uuid=True), ForeignKey("bezwaren.id"), nullable=True),
    Column("ontvangstdatum", Date, nullable=False),
    Column("beslistermijn_uiterlijk", Date, nullable=False),
    Column("dwangsom_vanaf", Date, nullable=True),
    Column("uitsluiting", String(50), nullable=True),
    Column("reden_uitsluiting", Text, nullable=True),
    regels_kolom(),
    aangemaakt_kolom(),
    CheckConstraint(
        "(aanvraag_id IS NULL) <> (bezwaar_id IS NULL)", name="ck_ingebrekestellingen_doel"
    ),
    Index("ix_ingebrekestellingen_gemeente", "gemeente"),
    # the werkvoorraad_taken triggers recompute a melding's terms, these among them
    Index("ix_ingebrekestellingen_melding", "melding_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = ingebrekestellingen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def ingebrekestelling(
    conn: AsyncConnection, gemeente: str, ingebrekestelling_id: uuid.UUID
) -> Rij | None:
    t = ingebrekestellingen
    query = select(t).where(t.c.id == ingebrekestelling_id, t.c.gemeente == gemeente)
    return await eerste(conn, query)


async def eerste_verzending(conn: AsyncConnection, aanvraag_id: uuid.UUID) -> dt.date | None:
    """The day the decision on the aanvraag was taken: its first sent beschikking."""
    b = beschikkingen
    query = (
        select(b.c.verzenddatum)
        .where(b.c.aanvraag_id == aanvraag_id, b.c.verzonden_op.is_not(None))
        .order_by(b.c.verzenddatum)
        .limit(1)
    )
    row = await eerste(conn, query)
    return None if row is None else row.verzenddatum


async def velen(conn: AsyncConnection, ids: list[uuid.UUID]) -> list[Rij]:
    if not ids:
        return []
    t = ingebrekestellingen
    return await alle(conn, select(t).where(t.c.id.in_(ids)))


async def zet_dwangsom(
    conn: AsyncConnection,
    ingebrekestelling_id: uuid.UUID,
    *,
    dwangsom_vanaf: dt.date | None,
    regels: list[dict[str, str]],
) -> Rij:
    t = ingebrekestellingen
    query = (
        update(t)
        .where(t.c.id == ingebrekestelling_id)
        .values(dwangsom_vanaf=dwangsom_vanaf, regels=regels)
        .returning(t)
    )
    return await een(conn, query)
