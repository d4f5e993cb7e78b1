"""Evaluaties of running maatwerkvoorzieningen (issue 14.4): each evaluatie with its
doelrealisatie and uitkomst, the next review kept on the voorziening
(``maatwerkvoorzieningen.volgende_evaluatie``, indexed per gemeente for the werkvoorraad), and
the goals an evaluatie rates: the doelen of the voorziening's opdrachten, else the
resultaatgebieden of the onderzoek."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Select,
    String,
    Table,
    Text,
    cast,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.beeindigingen import _lopend
from wmo_intake.db.kolommen import aangemaakt_kolom, gemeente_kolom, id_kolom, regels_kolom
from wmo_intake.db.models import (
    beschikkingen,
    maatwerkvoorzieningen,
    meldingen,
    metadata,
    onderzoeken,
    opdrachten,
)
from wmo_intake.db.rijen import Rij, alle, een, eerste

maatwerkvoorzieningen.append_column(Column("volgende_evaluatie", Date, nullable=True))
Index(
    "ix_maatwerkvoorzieningen_evaluatie",
    maatwerkvoorzieningen.c.gemeente,
    maatwerkvoorzieningen.c.volgende_evaluatie,
    postgresql_where=maatwerkvoorzieningen.c.volgende_evaluatie.is_not(None),
)

# Whether a voorziening still runs (``_lopend``) asks whether a herziening replaced it or an
# intrekking withdrew it: by index, not by reading every voorziening and beschikking.
Index("ix_maatwerkvoorzieningen_vervangt", maatwerkvoorzieningen.c.vervangt_id)
Index("ix_beschikkingen_vorige", beschikkingen.c.vorige_beschikking_id)

evaluaties = Table(
    "evaluaties",
    metadata,
    id_kolom(),
    gemeente_kolom(),
    Column(
        "maatwerkvoorziening_id",
        UUID(as_uuid=True),
        ForeignKey("maatwerkvoorzieningen.id"),
        nullable=False,
    ),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("evaluatiedatum", Date, nullable=False),
    Column("doelrealisatie", JSONB, nullable=False),
    Column("uitkomst", String(20), nullable=False),
    Column("toelichting", Text, nullable=False),
    Column("duurcategorie", String(20), nullable=True),
    Column("volgende_evaluatie", Date, nullable=True),
    Column("sub", String(200), nullable=False),
    regels_kolom(),
    aangemaakt_kolom(),
    Index("ix_evaluaties_voorziening", "maatwerkvoorziening_id", "evaluatiedatum"),
)


async def voorziening(
    conn: AsyncConnection, gemeente: str, voorziening_id: uuid.UUID
) -> Rij | None:
    """The voorziening of the gemeente with its melding_id, whether its beschikking was sent
    (``verzonden``) and whether it still runs (``lopend``)."""
    v, b = maatwerkvoorzieningen, beschikkingen
    query = (
        select(
            v,
            b.c.melding_id,
            b.c.verzonden_op.is_not(None).label("verzonden"),
            _lopend().label("lopend"),
        )
        .join(b, b.c.id == v.c.beschikking_id)
        .where(v.c.id == voorziening_id, v.c.gemeente == gemeente)
    )
    return await eerste(conn, query)


async def doelen(
    conn: AsyncConnection, voorziening_id: uuid.UUID, melding_id: uuid.UUID
) -> list[str]:
    """The goals of the voorziening: its opdrachten's doelen (not refused), else the
    resultaatgebieden of the melding's onderzoek (``gebied: beschrijving``)."""
    o = opdrachten
    rijen = await alle(
        conn,
        select(o.c.gegevens["doelen"].label("doelen"))
        .where(o.c.maatwerkvoorziening_id == voorziening_id, o.c.status != "geweigerd")
        .order_by(o.c.verstrekt_op),
    )
    uit: list[str] = []
    for r in rijen:
        for d in r.doelen or []:
            if isinstance(d, str) and d not in uit:
                uit.append(d)
    if uit:
        return uit
    rij = await eerste(
        conn, select(onderzoeken.c.invoer).where(onderzoeken.c.melding_id == melding_id)
    )
    for g in (rij.invoer.get("resultaatgebieden") or []) if rij else []:
        doel = (
            f"{g.get('gebied')}: {g['beschrijving']}" if g.get("beschrijving") else g.get("gebied")
        )
        if isinstance(doel, str) and doel not in uit:
            uit.append(doel)
    return uit


async def insert_evaluatie(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(evaluaties).values(**values).returning(evaluaties))


async def zet_volgende(conn: AsyncConnection, voorziening_id: uuid.UUID, datum: Any) -> None:
    v = maatwerkvoorzieningen
    await conn.execute(update(v).where(v.c.id == voorziening_id).values(volgende_evaluatie=datum))


async def evaluatie(conn: AsyncConnection, gemeente: str, evaluatie_id: uuid.UUID) -> Rij | None:
    e = evaluaties
    return await eerste(conn, select(e).where(e.c.id == evaluatie_id, e.c.gemeente == gemeente))


async def van_voorziening(conn: AsyncConnection, voorziening_id: uuid.UUID) -> list[Rij]:
    e = evaluaties
    query = (
        select(e)
        .where(e.c.maatwerkvoorziening_id == voorziening_id)
        .order_by(e.c.evaluatiedatum, e.c.aangemaakt)
    )
    return await alle(conn, query)


def evaluatie_taken(
    gemeente: str | ColumnElement[str], van: ColumnElement[bool]
) -> Select[tuple[Any, ...]]:
    """Werkvoorraad rows (soort, melding_id, referentie, client_id, uiterlijk): the next review
    of every running voorziening that has one planned."""
    v, b, m = maatwerkvoorzieningen, beschikkingen, meldingen
    return (
        select(
            literal("evaluatie"),
            b.c.melding_id,
            cast(v.c.id, String),
            m.c.client_id,
            v.c.volgende_evaluatie,
        )
        .join(b, b.c.id == v.c.beschikking_id)
        .join(m, m.c.id == b.c.melding_id)
        .where(
            v.c.gemeente == gemeente,
            van,
            v.c.volgende_evaluatie.is_not(None),
            b.c.verzonden_op.is_not(None),
            m.c.status != "beeindigd",
            _lopend(),
        )
    )
