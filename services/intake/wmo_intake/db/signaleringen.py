"""The queries behind a case worker's signaleringen (issue 14.3), each over the meldingen the
worker handles (``meldingen.behandelaar_sub``, indexed with the gemeente): the provider's
reports on an opdracht (acceptatie or weigering, zorgplan, opzegging), the no-shows a WMO323
declared three or more times in a month (AAN-05, stored in ``no_show_signaleringen``), events a
receiver refused (parked in the outbox), open bezwaren; and which signaleringen the worker
marked as seen (``signalering_gezien``). Terms come from ``db.werkvoorraad``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    PrimaryKeyConstraint,
    String,
    Table,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.kolommen import gemeente_kolom
from wmo_intake.db.models import beschikkingen, meldingen, metadata, opdrachten, outbox
from wmo_intake.db.no_show_signaleringen import no_show_signaleringen
from wmo_intake.db.rijen import Rij, alle, eerste
from wmo_shared.outbox import PARKED

MAX = 200  # per kind: a worker's list, not a report

signalering_gezien = Table(
    "signalering_gezien",
    metadata,
    gemeente_kolom(),
    Column("sub", String(200), nullable=False),
    Column("sleutel", String(200), nullable=False),
    Column("gezien_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    PrimaryKeyConstraint("gemeente", "sub", "sleutel", name="pk_signalering_gezien"),
)
Index("ix_opdrachten_melding", opdrachten.c.melding_id)


def _mijn(gemeente: str, sub: str) -> Any:
    m = meldingen
    return (m.c.gemeente == gemeente) & (m.c.behandelaar_sub == sub)


async def aanbiedersberichten(conn: AsyncConnection, gemeente: str, sub: str) -> list[Rij]:
    """(id, melding_id, client_id, reactie, zorgplan_ontvangen, opzegging, aanbieder_agb) of
    the opdrachten of the worker's meldingen the provider answered or reported on."""
    o, m = opdrachten, meldingen
    query = (
        select(
            o.c.id,
            o.c.melding_id,
            m.c.client_id,
            o.c.reactie,
            o.c.zorgplan_ontvangen,
            o.c.opzegging,
            o.c.aanbieder_agb,
        )
        .join(m, m.c.id == o.c.melding_id)
        .where(
            _mijn(gemeente, sub),
            or_(
                o.c.reactie.is_not(None),
                o.c.zorgplan_ontvangen.is_not(None),
                o.c.opzegging.is_not(None),
            ),
        )
        .order_by(o.c.id)
        .limit(MAX)
    )
    return await alle(conn, query)


async def no_shows(conn: AsyncConnection, gemeente: str, sub: str) -> list[Rij]:
    """(id, melding_id, client_id, afzender, jaar, maand, aantal, bijgewerkt) of the no-show
    signaleringen (AAN-05) on the opdrachten of the worker's meldingen."""
    n, o, m = no_show_signaleringen, opdrachten, meldingen
    query = (
        select(
            n.c.id,
            o.c.melding_id,
            m.c.client_id,
            n.c.afzender,
            n.c.jaar,
            n.c.maand,
            n.c.aantal,
            n.c.bijgewerkt,
        )
        .join(o, o.c.id == n.c.opdracht_id)
        .join(m, m.c.id == o.c.melding_id)
        .where(_mijn(gemeente, sub), n.c.gemeente == gemeente)
        .order_by(n.c.id)
        .limit(MAX)
    )
    return await alle(conn, query)


async def geweigerde_gebeurtenissen(conn: AsyncConnection, gemeente: str, sub: str) -> list[Rij]:
    """(id, event_type, destination, laatste_fout, aangemaakt, melding_id, client_id) of the
    events about the worker's cases that a receiver refused (parked, not discarded)."""
    o, b, m = outbox, beschikkingen, meldingen
    query = (
        select(
            o.c.id,
            o.c.event_type,
            o.c.destination,
            o.c.laatste_fout,
            o.c.aangemaakt,
            b.c.melding_id,
            m.c.client_id,
        )
        .join(b, cast(b.c.id, String) == o.c.payload["beschikkingId"].astext)
        .join(m, m.c.id == b.c.melding_id)
        .where(
            o.c.gemeente == gemeente,
            o.c.afgeleverd.is_(None),
            o.c.verworpen.is_(None),
            o.c.volgende_poging >= PARKED,
            _mijn(gemeente, sub),
        )
        .order_by(o.c.id)
        .limit(MAX)
    )
    return await alle(conn, query)


async def open_bezwaren(conn: AsyncConnection, gemeente: str, sub: str) -> list[Rij]:
    """(id, melding_id, client_id, ontvangstdatum) of the open bezwaren of the worker's cases."""
    bz, m = bezwaren, meldingen
    query = (
        select(bz.c.id, bz.c.melding_id, m.c.client_id, bz.c.ontvangstdatum)
        .join(m, m.c.id == bz.c.melding_id)
        .where(_mijn(gemeente, sub), bz.c.uitkomst.is_(None))
        .order_by(bz.c.ontvangstdatum, bz.c.id)
        .limit(MAX)
    )
    return await alle(conn, query)


async def gezien(conn: AsyncConnection, gemeente: str, sub: str) -> set[str]:
    g = signalering_gezien
    rows = await alle(conn, select(g.c.sleutel).where(g.c.gemeente == gemeente, g.c.sub == sub))
    return {r.sleutel for r in rows}


async def markeer_gezien(
    conn: AsyncConnection, gemeente: str, sub: str, sleutel: str
) -> dt.datetime:
    """When the worker first marked it as seen."""
    g = signalering_gezien
    await conn.execute(
        pg_insert(g)
        .values(gemeente=gemeente, sub=sub, sleutel=sleutel)
        .on_conflict_do_nothing(constraint="pk_signalering_gezien")
    )
    row = await eerste(
        conn,
        select(g.c.gezien_op).where(
            g.c.gemeente == gemeente, g.c.sub == sub, g.c.sleutel == sleutel
        ),
    )
    assert row is not None
    moment: dt.datetime = row.gezien_op
    return moment
