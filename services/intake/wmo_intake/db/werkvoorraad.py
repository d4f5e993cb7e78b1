"""The query of the werkvoorraad: the open work of a gemeente, one row per deadline (onderzoek,
beschikking, zorgplan, herindicatie, and the terms of the legal side in
``db.werkvoorraad_awb``), ordered by deadline with a keyset cursor. An aanvraag that came while
the onderzoek ran shows both terms: the beschikking (INT-03, from the aanvraag) and the
onderzoek (INT-01) until it is finished. ``_taken`` is the live query; the pages are read from
``werkvoorraad_taken``, which the triggers of ``db.werkvoorraad_bijhouden`` keep equal to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import (
    ColumnElement,
    Exists,
    String,
    Subquery,
    Table,
    cast,
    func,
    literal,
    not_,
    select,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.evaluaties import evaluatie_taken
from wmo_intake.db.models import (
    aanvragen,
    beschikkingen,
    maatwerkvoorzieningen,
    meldingen,
    onderzoeken,
    opdrachten,
)
from wmo_intake.db.rijen import Rij, alle
from wmo_intake.db.werkvoorraad_aanbieders import aanbieder_taken
from wmo_intake.db.werkvoorraad_awb import Gemeente, awb_taken
from wmo_intake.db.werkvoorraad_awb import Wie as Wie
from wmo_intake.db.werkvoorraad_iwmo import iwmo_taken
from wmo_intake.db.werkvoorraad_taken import werkvoorraad_taken

ALLE: Wie = None


def wie_filter(
    *, behandelaar: str | None = None, niemand: bool = False, team: str | None = None
) -> Callable[[Table], ColumnElement[bool]] | None:
    """Whose work (issue 14.3), as a condition on the melding of each row: the behandelaar's,
    the team's, or that of nobody (no behandelaar); None: everyone's."""
    if behandelaar is None and team is None and not niemand:
        return None

    def wie(m: Table) -> ColumnElement[bool]:
        conditie: ColumnElement[bool] = true()
        if behandelaar is not None:
            conditie = conditie & (m.c.behandelaar_sub == behandelaar)
        if niemand:
            conditie = conditie & m.c.behandelaar_sub.is_(None)
        if team is not None:
            conditie = conditie & (m.c.team == team)
        return conditie

    return wie


def _onderzoek_af(m: Table) -> Exists:
    """The melding's onderzoek is finished (``gereed``)."""
    o = onderzoeken
    return (
        select(o.c.id).where(o.c.melding_id == m.c.id, o.c.uitkomst["gereed"].as_boolean()).exists()
    )


def _besloten(m: Table) -> Exists:
    """The melding had a beschikking sent (a herindicatie's aanvraag is past the onderzoek)."""
    b = beschikkingen
    return select(b.c.id).where(b.c.melding_id == m.c.id, b.c.verzonden_op.is_not(None)).exists()


