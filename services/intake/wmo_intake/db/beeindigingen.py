"""Queries on the endings of maatwerkvoorzieningen (each ends once) and on which of a cliënt's
voorzieningen still run."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, exists, insert, not_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    beeindigingen,
    beschikkingen,
    maatwerkvoorzieningen,
    meldingen,
    opdrachten,
)
from wmo_intake.db.rijen import Rij, alle, eerste

LOPENDE_OPDRACHT = ("verstrekt", "geaccepteerd")


async def van_voorziening(conn: AsyncConnection, voorziening_id: uuid.UUID) -> Rij | None:
    query = select(beeindigingen).where(beeindigingen.c.maatwerkvoorziening_id == voorziening_id)
    return await eerste(conn, query)


async def insert_beeindiging(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    """Record the ending (the caller checked, under the lock of the case, that there is none)."""
    t = beeindigingen
    row: Rij = (await conn.execute(insert(t).values(**values).returning(t))).one()
    return row


def _lopend() -> Any:
    """The voorziening ``maatwerkvoorzieningen`` has not ended early: no ending recorded, not
    replaced by a sent herziening, not withdrawn by a sent intrekking (the last two for cases
    decided before endings were recorded)."""
    v = maatwerkvoorzieningen
    nieuw = maatwerkvoorzieningen.alias("nieuw")
    herziening = beschikkingen.alias("herziening")
    intrekking = beschikkingen.alias("intrekking")
    return and_(
        not_(exists().where(beeindigingen.c.maatwerkvoorziening_id == v.c.id)),
        not_(
            exists()
            .where(nieuw.c.vervangt_id == v.c.id)
            .where(herziening.c.id == nieuw.c.beschikking_id)
            .where(herziening.c.verzonden_op.is_not(None))
        ),
        not_(
            exists().where(
                intrekking.c.soort == "intrekking",
                intrekking.c.vorige_beschikking_id == v.c.beschikking_id,
                intrekking.c.verzonden_op.is_not(None),
            )
        ),
    )


async def lopende_voorzieningen(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID
) -> list[Rij]:
    """The maatwerkvoorzieningen of the cliënt's sent toekenningen and herzieningen in this
    gemeente that have not ended early (their own einddatum is the caller's to weigh)."""
    v, b, m = maatwerkvoorzieningen, beschikkingen, meldingen
    query = (
        select(v)
        .join(b, b.c.id == v.c.beschikking_id)
        .join(m, m.c.id == b.c.melding_id)
        .where(
            m.c.gemeente == gemeente,
            m.c.client_id == client_id,
            b.c.verzonden_op.is_not(None),
            b.c.soort.in_(("toekenning", "herziening")),
            _lopend(),
        )
        .order_by(b.c.besluitdatum, v.c.volgnummer)
    )
    return await alle(conn, query)


async def lopende_opdrachten(conn: AsyncConnection, voorziening_id: uuid.UUID) -> list[Rij]:
    """The opdrachten of a voorziening the provider delivers or may still accept, locked."""
    o = opdrachten
    query = (
        select(o)
        .where(o.c.maatwerkvoorziening_id == voorziening_id, o.c.status.in_(LOPENDE_OPDRACHT))
        .order_by(o.c.toewijzingnummer)
        .with_for_update()
    )
    return await alle(conn, query)
