"""Indicatie's tables, all in schema ``indicatie``.

- ``adviezen``: every advice of the engine, with the onderzoek it was given on (``invoer``) and
  what it said (``uitkomst``), so a bezwaar can replay it;
- ``indicaties``: the final indicaties the gebiedsteam recorded. Never overwritten: a herziening
  or beëindiging is a new row in the same ``reeks`` (``volgnummer`` 1, 2, ...; ``vorige_id``),
  the old row is only marked ``vervangen``. Each row keeps its own input, the engine's advice
  it was decided next to, and the rules the validation applied.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from wmo_shared.db.tables import audit_table, idempotency_table, inbox_table, outbox_table

SCHEMA = "indicatie"
metadata = MetaData(schema=SCHEMA)

audit = audit_table(metadata)
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
idempotency_keys = idempotency_table(metadata)

adviezen = Table(
    "adviezen",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=True),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=True),
    Column("beleid", String(100), nullable=False),
    Column("peildatum", Date, nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("uitkomst", JSONB, nullable=False),
    Column("aangemaakt_door", String(200), nullable=False),
    Column("aangemaakt_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_adviezen_gemeente_bsn", "gemeente", "bsn"),
)

STATUSSEN = ("actief", "vervangen", "beeindigd")
SOORTEN = ("vastgesteld", "herzien", "beeindigd")

indicaties = Table(
    "indicaties",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    Column("reeks_id", UUID(as_uuid=True), nullable=False),
    Column("volgnummer", Integer, nullable=False),
    Column("vorige_id", UUID(as_uuid=True), ForeignKey("indicaties.id"), nullable=True),
    Column("vervangen_door_id", UUID(as_uuid=True), ForeignKey("indicaties.id"), nullable=True),
    Column("soort", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=False),
    Column("advies_id", UUID(as_uuid=True), ForeignKey("adviezen.id"), nullable=True),
    Column("aard", String(40), nullable=False),
    Column("profiel", String(5), nullable=False),
    Column("plus", Boolean, nullable=False),
    Column("omvang", Numeric(7, 2), nullable=False),
    Column("eenheid", String(20), nullable=False),
    Column("perceel", String(60), nullable=False),
    Column("productcategorie", String(2), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    Column("herzieningsdatum", Date, nullable=True),
    Column("motivering", Text, nullable=True),
    Column("afwijking", Boolean, nullable=False),
    Column("reden", Text, nullable=True),  # why revised or ended
    Column("invoer", JSONB, nullable=False),  # the request the worker sent
    Column("advies", JSONB, nullable=True),  # the engine's advice {id, invoer, uitkomst}
    Column("beoordeling", JSONB, nullable=False),  # regels, waarschuwingen of the validation
    Column("versie", Integer, nullable=False, server_default=text("1")),
    Column("vastgesteld_door", String(200), nullable=False),
    Column("vastgesteld_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("gewijzigd_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("reeks_id", "volgnummer", name="uq_indicaties_reeks_volgnummer"),
    CheckConstraint(f"status IN {STATUSSEN!r}", name="ck_indicaties_status"),
    CheckConstraint(f"soort IN {SOORTEN!r}", name="ck_indicaties_soort"),
    CheckConstraint(
        "aard IN ('individuele_begeleiding', 'dagbesteding')", name="ck_indicaties_aard"
    ),
    CheckConstraint("omvang > 0", name="ck_indicaties_omvang_positief"),
    Index("ix_indicaties_gemeente_bsn", "gemeente", "bsn"),
    # one current version per reeks
    Index(
        "uq_indicaties_reeks_huidig",
        "reeks_id",
        unique=True,
        postgresql_where=text("status <> 'vervangen'"),
    ),
    # one active indicatie per aanvraag and aard (IND-04: one aard per indicatie)
    Index(
        "uq_indicaties_aanvraag_aard_actief",
        "gemeente",
        "aanvraag_id",
        "aard",
        unique=True,
        postgresql_where=text("status = 'actief'"),
    ),
)
