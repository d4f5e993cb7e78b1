"""Queries of the one-off pgb paid by the gemeente to the supplier (FIN-05) and of the feed of
payments to suppliers it appends to (not the SVB's: the gemeente pays itself)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Identity,
    Index,
    Row,
    String,
    Table,
    Text,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import VOORZIENING_SOORTEN, Geld, _id, _in, _tijd, metadata

eenmalige_pgbs = Table(
    "eenmalige_pgbs",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=True),
    Column("voorziening", String(40), nullable=False),
    Column("besluitdatum", Date, nullable=False),
    Column("kostprijs", Geld, nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("leverancier", JSONB, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("aangemaakt_door", String(200), nullable=False),
    _tijd("aangemaakt"),
    _in("voorziening", VOORZIENING_SOORTEN, "ck_eenmalige_pgbs_voorziening"),
    Index("ix_eenmalige_pgbs_gemeente_bsn", "gemeente", "bsn"),
)

leveranciersbetalingen = Table(
    "leveranciersbetalingen",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column(
        "eenmalig_pgb_id",
        UUID(as_uuid=True),
        ForeignKey("eenmalige_pgbs.id"),
        nullable=False,
        unique=True,
    ),
    Column("leverancier_naam", String(200), nullable=False),
    Column("leverancier_kvk", String(8), nullable=False),
    Column("rekeningnummer", String(34), nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("betalingskenmerk", String(60), nullable=False),
    Column("omschrijving", Text, nullable=False),
    Column("besluitdatum", Date, nullable=False),
    _tijd("aangemaakt"),
    Index("ix_leveranciersbetalingen_gemeente", "gemeente", "volgnummer"),
)


async def insert_eenmalig_pgb(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    t = eenmalige_pgbs
    row: Row[Any] = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


async def get(conn: AsyncConnection, gemeente: str, pgb_id: uuid.UUID) -> Row[Any] | None:
    t = eenmalige_pgbs
    query = select(t).where(t.c.id == pgb_id, t.c.gemeente == gemeente)
    row: Row[Any] | None = (await conn.execute(query)).first()
    return row


async def append_betaling(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    """One feed row; appends are serialised per gemeente (advisory lock) so rows commit in
    volgnummer order and a reader never skips one that commits late."""
    sleutel = literal(f"finance.leveranciersbetalingen:{values['gemeente']}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))
    t = leveranciersbetalingen
    row: Row[Any] = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


async def betaling_van(conn: AsyncConnection, pgb_id: uuid.UUID) -> Row[Any] | None:
    t = leveranciersbetalingen
    row: Row[Any] | None = (
        await conn.execute(select(t).where(t.c.eenmalig_pgb_id == pgb_id))
    ).first()
    return row


async def betalingen(conn: AsyncConnection, gemeente: str, na: int, limit: int) -> list[Row[Any]]:
    t = leveranciersbetalingen
    query = (
        select(t)
        .where(t.c.gemeente == gemeente, t.c.volgnummer > na)
        .order_by(t.c.volgnummer)
        .limit(limit + 1)
    )
    return list((await conn.execute(query)).all())
