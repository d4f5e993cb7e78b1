"""Finance's tables, all in schema ``finance``.

Enumerations are plain strings guarded by CHECK constraints. Money is ``numeric(12, 2)``; the
inputs of every decision are kept as JSONB next to its outcome and its ``regels``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from wmo_shared.db import tables

SCHEMA = "finance"
metadata = MetaData(schema=SCHEMA)

audit = tables.audit_table(metadata)
outbox = tables.outbox_table(metadata)
inbox = tables.inbox_table(metadata)
idempotency_keys = tables.idempotency_table(metadata)
feed_lezers = tables.feed_lezers_table(metadata)

Geld = Numeric(12, 2)


def _id() -> Column[object]:
    return Column(
        "id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )


def _in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


def _tijd(name: str) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=False, server_default=func.now())


EENHEDEN = ("uur", "dagdeel", "dag", "etmaal", "stuk")
VOORZIENING_SOORTEN = (
    "roerende_woonvoorziening",
    "onroerende_woonvoorziening",
    "aanbouw",
    "hulpmiddel",
    "sportvoorziening",
)
TEGEMOETKOMING_STATUSSEN = (
    "berekend",
    "toegekend",
    "betaald",
    "bewijs_ontvangen",
    "herzien",
    "ingetrokken",
    "teruggevorderd",
)

# --- FIN-13 tariffs maintained through the API ------------------------------------------------
# A period is never rewritten: closing an open-ended period inserts a new version (same
# periode_id, versie + 1) and marks the old row not ``actueel``.
tarieven = Table(
    "tarieven",
    metadata,
    _id(),
    Column("periode_id", UUID(as_uuid=True), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("actueel", Boolean, nullable=False, server_default=text("true")),
    Column("gemeente", String(4), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("omschrijving", String(200), nullable=False),
    Column("productcategorie", String(2), nullable=False),
    Column("eenheid", String(10), nullable=False),
    Column("zin_tarief", Geld, nullable=True),
    Column("pgb_tarief", Geld, nullable=True),
    Column("geldig_van", Date, nullable=False),
    Column("geldig_tot", Date, nullable=True),
    Column("bron", String(10), nullable=False, server_default=text("'api'")),
    Column("aangemaakt_door", String(200), nullable=False),
    _tijd("aangemaakt"),
    _in("eenheid", EENHEDEN, "ck_tarieven_eenheid"),
    CheckConstraint("zin_tarief IS NOT NULL OR pgb_tarief IS NOT NULL", name="ck_tarieven_bedrag"),
    CheckConstraint("geldig_tot IS NULL OR geldig_tot >= geldig_van", name="ck_tarieven_periode"),
    UniqueConstraint("periode_id", "versie", name="uq_tarieven_periode_versie"),
    Index(
        "ix_tarieven_actueel",
        "gemeente",
        "productcode",
        "geldig_van",
        postgresql_where=text("actueel"),
    ),
)

# --- FIN-01..07 financiële tegemoetkoming -----------------------------------------------------
tegemoetkomingen = Table(
    "tegemoetkomingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=True),
    Column("voorziening", String(40), nullable=False),
    Column("betaalmoment", String(20), nullable=False),
    Column("peildatum", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("kostprijs", Geld, nullable=False),
    Column("percentage", Numeric(5, 2), nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("oorspronkelijk_bedrag", Geld, nullable=False),
    Column("besluitdatum", Date, nullable=True),
    Column("bewijs_uiterlijk", Date, nullable=True),
    Column("controle_uiterlijk", Date, nullable=True),
    Column("bewijs_ontvangen_op", Date, nullable=True),
    Column("betaald_op", Date, nullable=True),
    Column("betaald_bedrag", Geld, nullable=False, server_default=text("0")),
    Column("terug_te_vorderen", Geld, nullable=False, server_default=text("0")),
    Column("teruggevorderd_bedrag", Geld, nullable=False, server_default=text("0")),
    Column("invoer", JSONB, nullable=False),
    Column("kostprijs_uitkomst", JSONB, nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    Column("aangemaakt_door", String(200), nullable=False),
    _tijd("aangemaakt"),
    _tijd("gewijzigd"),
    _in("voorziening", VOORZIENING_SOORTEN, "ck_tegemoetkomingen_voorziening"),
    _in("betaalmoment", ("voor_aanschaf", "na_aanschaf"), "ck_tegemoetkomingen_betaalmoment"),
    _in("status", TEGEMOETKOMING_STATUSSEN, "ck_tegemoetkomingen_status"),
    Index("ix_tegemoetkomingen_gemeente_bsn", "gemeente", "bsn"),
)

# Every transition of a tegemoetkoming, with its input and rules: the history is never rewritten.
tegemoetkoming_overgangen = Table(
    "tegemoetkoming_overgangen",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column(
        "tegemoetkoming_id",
        UUID(as_uuid=True),
        ForeignKey("finance.tegemoetkomingen.id"),
        nullable=False,
    ),
    Column("versie", Integer, nullable=False),
    Column("soort", String(20), nullable=False),
    Column("van_status", String(20), nullable=True),
    Column("naar_status", String(20), nullable=False),
    Column("datum", Date, nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("door", String(200), nullable=False),
    _tijd("tijdstip"),
    UniqueConstraint("tegemoetkoming_id", "versie", name="uq_tegemoetkoming_overgangen_versie"),
)

# --- FIN-08 eigen bijdrage schedule of a tegemoetkoming (a new version after a herziening) ----
eigen_bijdrage_schemas = Table(
    "eigen_bijdrage_schemas",
    metadata,
    _id(),
    Column(
        "tegemoetkoming_id",
        UUID(as_uuid=True),
        ForeignKey("finance.tegemoetkomingen.id"),
        nullable=False,
    ),
    Column("gemeente", String(4), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("actueel", Boolean, nullable=False, server_default=text("true")),
    Column("voorziening", String(40), nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("per_maand", Geld, nullable=False),
    Column("plafond", Geld, nullable=False),
    Column("max_maanden", Integer, nullable=True),
    Column("aantal_maanden", Integer, nullable=False),
    Column("totaal", Geld, nullable=False),
    Column("einddatum", Date, nullable=True),
    # the end of use the CAK register heard of (FIN-08: only while the voorziening is used)
    Column("einddatum_gebruik", Date, nullable=True),
    Column("regels", JSONB, nullable=False),
    _tijd("aangemaakt"),
    UniqueConstraint("tegemoetkoming_id", "versie", name="uq_eigen_bijdrage_schemas_versie"),
)

eigen_bijdrage_termijnen = Table(
    "eigen_bijdrage_termijnen",
    metadata,
    Column(
        "schema_id",
        UUID(as_uuid=True),
        ForeignKey("finance.eigen_bijdrage_schemas.id"),
        primary_key=True,
    ),
    Column("volgnummer", Integer, primary_key=True),
    Column("datum", Date, nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("gedeeltelijk", Boolean, nullable=False, server_default=text("false")),
)

# --- FIN-06 maintenance and repair ------------------------------------------------------------
onderhoudsvergoedingen = Table(
    "onderhoudsvergoedingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("tegemoetkoming_id", UUID(as_uuid=True), nullable=True),
    Column("voorziening", String(40), nullable=False),
    Column("peildatum", Date, nullable=False),
    Column("toegekend", Boolean, nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("aangemaakt_door", String(200), nullable=False),
    _tijd("aangemaakt"),
    _in("voorziening", VOORZIENING_SOORTEN, "ck_onderhoudsvergoedingen_voorziening"),
    Index("ix_onderhoudsvergoedingen_gemeente_bsn", "gemeente", "bsn"),
)

# --- FIN-10 vervoer (only what was granted is stored) -----------------------------------------
vervoersvergoedingen = Table(
    "vervoersvergoedingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=True),
    Column("peildatum", Date, nullable=False),
    Column("toegekend", Boolean, nullable=False),
    Column("kilometers", Integer, nullable=False),
    Column("tarief_per_km", Geld, nullable=False),
    Column("factor", Numeric(4, 2), nullable=False),
    Column("jaarbedrag", Geld, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("aangemaakt_door", String(200), nullable=False),
    _tijd("aangemaakt"),
    Index("ix_vervoersvergoedingen_gemeente_bsn", "gemeente", "bsn"),
)

# --- FIN-12 CAK register and its change feed --------------------------------------------------
LEVERINGSVORMEN = ("zin", "pgb", "financiele_tegemoetkoming", "eenmalig_pgb")

cak_voorzieningen = Table(
    "cak_voorzieningen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("huishouden_id", UUID(as_uuid=True), nullable=True),
    Column("beschikking_id", UUID(as_uuid=True), nullable=False),
    Column("maatwerkvoorziening_id", UUID(as_uuid=True), nullable=False),
    Column("productcategorie", String(2), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("leveringsvorm", String(30), nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    Column("eigen_bijdrage", Boolean, nullable=False),
    Column("gemeld", Boolean, nullable=False),
    Column("bijdrage_vanaf", Date, nullable=True),
    Column("melden_uiterlijk", Date, nullable=True),
    Column("kostprijs_soort", String(20), nullable=False),
    Column("kostprijs", Geld, nullable=True),
    Column("abonnementstarief", Geld, nullable=True),
    # A financiële tegemoetkoming carries finance's own FIN-08 regime instead of the
    # abonnementstarief: the amount a month, the cap (kostprijs), the maximum duration, the last
    # day charged and the total. One regime per tegemoetkoming: a row replaced by a later
    # maatwerkvoorziening of the same tegemoetkoming names its successor.
    Column("tegemoetkoming_id", UUID(as_uuid=True), nullable=True),
    Column("per_maand", Geld, nullable=True),
    Column("max_maanden", Integer, nullable=True),
    Column("bijdrage_tot", Date, nullable=True),
    Column("bijdrage_totaal", Geld, nullable=True),
    Column("vervangen_door", UUID(as_uuid=True), nullable=True),
    # An eenmalig pgb (FIN-05): recorded with why it carries no eigen bijdrage, never reported.
    Column("eenmalig_pgb_id", UUID(as_uuid=True), nullable=True),
    Column("regels", JSONB, nullable=False),
    Column("laatste_event_id", UUID(as_uuid=True), nullable=False),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _tijd("aangemaakt"),
    _tijd("gewijzigd"),
    _in("leveringsvorm", LEVERINGSVORMEN, "ck_cak_voorzieningen_leveringsvorm"),
    UniqueConstraint(
        "gemeente", "maatwerkvoorziening_id", name="uq_cak_voorzieningen_maatwerkvoorziening"
    ),
    Index("ix_cak_voorzieningen_gemeente_bsn", "gemeente", "bsn"),
    Index("ix_cak_voorzieningen_huishouden", "gemeente", "huishouden_id"),
    Index(
        "ix_cak_voorzieningen_tegemoetkoming",
        "gemeente",
        "tegemoetkoming_id",
        postgresql_where=text("tegemoetkoming_id IS NOT NULL"),
    ),
)

cak_mutaties = Table(
    "cak_mutaties",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("soort", String(10), nullable=False),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("huishouden_id", UUID(as_uuid=True), nullable=True),
    Column("beschikking_id", UUID(as_uuid=True), nullable=False),
    Column("maatwerkvoorziening_id", UUID(as_uuid=True), nullable=False),
    Column("productcategorie", String(2), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("leveringsvorm", String(30), nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    Column("kostprijs", Geld, nullable=True),
    Column("abonnementstarief", Geld, nullable=True),
    Column("tegemoetkoming_id", UUID(as_uuid=True), nullable=True),
    Column("per_maand", Geld, nullable=True),
    Column("max_maanden", Integer, nullable=True),
    Column("vervangt", UUID(as_uuid=True), nullable=True),
    Column("event_id", UUID(as_uuid=True), nullable=False),
    _tijd("geregistreerd_op"),
    _in("soort", ("start", "wijziging", "stop"), "ck_cak_mutaties_soort"),
    Index("ix_cak_mutaties_gemeente_volgnummer", "gemeente", "volgnummer"),
)
