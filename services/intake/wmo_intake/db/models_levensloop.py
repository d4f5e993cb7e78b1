"""Intake's tables of what happens to a cliënt and a voorziening over time: early endings of a
maatwerkvoorziening (issue 12.4), and the history of a cliënt's data and representatives
(issue 12.7)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from wmo_intake.db.schema import _aangemaakt, _check_in, _id, metadata

GRONDEN_BEEINDIGING = ("intrekking", "herziening", "overlijden", "verhuizing", "inname")

beeindigingen = Table(
    "beeindigingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column(
        "maatwerkvoorziening_id",
        UUID(as_uuid=True),
        ForeignKey("maatwerkvoorzieningen.id"),
        nullable=False,
    ),
    Column("grond", String(20), nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("geannuleerd", Boolean, nullable=False),
    Column("beschikking_id", UUID(as_uuid=True), ForeignKey("beschikkingen.id"), nullable=True),
    Column("regels", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _aangemaakt(),
    _check_in("grond", GRONDEN_BEEINDIGING, "ck_beeindigingen_grond"),
    UniqueConstraint("maatwerkvoorziening_id", name="uq_beeindigingen_voorziening"),
)
"""A running maatwerkvoorziening that ended before its own einddatum (issue 12.4, 12.7): once,
never changed; ``geannuleerd`` when it never ran (einddatum = its begindatum)."""

# --- the history of a cliënt's data (issue 12.7) ----------------------------------------------

CLIENTWIJZIGINGEN = (
    "registratie",
    "contactgegevens",
    "verhuizing",
    "vertegenwoordiger",
    "overlijden",
)

client_versies = Table(
    "client_versies",
    metadata,
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), primary_key=True),
    Column("versie", Integer, primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("wijziging", String(30), nullable=False),
    Column("ingangsdatum", Date, nullable=True),
    Column("gegevens", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _aangemaakt(),
    _check_in("wijziging", CLIENTWIJZIGINGEN, "ck_client_versies_wijziging"),
)
"""Every version of a cliënt as it was after each change, never changed: version 1 is the
registration; the row in ``clienten`` is the newest."""

VERTEGENWOORDIGINGEN = ("curator", "mentor", "bewindvoerder")

vertegenwoordigers = Table(
    "vertegenwoordigers",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("organisatie", String(200), nullable=True),
    Column("telefoon", String(30), nullable=True),
    Column("email", String(200), nullable=True),
    Column("ingangsdatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    Column("toelichting", Text, nullable=True),
    Column("einde_reden", Text, nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    _check_in("soort", VERTEGENWOORDIGINGEN, "ck_vertegenwoordigers_soort"),
    Index("ix_vertegenwoordigers_client", "client_id"),
)
"""A wettelijk vertegenwoordiger of the cliënt (curator, mentor, bewindvoerder): a party on
every case of the cliënt from ``ingangsdatum``; ending one sets ``einddatum``, the row stays."""
