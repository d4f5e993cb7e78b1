"""The no-show signaleringen (AAN-05: three or more no-shows of a client in one calendar month
must be reported), stored when the WMO323 that brought the count there is imported: one row
per aanbieder, client and month, so importing the same message again (or another one that
counts the same month) never makes a second. A higher count updates the row; the case
worker's signalering then has a new id and signals again (``service.signalering``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom
from wmo_intake.db.models import metadata

no_show_signaleringen = Table(
    "no_show_signaleringen",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    gemeente_kolom(),
    Column("afzender", String(8), nullable=False),  # the aanbieder's AGB code
    Column("bsn", String(9), nullable=False),
    Column("jaar", SmallInteger, nullable=False),
    Column("maand", SmallInteger, nullable=False),
    Column("aantal", Integer, nullable=False),
    # the opdracht of a toewijzing the no-shows were declared on: its case and worker
    Column("opdracht_id", UUID(as_uuid=True), ForeignKey("opdrachten.id"), nullable=False),
    Column("iwmo_bericht_id", UUID(as_uuid=True), ForeignKey("iwmo_berichten.id"), nullable=False),
    aangemaakt_kolom(),
    Column("bijgewerkt", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint(
        "gemeente", "afzender", "bsn", "jaar", "maand", name="uq_no_show_signaleringen_maand"
    ),
    Index("ix_no_show_signaleringen_opdracht", "opdracht_id"),
)


async def bewaar(conn: AsyncConnection, rijen: Sequence[dict[str, Any]]) -> None:
    """One row per aanbieder, client and month: a new one is added, a known one only changes
    when its count went up (the same count again changes nothing)."""
    if not rijen:
        return
    t = no_show_signaleringen
    stmt = pg_insert(t).values(list(rijen))
    await conn.execute(
        stmt.on_conflict_do_update(
            constraint="uq_no_show_signaleringen_maand",
            set_={
                "aantal": stmt.excluded.aantal,
                "opdracht_id": stmt.excluded.opdracht_id,
                "iwmo_bericht_id": stmt.excluded.iwmo_bericht_id,
                "bijgewerkt": func.now(),
            },
            where=t.c.aantal < stmt.excluded.aantal,
        )
    )
