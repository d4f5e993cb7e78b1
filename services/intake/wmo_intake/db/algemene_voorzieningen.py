"""The register of algemene and collectieve voorzieningen per gemeente (seed 002 art. 1): what
each offers and how a resident reaches it. Role beheer writes it; an onderzoek refers to it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Identity,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import (
    aangemaakt_kolom,
    een_van,
    gemeente_kolom,
    gewijzigd_kolom,
    id_kolom,
    versie_kolom,
)
from wmo_intake.db.models import metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

SOORTEN = ("algemeen", "collectief")

algemene_voorzieningen = Table(
    "algemene_voorzieningen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("volgnummer", BigInteger, Identity(), nullable=False, unique=True),
    Column("naam", String(200), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("aanbod", Text, nullable=False),
    Column("bereikbaarheid", Text, nullable=False),
    Column("telefoon", String(40), nullable=True),
    Column("website", String(300), nullable=True),
    Column("actief", Boolean, nullable=False),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("soort", SOORTEN, "ck_algemene_voorzieningen_soort"),
    UniqueConstraint("gemeente", "naam", name="uq_algemene_voorzieningen_naam"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = algemene_voorzieningen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def naam_bestaat(
    conn: AsyncConnection, gemeente: str, naam: str, behalve: uuid.UUID | None = None
) -> bool:
    t = algemene_voorzieningen
    query = select(t.c.id).where(t.c.gemeente == gemeente, t.c.naam == naam)
    if behalve is not None:
        query = query.where(t.c.id != behalve)
    return await eerste(conn, query) is not None


async def voorziening(
    conn: AsyncConnection, gemeente: str, voorziening_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    t = algemene_voorzieningen
    query = select(t).where(t.c.id == voorziening_id, t.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, voorziening_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    t = algemene_voorzieningen
    query = update(t).where(t.c.id == voorziening_id).values(**values)
    return await een(conn, query.returning(t))


async def pagina(
    conn: AsyncConnection, gemeente: str, na: int, limit: int, *, alleen_actief: bool
) -> list[Rij]:
    """Up to ``limit + 1`` rows after position ``na``, in the order they were registered."""
    t = algemene_voorzieningen
    query = select(t).where(t.c.gemeente == gemeente, t.c.volgnummer > na)
    if alleen_actief:
        query = query.where(t.c.actief.is_(True))
    return await alle(conn, query.order_by(t.c.volgnummer).limit(limit + 1))
