"""Intake's tables of the iWmo dialogue beyond the stored messages (``models.iwmo_berichten``):
the declaratie lines accepted so far, one row each, so that the next WMO323 is checked against
them by index instead of by reading old messages (issue 15.5)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Table,
)
from sqlalchemy.dialects.postgresql import UUID

from wmo_intake.db.models import iwmo_berichten
from wmo_intake.db.schema import metadata

iwmo_declaratieregels = Table(
    "iwmo_declaratieregels",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("afzender", String(200), nullable=False),
    Column("bericht_id", UUID(as_uuid=True), ForeignKey(iwmo_berichten.c.id), nullable=False),
    Column("regel", Integer, nullable=False),
    Column("toewijzingnummer", BigInteger, nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("volume", BigInteger, nullable=False),
    Column("referentienummer", String(36), nullable=False),
    Index("ix_iwmo_declaratieregels_toewijzing", "gemeente", "afzender", "toewijzingnummer"),
)
"""An accepted line of a WMO323 (line ``regel`` of message ``bericht_id``); ``volume`` is
negative for a credit line. Written in the transaction that accepted it, never changed."""
