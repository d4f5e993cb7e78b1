"""The accepted lines of the providers' declaraties (WMO323), one row each, written in the
transaction that accepted them (the retour said ``goedgekeurd``) and never changed. One table
for both readers: the check of the next WMO323 of the same aanbieder sums its earlier lines on
the toewijzingen it names (issue 15.5, index on gemeente, afzender, toewijzingnummer, never a
scan over stored messages), and the management information counts the amounts of zorg in
natura per month (issue 14.6, index on gemeente, begindatum). The stored message keeps the
whole XML; this table only what the two need. Also the opdrachten a declaratie names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    any_,
    bindparam,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom
from wmo_intake.db.models import metadata, opdrachten
from wmo_intake.db.rijen import Rij, alle

declaratieregels = Table(
    "declaratieregels",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    gemeente_kolom(),
    Column("iwmo_bericht_id", UUID(as_uuid=True), ForeignKey("iwmo_berichten.id"), nullable=False),
    Column("regel", Integer, nullable=False),
    Column("toewijzingnummer", BigInteger, nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("bedrag", Numeric(12, 2), nullable=False),  # negative for a credit line
    aangemaakt_kolom(),
    Column("afzender", String(200), nullable=False),  # the aanbieder's AGB code
    Column("volume", BigInteger, nullable=False),  # negative for a credit line
    Column("referentienummer", String(36), nullable=False),
    UniqueConstraint("iwmo_bericht_id", "regel", name="uq_declaratieregels_bericht_regel"),
    Index("ix_declaratieregels_gemeente_begin", "gemeente", "begindatum"),
    Index("ix_declaratieregels_toewijzing", "gemeente", "afzender", "toewijzingnummer"),
)
"""Line ``regel`` (its index in the message) of WMO323 ``iwmo_bericht_id``."""


def _nummers(toewijzingnummers: Sequence[int]) -> Any:
    """One array parameter, however many numbers a declaratie names."""
    return bindparam("nummers", list(toewijzingnummers), type_=ARRAY(BigInteger))


async def voeg_toe(conn: AsyncConnection, rijen: Sequence[dict[str, Any]]) -> None:
    if rijen:
        await conn.execute(insert(declaratieregels), list(rijen))


async def geaccepteerd(
    conn: AsyncConnection, gemeente: str, afzender: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """The accepted lines of this afzender on these toewijzingen (toewijzingnummer,
    productcode, begindatum, einddatum, volume); the checks only sum them, in any order."""
    t = declaratieregels
    query = select(
        t.c.toewijzingnummer, t.c.productcode, t.c.begindatum, t.c.einddatum, t.c.volume
    ).where(
        t.c.gemeente == gemeente,
        t.c.afzender == afzender,
        t.c.toewijzingnummer == any_(_nummers(toewijzingnummers)),
    )
    return await alle(conn, query)


async def toewijzingen(
    conn: AsyncConnection, gemeente: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """The opdrachten (not refused) a declaratie names, by their unique toewijzingnummer."""
    o = opdrachten
    query = select(o).where(
        o.c.gemeente == gemeente,
        o.c.status != "geweigerd",
        o.c.toewijzingnummer == any_(_nummers(toewijzingnummers)),
    )
    return await alle(conn, query)
