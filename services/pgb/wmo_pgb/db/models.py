"""Pgb's tables, all in schema ``pgb``.

Enumerations are plain strings guarded by CHECK constraints. Money is ``numeric(12, 2)`` (tariffs
``numeric(12, 4)``: a percentage of a ZIN tariff may have more than two decimals). The inputs and
outcome of every toets, besluit and budget are kept as JSONB next to their ``regels``. Nothing
the issue calls immutable is updated: a budget revision adds a version, the SVB feed only grows.
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
    ForeignKeyConstraint,
    Identity,
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

from wmo_shared.beleidswaarden import beleidswaarden_table
from wmo_shared.db import tables

SCHEMA = "pgb"
metadata = MetaData(schema=SCHEMA)

audit = tables.audit_table(metadata)
outbox = tables.outbox_table(metadata)
inbox = tables.inbox_table(metadata)
idempotency_keys = tables.idempotency_table(metadata)
feed_lezers = tables.feed_lezers_table(metadata)
# Policy values beheer sets where the policy names a number without giving it (issue 12.8).
beleidswaarden = beleidswaarden_table(metadata)

Geld = Numeric(12, 2)
Tarief = Numeric(12, 4)


def _id() -> Column[object]:
    return Column(
        "id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )


def _in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


def _tijd(name: str) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=False, server_default=func.now())


PLAN_STATUSSEN = ("concept", "besloten")
TOETS_UITKOMSTEN = ("voldaan", "niet_voldaan", "oordeel_consulent")
BESLUIT_UITKOMSTEN = ("toegekend", "afgewezen")
BUDGET_STATUSSEN = ("berekend", "beschikt", "ingetrokken")

pgb_plannen = Table(
    "pgb_plannen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=True),
    Column("maatwerkvoorziening_id", UUID(as_uuid=True), nullable=True),
    Column("plan", JSONB, nullable=False),  # the domain PgbPlan, validated at the edge
    # PGB-01: what the onderzoek of aanvraag_id concluded; NULL: not passed on.
    Column("maatwerkvoorziening_nodig", Boolean, nullable=True),
    # PGB-02: false while the plan is drafted and not yet handed in by the inwoner.
    Column("ingediend", Boolean, nullable=False, server_default=text("true")),
    Column("status", String(20), nullable=False, server_default=text("'concept'")),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _tijd("aangemaakt_op"),
    _tijd("gewijzigd_op"),
    _in("status", PLAN_STATUSSEN, "ck_pgb_plannen_status"),
    Index("ix_pgb_plannen_gemeente_bsn", "gemeente", "bsn"),
)

toetsingen = Table(
    "toetsingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("pgb_plan_id", UUID(as_uuid=True), ForeignKey("pgb.pgb_plannen.id"), nullable=False),
    Column("plan_versie", Integer, nullable=False),
    Column("uitkomst", String(20), nullable=False),
    Column("resultaat", JSONB, nullable=False),  # voorwaarden, bevindingen, alternatief
    _tijd("getoetst_op"),
    _in("uitkomst", TOETS_UITKOMSTEN, "ck_toetsingen_uitkomst"),
    Index("ix_toetsingen_plan", "pgb_plan_id"),
)

besluiten = Table(
    "besluiten",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("pgb_plan_id", UUID(as_uuid=True), ForeignKey("pgb.pgb_plannen.id"), nullable=False),
    Column("plan_versie", Integer, nullable=False),
    Column("uitkomst", String(20), nullable=False),
    Column("toetsuitkomst", String(20), nullable=False),
    Column("volgt_toets", Boolean, nullable=False),
    Column("motivering", Text, nullable=True),
    Column("leveringsvorm", String(30), nullable=True),
    Column("invoer", JSONB, nullable=False),  # the request: period, peildatum, offertes
    Column("regels", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _tijd("besloten_op"),
    _in("uitkomst", BESLUIT_UITKOMSTEN, "ck_besluiten_uitkomst"),
    UniqueConstraint("pgb_plan_id", name="uq_besluiten_pgb_plan"),
)

# A pgb request decided where the law decides it: no necessary maatwerkvoorziening (PGB-01) or
# no handed-in plan (PGB-02, with the ZIN alternative).
pgb_verzoeken = Table(
    "pgb_verzoeken",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), nullable=False),
    Column("pgb_plan_id", UUID(as_uuid=True), ForeignKey("pgb.pgb_plannen.id"), nullable=True),
    Column("maatwerkvoorziening_nodig", Boolean, nullable=False),
    Column("maatwerkvoorziening", JSONB, nullable=False),  # product, productcode
    Column("uitkomst", String(20), nullable=False),
    Column("alternatief", String(30), nullable=True),
    Column("toelichting", Text, nullable=True),
    Column("regels", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _tijd("besloten_op"),
    _in("uitkomst", ("afgewezen",), "ck_pgb_verzoeken_uitkomst"),
    Index("ix_pgb_verzoeken_gemeente_bsn", "gemeente", "bsn"),
)

budgetten = Table(
    "budgetten",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("pgb_plan_id", UUID(as_uuid=True), ForeignKey("pgb.pgb_plannen.id"), nullable=False),
    Column("besluit_id", UUID(as_uuid=True), ForeignKey("pgb.besluiten.id"), nullable=False),
    Column("status", String(20), nullable=False, server_default=text("'berekend'")),
    Column("versie", Integer, nullable=False, server_default=text("1")),  # current version
    Column("beschikking_id", UUID(as_uuid=True), nullable=True),
    Column("maatwerkvoorziening_id", UUID(as_uuid=True), nullable=True),
    Column("productcode", String(5), nullable=True),
    Column("productcategorie", String(2), nullable=True),
    _tijd("aangemaakt_op"),
    _tijd("gewijzigd_op"),
    _in("status", BUDGET_STATUSSEN, "ck_budgetten_status"),
    UniqueConstraint("pgb_plan_id", name="uq_budgetten_pgb_plan"),
    Index("ix_budgetten_gemeente", "gemeente"),
)

budget_versies = Table(
    "budget_versies",
    metadata,
    Column("budget_id", UUID(as_uuid=True), ForeignKey("pgb.budgetten.id"), primary_key=True),
    Column("versie", Integer, primary_key=True),
    Column("bedrag", Geld, nullable=False),
    Column("tarief", Tarief, nullable=False),
    Column("tariefgrondslag", String(40), nullable=False),
    Column("kwalificatie", String(30), nullable=False),
    Column("omvang", JSONB, nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("peildatum", Date, nullable=False),
    Column("beleid", String(100), nullable=False),
    Column("gebruikt_tarief", JSONB, nullable=True),  # the finance TariefRead used, if any
    Column("opbouw", JSONB, nullable=False),  # dagen, aantalEenheden, berekening, offerte
    Column("regels", JSONB, nullable=False),
    Column("reden", Text, nullable=True),  # why this version (herziening)
    Column("sub", String(200), nullable=False),
    _tijd("aangemaakt_op"),
)

budget_intrekkingen = Table(
    "budget_intrekkingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("budget_id", UUID(as_uuid=True), ForeignKey("pgb.budgetten.id"), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("intrekkingsdatum", Date, nullable=False),
    Column("reden", Text, nullable=False),
    Column("sub", String(200), nullable=False),
    _tijd("ingetrokken_op"),
    UniqueConstraint("budget_id", name="uq_budget_intrekkingen_budget"),
)

bestedingscontroles = Table(
    "bestedingscontroles",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("budget_id", UUID(as_uuid=True), ForeignKey("pgb.budgetten.id"), nullable=False),
    Column("budget_versie", Integer, nullable=False),
    Column("jaar", Integer, nullable=False),
    Column("controledatum", Date, nullable=False),
    Column("besteed_bedrag", Geld, nullable=False),
    Column("budget_bedrag", Geld, nullable=False),
    Column("overschreden", Boolean, nullable=False),
    Column("frequentie_per_jaar", Integer, nullable=True),
    Column("frequentie_antwoord", String(30), nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _tijd("gecontroleerd_op"),
    Index("ix_bestedingscontroles_budget", "budget_id"),
)

# The SVB feed: every change of a beschikt budget appends the full current state. Read by range
# on the identity (per gemeente), so a page is an index range scan.
svb_toekenningen = Table(
    "svb_toekenningen",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("budget_id", UUID(as_uuid=True), ForeignKey("pgb.budgetten.id"), nullable=False),
    Column("versie", Integer, nullable=False),
    Column("beschikking_id", UUID(as_uuid=True), nullable=True),
    Column("zorgfunctie", String(2), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("bedrag", Geld, nullable=False),
    Column("ingetrokken", Boolean, nullable=False, server_default=text("false")),
    _tijd("geregistreerd_op"),
    Index("ix_svb_toekenningen_gemeente_volgnummer", "gemeente", "volgnummer"),
)

# SVB budgetafsluitberichten: stored once per berichtId, with the answer per line.
svb_budgetafsluitingen = Table(
    "svb_budgetafsluitingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bericht_id", String(100), nullable=False),
    Column("bericht", JSONB, nullable=False),
    Column("antwoord", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _tijd("ontvangen_op"),
    UniqueConstraint("gemeente", "bericht_id", name="uq_svb_budgetafsluitingen_bericht"),
)

svb_budgetafsluiting_regels = Table(
    "svb_budgetafsluiting_regels",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("afsluiting_id", UUID(as_uuid=True), nullable=False),
    Column("regelnummer", Integer, nullable=False),
    Column("budget_id", UUID(as_uuid=True), nullable=False),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("besteed_bedrag", Geld, nullable=False),
    Column("status", String(20), nullable=False),
    Column("overschreden", Boolean, nullable=False, server_default=text("false")),
    Column("reden", Text, nullable=True),
    ForeignKeyConstraint(["afsluiting_id"], ["pgb.svb_budgetafsluitingen.id"]),
    _in("status", ("geaccepteerd", "afgewezen"), "ck_svb_budgetafsluiting_regels_status"),
    UniqueConstraint("afsluiting_id", "regelnummer", name="uq_svb_budgetafsluiting_regel"),
)

# Alerts for the gemeente's budget control: spending above the budget.
budget_signaleringen = Table(
    "budget_signaleringen",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("budget_id", UUID(as_uuid=True), ForeignKey("pgb.budgetten.id"), nullable=False),
    Column("soort", String(30), nullable=False),
    Column("bron", String(100), nullable=False),  # e.g. svb-budgetafsluiting:<berichtId>
    Column("besteed_bedrag", Geld, nullable=False),
    Column("budget_bedrag", Geld, nullable=False),
    _tijd("aangemaakt_op"),
    _in("soort", ("overschrijding",), "ck_budget_signaleringen_soort"),
    Index("ix_budget_signaleringen_budget", "budget_id"),
)
