"""Who handles a case (issue 14.3): the behandelaar (the case worker's token subject, with
the name the token carried) and the team, kept on the melding, and every change of hands in
``behandelaarwissels`` (toewijzing, oppakken, overdracht with its reason), never overwritten."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import een_van, gemeente_kolom
from wmo_intake.db.models import beschikkingen, meldingen, metadata
from wmo_intake.db.rijen import Rij, alle, een

WISSELSOORTEN = ("toewijzing", "oppakken", "overdracht")

for kolom in (
    Column("behandelaar_sub", String(200), nullable=True),
    Column("behandelaar_naam", String(200), nullable=True),
    Column("team", String(100), nullable=True),
):
    meldingen.append_column(kolom)
Index("ix_meldingen_gemeente_behandelaar", meldingen.c.gemeente, meldingen.c.behandelaar_sub)
Index("ix_meldingen_gemeente_team", meldingen.c.gemeente, meldingen.c.team)
# The werkvoorraad of one behandelaar asks per aanvraag whether its beschikking was sent: by
# index, not by reading every beschikking (tests/scale/test_plans_caseload.py).
Index("ix_beschikkingen_aanvraag", beschikkingen.c.aanvraag_id)

behandelaarwissels = Table(
    "behandelaarwissels",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    gemeente_kolom(),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("van_sub", String(200), nullable=True),
    Column("van_naam", String(200), nullable=True),
    Column("naar_sub", String(200), nullable=False),
    Column("naar_naam", String(200), nullable=True),
    Column("team", String(100), nullable=True),
    Column("reden", Text, nullable=True),
    Column("regels", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("door_sub", String(200), nullable=False),
    Column("door_rol", String(200), nullable=False),
    Column("tijdstip", DateTime(timezone=True), nullable=False, server_default=func.now()),
    een_van("soort", WISSELSOORTEN, "ck_behandelaarwissels_soort"),
    Index("ix_behandelaarwissels_melding", "melding_id", "id"),
)


async def zet_behandelaar(
    conn: AsyncConnection, melding_id: uuid.UUID, values: dict[str, Any]
) -> Rij:
    """The melding with its new behandelaar and team, versie + 1."""
    m = meldingen
    query = (
        update(m)
        .where(m.c.id == melding_id)
        .values(**values, versie=m.c.versie + 1, gewijzigd=func.now())
        .returning(m)
    )
    return await een(conn, query)


async def insert_wissel(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(behandelaarwissels).values(**values))


async def wissels(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Rij]:
    w = behandelaarwissels
    return await alle(conn, select(w).where(w.c.melding_id == melding_id).order_by(w.c.id))


async def van_meldingen(conn: AsyncConnection, melding_ids: Sequence[uuid.UUID]) -> list[Rij]:
    """(id, behandelaar_sub, behandelaar_naam, team) of these meldingen."""
    if not melding_ids:
        return []
    m = meldingen
    query = select(m.c.id, m.c.behandelaar_sub, m.c.behandelaar_naam, m.c.team).where(
        m.c.id.in_(list(set(melding_ids)))
    )
    return await alle(conn, query)
