"""Queries on bezwaren (Awb hoofdstuk 6 and 7) and their hoorzittingen. The ontvankelijkheid
and the beslistermijn are recomputed from these facts by the domain; ``beslist_uiterlijk`` and
``herstel_uiterlijk`` keep the adjusted last days for the werkvoorraad."""

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
from wmo_intake.db.models import meldingen, metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

BEZWAARKANALEN = ("post", "e-mail", "webformulier", "balie")
UITKOMSTEN = ("gegrond", "ongegrond", "niet_ontvankelijk", "ingetrokken")

bezwaren = Table(
    "bezwaren",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("beschikking_id", UUID(as_uuid=True), ForeignKey("beschikkingen.id"), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("ontvangstdatum", Date, nullable=False),
    Column("kanaal", String(20), nullable=False),
    Column("indiener", JSONB, nullable=True),
    Column("gemachtigde", JSONB, nullable=True),
    Column("ter_post_bezorgd", Date, nullable=True),
    Column("gronden", Text, nullable=True),
    Column("ontbrekend", JSONB, nullable=False),
    Column("verschoonbaar", Text, nullable=True),
    Column("adviescommissie", Boolean, nullable=False),
    Column("voorlopige_voorzieningen", JSONB, nullable=False),
    Column("beslist_uiterlijk", Date, nullable=False),
    Column("herstel_uiterlijk", Date, nullable=True),
    Column("uitkomst", String(20), nullable=True),
    Column("beslisdatum", Date, nullable=True),
    Column("beslissing", JSONB, nullable=True),
    Column(
        "herziene_beschikking_id",
        UUID(as_uuid=True),
        ForeignKey("beschikkingen.id"),
        nullable=True,
    ),
    regels_kolom(),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("kanaal", BEZWAARKANALEN, "ck_bezwaren_kanaal"),
    een_van("uitkomst", UITKOMSTEN, "ck_bezwaren_uitkomst"),
    Index("ix_bezwaren_gemeente", "gemeente", "beslist_uiterlijk"),
    Index("ix_bezwaren_beschikking", "beschikking_id"),
    Index("ix_bezwaren_melding", "melding_id"),
)

hoorzittingen = Table(
    "hoorzittingen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("bezwaar_id", UUID(as_uuid=True), ForeignKey("bezwaren.id"), nullable=False),
    Column("gepland_op", Date, nullable=True),
    Column("inzage_vanaf", Date, nullable=True),
    Column("uitzondering", String(40), nullable=True),
    Column("motivering", Text, nullable=True),
    Column("gehouden_op", Date, nullable=True),
    Column("verslag", Text, nullable=True),
    Column("aanwezig", JSONB, nullable=True),
    regels_kolom(),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    Index("ix_hoorzittingen_bezwaar", "bezwaar_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, sql_insert(bezwaren).values(**values).returning(bezwaren))


async def bezwaar(
    conn: AsyncConnection, gemeente: str, bezwaar_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    query = select(bezwaren).where(bezwaren.c.id == bezwaar_id, bezwaren.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, bezwaar_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    query = update(bezwaren).where(bezwaren.c.id == bezwaar_id).values(**values)
    return await een(conn, query.returning(bezwaren))


async def pagina(
    conn: AsyncConnection,
    gemeente: str,
    *,
    client_id: uuid.UUID | None,
    afgehandeld: bool | None,
    na: tuple[dt.date, uuid.UUID] | None,
    limit: int,
) -> list[Rij]:
    """Up to ``limit`` + 1 bezwaren of the gemeente with their client (``client_id``), oldest
    received first, after the key ``na`` (ontvangstdatum, id); one more tells there is a next
    page. ``afgehandeld``: only decided (True) or open (False) ones."""
    b = bezwaren
    query = (
        select(b, meldingen.c.client_id)
        .join(meldingen, meldingen.c.id == b.c.melding_id)
        .where(b.c.gemeente == gemeente)
    )
    if client_id is not None:
        query = query.where(meldingen.c.client_id == client_id)
    if afgehandeld is not None:
        query = query.where(b.c.uitkomst.is_not(None) if afgehandeld else b.c.uitkomst.is_(None))
    if na is not None:
        query = query.where(tuple_(b.c.ontvangstdatum, b.c.id) > tuple_(*na))
    return await alle(conn, query.order_by(b.c.ontvangstdatum, b.c.id).limit(limit + 1))


async def bij_herziening(conn: AsyncConnection, beschikking_id: uuid.UUID) -> Rij | None:
    """The bezwaar whose gegrond decision led to this herziene beschikking."""
    query = select(bezwaren).where(bezwaren.c.herziene_beschikking_id == beschikking_id)
    return await eerste(conn, query)


async def insert_hoorzitting(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    h = hoorzittingen
    return await een(conn, sql_insert(h).values(**values).returning(h))


async def hoorzittingen_van(conn: AsyncConnection, bezwaar_id: uuid.UUID) -> list[Rij]:
    h = hoorzittingen
    query = select(h).where(h.c.bezwaar_id == bezwaar_id).order_by(h.c.aangemaakt, h.c.id)
    return await alle(conn, query)


async def hoorzitting(
    conn: AsyncConnection, bezwaar_id: uuid.UUID, hoorzitting_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    h = hoorzittingen
    query = select(h).where(h.c.id == hoorzitting_id, h.c.bezwaar_id == bezwaar_id)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig_hoorzitting(
    conn: AsyncConnection, hoorzitting_id: uuid.UUID, values: dict[str, Any]
) -> Rij:
    h = hoorzittingen
    query = update(h).where(h.c.id == hoorzitting_id).values(**values).returning(h)
    return await een(conn, query)
