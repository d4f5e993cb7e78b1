"""The accepted lines of the providers' declaraties (WMO323), one row each, written in the
transaction that accepted them (the retour said ``goedgekeurd``) and never changed. One table
for both readers: the check of the next WMO323 of the same aanbieder sums its earlier lines on
the toewijzingen it names (issue 15.5, index on gemeente, afzender, toewijzingnummer, never a
scan over stored messages) and the no-shows of its clients on any toewijzing of the aanbieder
(AAN-05 counts per client: index on gemeente, bsn, afzender, begindatum, which also serves the
AVG inzage), and the management information counts the amounts of zorg in natura per month
(issue 14.6, index on gemeente, begindatum). The stored message keeps the whole XML; this
table only what they need. Also the opdrachten a declaratie names."""

from __future__ import annotations

import datetime as dt
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
    all_,
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
    Column("bsn", String(9), nullable=False),  # the client of the line
    UniqueConstraint("iwmo_bericht_id", "regel", name="uq_declaratieregels_bericht_regel"),
    Index("ix_declaratieregels_gemeente_begin", "gemeente", "begindatum"),
    Index("ix_declaratieregels_toewijzing", "gemeente", "afzender", "toewijzingnummer"),
    Index("ix_declaratieregels_client", "gemeente", "bsn", "afzender", "begindatum"),
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


async def no_shows_van_clienten(
    conn: AsyncConnection,
    gemeente: str,
    afzender: str,
    bsns: Sequence[str],
    productcodes: Sequence[str],
    van: dt.date,
    tot: dt.date,
    behalve: Sequence[int],
) -> list[Rij]:
    """AAN-05 per client: the accepted no-show lines (under one of ``productcodes``) of this
    afzender for these clients that begin from ``van`` up to ``tot``, on toewijzingen other
    than ``behalve`` (those ``geaccepteerd`` already reads): toewijzingnummer, begindatum,
    einddatum, volume, bsn."""
    t = declaratieregels
    if not bsns or not productcodes:
        return []
    query = select(t.c.toewijzingnummer, t.c.begindatum, t.c.einddatum, t.c.volume, t.c.bsn).where(
        t.c.gemeente == gemeente,
        t.c.afzender == afzender,
        t.c.bsn == any_(bindparam("bsns", list(bsns), type_=ARRAY(String))),
        t.c.begindatum >= van,
        t.c.begindatum <= tot,
        t.c.productcode == any_(bindparam("codes", list(productcodes), type_=ARRAY(String))),
        t.c.toewijzingnummer != all_(_nummers(behalve)),
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
