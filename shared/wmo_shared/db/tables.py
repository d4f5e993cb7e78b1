"""Tables every service has in its own schema: audit log, outbox, inbox, idempotency keys,
and the readers' positions of the services with a feed.

Each service calls these factories on its own ``MetaData(schema=...)``, so the tables live in
its schema and its Alembic history creates them like any other table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID


def audit_table(metadata: MetaData) -> Table:
    """Append-only: the app role may insert and select, never update or delete (see migrations)."""
    return Table(
        "audit",
        metadata,
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("tijdstip", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sub", String(200), nullable=False),
        Column("rol", String(200), nullable=False),
        Column("gemeente", String(4), nullable=False),
        Column("actie", String(40), nullable=False),
        Column("resource_type", String(60), nullable=False),
        Column("resource_id", String(80), nullable=True),
        Column("request_id", String(128), nullable=True),
        Column("details", JSONB, nullable=True),
        Index("ix_audit_resource", "resource_type", "resource_id"),
        Index("ix_audit_resource_id", "resource_id"),  # the AVG inzage (issue 14.5)
        Index("ix_audit_tijdstip", "tijdstip"),
    )


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox",
        metadata,
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
        Column("event_type", String(80), nullable=False),
        Column("destination", String(40), nullable=False),
        Column("path", String(200), nullable=False),
        Column("gemeente", String(4), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("afgeleverd", DateTime(timezone=True), nullable=True),
        Column("pogingen", Integer, nullable=False, server_default=text("0")),
        Column(
            "volgende_poging",
            DateTime(timezone=True),
            nullable=False,
            server_default=func.now(),
        ),
        Column("laatste_fout", Text, nullable=True),
        # An operator discarded a refused event on purpose (wmo_shared.outbox_beheer).
        Column("verworpen", DateTime(timezone=True), nullable=True),
        Column("verworpen_reden", Text, nullable=True),
        Column("verworpen_door", String(200), nullable=True),
        # W3C trace context of the request that wrote the event: its delivery joins that trace.
        Column("traceparent", String(64), nullable=True),
        Index("ix_outbox_gemeente_id", "gemeente", "id"),
        Index(
            "ix_outbox_pending",
            "volgende_poging",
            postgresql_where=text("afgeleverd IS NULL"),
        ),
    )


def inbox_table(metadata: MetaData) -> Table:
    """Events received from other services, by event id: a redelivery is recognised and ignored."""
    return Table(
        "inbox",
        metadata,
        Column("event_id", UUID(as_uuid=True), primary_key=True),
        Column("event_type", String(80), nullable=False),
        Column("ontvangen", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


def idempotency_table(metadata: MetaData) -> Table:
    """Keys per (gemeente, sub, sleutel): a user's key never replays another gemeente's answer.
    Rows older than ``wmo_shared.idempotency.KEY_TTL`` have expired."""
    return Table(
        "idempotency_keys",
        metadata,
        Column("gemeente", String(4), primary_key=True),
        Column("sub", String(200), primary_key=True),
        Column("sleutel", String(200), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", SmallInteger, nullable=False),
        Column("response", JSONB, nullable=False),
        Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
        Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Index("ix_idempotency_keys_aangemaakt", "aangemaakt"),
    )


def feed_lezers_table(metadata: MetaData) -> Table:
    """How far the reader of each feed has come, per gemeente (``wmo_shared.feeds``): the
    volgnummer after which it last asked for a page, and when."""
    return Table(
        "feed_lezers",
        metadata,
        Column("feed", String(40), primary_key=True),
        Column("gemeente", String(4), primary_key=True),
        Column("positie", BigInteger, nullable=False),
        Column("gelezen_op", DateTime(timezone=True), nullable=False),
    )
