"""Terms that pause and stretch: every opschorting, verdaging, verlenging, herstelverzoek or
verder uitstel of a term (the beslistermijn of an aanvraag or a bezwaar, the onderzoek of a
melding, the afhandeltermijn of a klacht), in the order it was recorded, with the facts the
domain replays and the explanation given. The adjusted last day is kept on the object itself
(``aanvragen.beschikking_uiterlijk``, ``meldingen.onderzoek_uiterlijk``, ...) for the
werkvoorraad."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Identity,
    Index,
    String,
    Table,
    select,
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
from wmo_intake.db.models import aanvragen, meldingen, metadata
from wmo_intake.db.rijen import Rij, alle, een, eerste

DOELEN = ("aanvraag", "melding", "bezwaar", "klacht")
SOORTEN = (
    "aanvulling",
    "opschorting",
    "vertraging",
    "verlenging",
    "herstel",
    "verdaging",
    "uitstel",
)

termijnaanpassingen = Table(
    "termijnaanpassingen",
    metadata,
    id_kolom(),
    Column("volgnummer", BigInteger, Identity(always=True), nullable=False, unique=True),
    gemeente_kolom(),
    Column("doel", String(20), nullable=False),
    Column("doel_id", UUID(as_uuid=True), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("gegevens", JSONB, nullable=False),
    regels_kolom(),
    Column("sub", String(200), nullable=False),
    versie_kolom(),
    aangemaakt_kolom(),
    gewijzigd_kolom(),
    een_van("doel", DOELEN, "ck_termijnaanpassingen_doel"),
    een_van("soort", SOORTEN, "ck_termijnaanpassingen_soort"),
    Index("ix_termijnaanpassingen_doel", "doel", "doel_id"),
)


async def insert(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = termijnaanpassingen
    return await een(conn, sql_insert(t).values(**values).returning(t))


async def van(conn: AsyncConnection, doel: str, doel_id: uuid.UUID) -> list[Rij]:
    """The adjustments of one term, in the order they were recorded."""
    t = termijnaanpassingen
    query = select(t).where(t.c.doel == doel, t.c.doel_id == doel_id).order_by(t.c.volgnummer)
    return await alle(conn, query)


async def van_velen(conn: AsyncConnection, doel: str, doel_ids: Sequence[uuid.UUID]) -> list[Rij]:
    t = termijnaanpassingen
    if not doel_ids:
        return []
    query = (
        select(t).where(t.c.doel == doel, t.c.doel_id.in_(list(doel_ids))).order_by(t.c.volgnummer)
    )
    return await alle(conn, query)


async def aanpassing(
    conn: AsyncConnection, gemeente: str, aanpassing_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    t = termijnaanpassingen
    query = select(t).where(t.c.id == aanpassing_id, t.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, aanpassing_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    t = termijnaanpassingen
    query = update(t).where(t.c.id == aanpassing_id).values(**values).returning(t)
    return await een(conn, query)


async def zet_beschikking_uiterlijk(
    conn: AsyncConnection, aanvraag_id: uuid.UUID, uiterlijk: dt.date
) -> None:
    a = aanvragen
    await conn.execute(
        update(a).where(a.c.id == aanvraag_id).values(beschikking_uiterlijk=uiterlijk)
    )


async def zet_onderzoek_uiterlijk(
    conn: AsyncConnection, melding_id: uuid.UUID, uiterlijk: dt.date
) -> None:
    m = meldingen
    await conn.execute(update(m).where(m.c.id == melding_id).values(onderzoek_uiterlijk=uiterlijk))
