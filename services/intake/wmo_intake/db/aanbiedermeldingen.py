"""Queries on what providers report about their opdrachten (AAN-03..08, AAN-11, AAN-12) and
on the gebiedsteam's recorded consents for further no-shows (AAN-05)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Table,
    any_,
    bindparam,
    func,
    select,
    update,
)
from sqlalchemy import insert as sql_insert
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom, id_kolom, regels_kolom
from wmo_intake.db.models import metadata, opdrachten
from wmo_intake.db.rijen import Rij, alle, een, eerste

aanbiedermeldingen = Table(
    "aanbiedermeldingen",
    metadata,
    id_kolom(),
    Column("volgnummer", BigInteger, Identity(always=True), nullable=False, unique=True),
    gemeente_kolom(),
    Column("opdracht_id", UUID(as_uuid=True), ForeignKey("opdrachten.id"), nullable=False),
    Column("aanbieder_agb", String(8), nullable=False),
    Column("soort", String(30), nullable=False),
    Column("gegevens", JSONB, nullable=False),
    Column("gemeld_op", DateTime(timezone=True), nullable=False),
    Column("uiterlijk", DateTime(timezone=True), nullable=True),
    Column("werkdatum", Date, nullable=True),
    Column("te_laat", Boolean, nullable=False),
    Column("signaal", Boolean, nullable=False),
    Column("afgehandeld_op", Date, nullable=True),
    Column("door", String(200), nullable=False),
    regels_kolom(),
    aangemaakt_kolom(),
    Index("ix_aanbiedermeldingen_opdracht", "opdracht_id", "volgnummer"),
    Index("ix_aanbiedermeldingen_signaal", "gemeente", "signaal", "afgehandeld_op"),
)

no_show_toestemmingen = Table(
    "no_show_toestemmingen",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("opdracht_id", UUID(as_uuid=True), ForeignKey("opdrachten.id"), nullable=False),
    Column("periode_begin", Date, nullable=False),
    Column("periode_einde", Date, nullable=False),
    Column("aantal", Integer, nullable=False),
    Column("email_datum", Date, nullable=False),
    Column("toelichting", String(2000), nullable=True),
    Column("door", String(200), nullable=False),
    aangemaakt_kolom(),
    Index("ix_no_show_toestemmingen_opdracht", "opdracht_id", "periode_begin"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    m = aanbiedermeldingen
    return await een(conn, sql_insert(m).values(**values).returning(m))


async def melding(
    conn: AsyncConnection, opdracht_id: uuid.UUID, melding_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    m = aanbiedermeldingen
    query = select(m).where(m.c.id == melding_id, m.c.opdracht_id == opdracht_id)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def van_opdracht(
    conn: AsyncConnection, opdracht_id: uuid.UUID, na: int | None, limit: int
) -> list[Rij]:
    """Up to ``limit`` + 1 reports of the opdracht, oldest first, after volgnummer ``na``."""
    m = aanbiedermeldingen
    query = select(m).where(m.c.opdracht_id == opdracht_id)
    if na is not None:
        query = query.where(m.c.volgnummer > na)
    return await alle(conn, query.order_by(m.c.volgnummer).limit(limit + 1))


async def handel_af(conn: AsyncConnection, melding_id: uuid.UUID, datum: dt.date) -> Rij:
    m = aanbiedermeldingen
    query = update(m).where(m.c.id == melding_id).values(afgehandeld_op=datum)
    return await een(conn, query.returning(m))


async def insert_toestemming(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = no_show_toestemmingen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def toestemmingen(conn: AsyncConnection, opdracht_id: uuid.UUID) -> list[Rij]:
    t = no_show_toestemmingen
    query = select(t).where(t.c.opdracht_id == opdracht_id).order_by(t.c.periode_begin, t.c.id)
    return await alle(conn, query)


async def toegestane_no_shows(
    conn: AsyncConnection, gemeente: str, toewijzingnummer: int, begin: dt.date, einde: dt.date
) -> int:
    """AAN-05: the further no-shows the gebiedsteam consented to for the toewijzing in a
    period overlapping ``begin``..``einde`` (what a WMO323 no-show declaration is checked
    against)."""
    t, o = no_show_toestemmingen, opdrachten
    query = (
        select(func.coalesce(func.sum(t.c.aantal), 0))
        .select_from(t.join(o, o.c.id == t.c.opdracht_id))
        .where(
            t.c.gemeente == gemeente,
            o.c.toewijzingnummer == toewijzingnummer,
            t.c.periode_begin <= einde,
            t.c.periode_einde >= begin,
        )
    )
    rij = await een(conn, query)
    return int(rij[0])


async def toestemmingen_voor_declaratie(
    conn: AsyncConnection, gemeente: str, aanbieder_agb: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """AAN-05: the consents the gebiedsteam recorded on the opdrachten of this aanbieder that a
    WMO323 names (toewijzingnummer, periode_begin, periode_einde, aantal); a consent on an
    opdracht of another aanbieder is not read."""
    t, o = no_show_toestemmingen, opdrachten
    nummers = bindparam("nummers", list(toewijzingnummers), type_=ARRAY(BigInteger))
    query = (
        select(o.c.toewijzingnummer, t.c.periode_begin, t.c.periode_einde, t.c.aantal)
        .select_from(t.join(o, o.c.id == t.c.opdracht_id))
        .where(
            o.c.gemeente == gemeente,
            o.c.aanbieder_agb == aanbieder_agb,
            o.c.toewijzingnummer == any_(nummers),
            t.c.gemeente == gemeente,
        )
    )
    return await alle(conn, query)
