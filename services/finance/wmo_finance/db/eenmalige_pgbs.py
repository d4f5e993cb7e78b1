"""Queries of the one-off pgb paid by the gemeente to the supplier (FIN-05), of the feed of
payments to suppliers it appends to (not the SVB's: the gemeente pays itself) and of the end of
a pgb by an intrekking or herziening of its beschikking. The feed only grows: a cancelled
payment gets a cancellation entry (soort ``annulering``, the amount negative, naming the
volgnummer it cancels), never a deleted or rewritten row."""

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
    Integer,
    Row,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    literal,
    select,
    text,
    update,
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
    # reported by the paying system (POST /eenmalige-pgbs/{id}/betalingen)
    Column("betaald_op", Date, nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _in("voorziening", VOORZIENING_SOORTEN, "ck_eenmalige_pgbs_voorziening"),
    Index("ix_eenmalige_pgbs_gemeente_bsn", "gemeente", "bsn"),
)

BETALINGSOORTEN = ("betaling", "annulering")

leveranciersbetalingen = Table(
    "leveranciersbetalingen",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("eenmalig_pgb_id", UUID(as_uuid=True), ForeignKey("eenmalige_pgbs.id"), nullable=False),
    Column("leverancier_naam", String(200), nullable=False),
    Column("leverancier_kvk", String(8), nullable=False),
    Column("rekeningnummer", String(34), nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("betalingskenmerk", String(60), nullable=False),
    Column("omschrijving", Text, nullable=False),
    Column("besluitdatum", Date, nullable=False),
    _tijd("aangemaakt"),
    Column("soort", String(20), nullable=False, server_default=text("'betaling'")),
    Column("annuleert", BigInteger, nullable=True),  # the volgnummer of the cancelled payment
    _in("soort", BETALINGSOORTEN, "ck_leveranciersbetalingen_soort"),
    UniqueConstraint("eenmalig_pgb_id", "soort", name="uq_leveranciersbetalingen_pgb_soort"),
    Index("ix_leveranciersbetalingen_gemeente", "gemeente", "volgnummer"),
)

GRONDEN = ("intrekking", "herziening")
GEVOLGEN = ("betaling-geannuleerd", "terugvordering-ter-beoordeling")

eenmalig_pgb_beeindigingen = Table(
    "eenmalig_pgb_beeindigingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column(
        "eenmalig_pgb_id",
        UUID(as_uuid=True),
        ForeignKey("eenmalige_pgbs.id"),
        nullable=False,
        unique=True,
    ),
    Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("beschikking_id", UUID(as_uuid=True), nullable=False),
    Column("maatwerkvoorziening_id", UUID(as_uuid=True), nullable=False),
    Column("grond", String(20), nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("gevolg", String(40), nullable=False),
    Column("annulering_volgnummer", BigInteger, nullable=True),
    Column("regels", JSONB, nullable=False),
    _tijd("ontvangen"),
    _in("grond", GRONDEN, "ck_eenmalig_pgb_beeindigingen_grond"),
    _in("gevolg", GEVOLGEN, "ck_eenmalig_pgb_beeindigingen_gevolg"),
)
"""The end of a one-off pgb by an intrekking or herziening of its beschikking (intake's event
``eenmalig-pgb-beeindigd``): once per pgb, with what it meant for the payment."""


async def insert_eenmalig_pgb(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    t = eenmalige_pgbs
    row: Row[Any] = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


async def get(
    conn: AsyncConnection, gemeente: str, pgb_id: uuid.UUID, *, for_update: bool = False
) -> Row[Any] | None:
    t = eenmalige_pgbs
    query = select(t).where(t.c.id == pgb_id, t.c.gemeente == gemeente)
    if for_update:
        query = query.with_for_update()
    row: Row[Any] | None = (await conn.execute(query)).first()
    return row


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    """A person's one-off pgb's (index on gemeente, bsn), oldest first, each with its end
    (``einde_beschikking_id``, ``einde_gevolg``; None while it runs)."""
    t, e = eenmalige_pgbs, eenmalig_pgb_beeindigingen
    query = (
        select(
            t,
            e.c.beschikking_id.label("einde_beschikking_id"),
            e.c.gevolg.label("einde_gevolg"),
        )
        .select_from(t.outerjoin(e, e.c.eenmalig_pgb_id == t.c.id))
        .where(t.c.gemeente == gemeente, t.c.bsn == bsn)
        .order_by(t.c.besluitdatum, t.c.aangemaakt)
    )
    return list((await conn.execute(query)).all())


async def zet_betaald(
    conn: AsyncConnection, pgb_id: uuid.UUID, versie: int, betaald_op: Any
) -> Row[Any]:
    t = eenmalige_pgbs
    query = (
        update(t)
        .where(t.c.id == pgb_id)
        .values(betaald_op=betaald_op, versie=versie + 1)
        .returning(t)
    )
    row: Row[Any] = (await conn.execute(query)).one()
    return row


async def verhoog_versie(conn: AsyncConnection, pgb_id: uuid.UUID) -> Row[Any]:
    t = eenmalige_pgbs
    query = update(t).where(t.c.id == pgb_id).values(versie=t.c.versie + 1).returning(t)
    row: Row[Any] = (await conn.execute(query)).one()
    return row


async def append_betaling(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    """One feed row; appends are serialised per gemeente (advisory lock) so rows commit in
    volgnummer order and a reader never skips one that commits late."""
    sleutel = literal(f"finance.leveranciersbetalingen:{values['gemeente']}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))
    t = leveranciersbetalingen
    row: Row[Any] = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


async def betaling_van(
    conn: AsyncConnection, pgb_id: uuid.UUID, soort: str = "betaling"
) -> Row[Any] | None:
    """The pgb's feed entry of this soort (betaling, or its annulering)."""
    t = leveranciersbetalingen
    query = select(t).where(t.c.eenmalig_pgb_id == pgb_id, t.c.soort == soort)
    row: Row[Any] | None = (await conn.execute(query)).first()
    return row


async def insert_beeindiging(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    t = eenmalig_pgb_beeindigingen
    row: Row[Any] = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


async def beeindiging_van(conn: AsyncConnection, pgb_id: uuid.UUID) -> Row[Any] | None:
    t = eenmalig_pgb_beeindigingen
    query = select(t).where(t.c.eenmalig_pgb_id == pgb_id)
    row: Row[Any] | None = (await conn.execute(query)).first()
    return row


async def beeindiging_met_event(conn: AsyncConnection, event_id: uuid.UUID) -> Row[Any] | None:
    t = eenmalig_pgb_beeindigingen
    row: Row[Any] | None = (await conn.execute(select(t).where(t.c.event_id == event_id))).first()
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
