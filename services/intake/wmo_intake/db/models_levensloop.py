"""Intake's tables of what happens to a cliënt and a voorziening over time: early endings of a
maatwerkvoorziening (issue 12.4), and the history of a cliënt's data and representatives
(issue 12.7)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB, UUID

from wmo_intake.db.schema import _aangemaakt, _check_in, _id, metadata

GRONDEN_BEEINDIGING = ("intrekking", "herziening", "overlijden", "verhuizing")

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