def _taken(gemeente: Gemeente, wie: Wie) -> Subquery:
    m, a, b, o, v = meldingen, aanvragen, beschikkingen, opdrachten, maatwerkvoorzieningen
    van = wie(m) if wie is not None else true()
    onderzoek = select(
        literal("onderzoek").label("soort"),
        m.c.id.label("melding_id"),
        cast(m.c.id, String).label("referentie"),
        m.c.client_id,
        m.c.onderzoek_uiterlijk.label("uiterlijk"),
    ).where(
        m.c.gemeente == gemeente,
        van,
        m.c.status.in_(("melding", "onderzoek", "tijdelijke_voorziening"))
        | ((m.c.status == "aanvraag") & not_(_onderzoek_af(m)) & not_(_besloten(m))),
    )
    verzonden = (
        select(b.c.id).where(b.c.aanvraag_id == a.c.id, b.c.verzonden_op.is_not(None)).exists()
    )
    beschikking = (
        select(
            literal("beschikking"),
            a.c.melding_id,
            cast(a.c.id, String),
            m.c.client_id,
            a.c.beschikking_uiterlijk,
        )
        .join(m, m.c.id == a.c.melding_id)
        .where(a.c.gemeente == gemeente, van, not_(verzonden), m.c.status != "beeindigd")
    )
    zorgplan = (
        select(
            literal("zorgplan"),
            o.c.melding_id,
            cast(o.c.id, String),
            m.c.client_id,
            o.c.zorgplan_uiterlijk,
        )
        .join(m, m.c.id == o.c.melding_id)
        .where(
            o.c.gemeente == gemeente,
            van,
            o.c.status.in_(("verstrekt", "geaccepteerd")),
            o.c.zorgplan_ontvangen.is_(None),
        )
    )
    herindicatie = (
        select(
            literal("herindicatie"),
            b.c.melding_id,
            cast(v.c.id, String),
            m.c.client_id,
            v.c.einddatum,
        )
        .join(b, b.c.id == v.c.beschikking_id)
        .join(m, m.c.id == b.c.melding_id)
        .where(
            v.c.gemeente == gemeente,
            van,
            v.c.einddatum.is_not(None),
            b.c.verzonden_op.is_not(None),
            m.c.status.in_(("beschikking", "opdracht")),
        )
    )
    return union_all(
        onderzoek,
        beschikking,
        zorgplan,
        herindicatie,
        evaluatie_taken(gemeente, van),
        *awb_taken(gemeente, wie),
        *aanbieder_taken(gemeente, wie),
        *(iwmo_taken(gemeente) if wie is None else []),
    ).subquery("taken")


async def taken(
    conn: AsyncConnection,
    gemeente: str,
    *,
    soort: str | None,
    uiterlijk_van: dt.date | None,
    uiterlijk_tot: dt.date | None,
    na: tuple[dt.date, str, str] | None,
    limit: int,
    wie: Wie = ALLE,
) -> list[Rij]:
    """Up to ``limit`` + 1 tasks (soort, melding_id, referentie, client_id, uiterlijk) with a
    deadline between ``uiterlijk_van`` and ``uiterlijk_tot`` (inclusive, open when None), after
    the cursor position ``na`` (uiterlijk, soort, referentie); ``wie``: whose (``wie_filter``).
    Read from ``werkvoorraad_taken`` (the rows of ``_taken``), by index in the cursor's order."""
    t = werkvoorraad_taken
    query = select(t.c.soort, t.c.melding_id, t.c.referentie, t.c.client_id, t.c.uiterlijk).where(
        t.c.gemeente == gemeente
    )
    if wie is not None:
        # the behandelaar and team of the row's melding, kept on the row; a term of no melding
        # (klacht, kwaliteitsbewijs, iWmo-verzoek) is only in the gemeente's whole werkvoorraad
        query = query.where(t.c.melding_id.is_not(None), wie(t))
    if soort:
        query = query.where(t.c.soort == soort)
    if uiterlijk_van is not None:
        query = query.where(t.c.uiterlijk >= uiterlijk_van)
    if uiterlijk_tot is not None:
        query = query.where(t.c.uiterlijk <= uiterlijk_tot)
    if na is not None:
        # a row comparison: the index is entered at the cursor, not read from the start
        query = query.where(tuple_(t.c.uiterlijk, t.c.soort, t.c.referentie) > tuple_(*na))
    query = query.order_by(t.c.uiterlijk, t.c.soort, t.c.referentie).limit(limit + 1)
    return await alle(conn, query)


async def verlopen_per_soort(conn: AsyncConnection, gemeente: str, peildatum: dt.date) -> list[Rij]:
    """(soort, aantal): the open tasks whose deadline lies before ``peildatum`` (the metric
    ``wmo_werkvoorraad_termijnen_verlopen``; the same rows as ``status=verlopen``)."""
    t = werkvoorraad_taken
    query = (
        select(t.c.soort, func.count().label("aantal"))
        .where(t.c.gemeente == gemeente, t.c.uiterlijk < peildatum)
        .group_by(t.c.soort)
    )
    return await alle(conn, query)
