"""Intake's tables, all in schema ``intake``."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

from wmo_shared.db.tables import audit_table, idempotency_table, inbox_table, outbox_table

SCHEMA = "intake"
metadata = MetaData(schema=SCHEMA)

audit = audit_table(metadata)
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
idempotency_keys = idempotency_table(metadata)

clienten = Table(
    "clienten",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("voornamen", String(200), nullable=False),
    Column("achternaam", String(200), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("straat", String(200), nullable=True),
    Column("huisnummer", String(20), nullable=True),
    Column("postcode", String(6), nullable=True),
    Column("woonplaats", String(100), nullable=True),
    Column("telefoon", String(30), nullable=True),
    Column("email", String(200), nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("gewijzigd", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("gemeente", "bsn", name="uq_clienten_gemeente_bsn"),
)
