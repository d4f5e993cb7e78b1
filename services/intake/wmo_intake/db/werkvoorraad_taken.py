"""The werkvoorraad kept as a table (issue 17.3): one row per open term, exactly the rows of the
live query (``db.werkvoorraad._taken``) with the behandelaar and team of the row's melding. The
live query unions fifteen sources and sorted every open term of a gemeente for each page (at a
million cases 3 pages a second for the whole gemeente); this table is read by index in the order
of the cursor. It is kept by deferred triggers that recompute the rows of every melding (or, for
terms that belong to no melding, of the gemeente and soort) a transaction touched, with the live
query itself, at commit (``db.werkvoorraad_bijhouden``)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, Identity, Index, String, Table
from sqlalchemy.dialects.postgresql import UUID

from wmo_intake.db.kolommen import gemeente_kolom
from wmo_intake.db.models import metadata

werkvoorraad_taken = Table(
    "werkvoorraad_taken",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    gemeente_kolom(),
    Column("soort", String(30), nullable=False),
    Column("melding_id", UUID(as_uuid=True), nullable=True),
    Column("referentie", String, nullable=False),
    Column("client_id", UUID(as_uuid=True), nullable=True),
    Column("uiterlijk", Date, nullable=True),
    Column("behandelaar_sub", String(200), nullable=True),
    Column("team", String(100), nullable=True),
    # Every view in the order of the cursor (uiterlijk, soort, referentie): the gemeente's, one
    # behandelaar's (or nobody's: behandelaar_sub IS NULL), a team's, one soort's.
    Index("ix_werkvoorraad_taken_termijn", "gemeente", "uiterlijk", "soort", "referentie"),
    Index(
        "ix_werkvoorraad_taken_behandelaar",
        "gemeente",
        "behandelaar_sub",
        "uiterlijk",
        "soort",
        "referentie",
    ),
    Index("ix_werkvoorraad_taken_team", "gemeente", "team", "uiterlijk", "soort", "referentie"),
    Index("ix_werkvoorraad_taken_soort", "gemeente", "soort", "uiterlijk", "referentie"),
    Index("ix_werkvoorraad_taken_melding", "melding_id"),
)
