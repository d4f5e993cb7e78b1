"""Which cliënten are past their bewaartermijn (issue 14.5): nothing of theirs is open (no
running voorziening, no open melding, bezwaar or klacht) and their last activity lies on or
before ``grens``, the latest end past the bewaartermijn on the peildatum. One statement, rows
(soort, id, einddatum) keyset-paged on (soort, id) like the other services' parts."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, and_, cast, exists, func, literal, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.klachten import klachten
from wmo_intake.db.models import beeindigingen, beschikkingen, clienten, maatwerkvoorzieningen
from wmo_intake.db.models import meldingen as m
from wmo_intake.db.rijen import Rij, alle

OPEN = ("melding", "onderzoek", "aanvraag", "tijdelijke_voorziening", "herindicatie")


async def kandidaten(
    conn: AsyncConnection,
    gemeente: str,
    peildatum: dt.date,
    grens: dt.date,
    na: tuple[str, uuid.UUID] | None,
    limit: int,
    client_id: uuid.UUID | None = None,
) -> list[Rij]:
    """Up to ``limit`` + 1 rows (soort, id, einddatum) whose last activity lies on or before
    ``grens``, after (soort, id) ``na``; with ``client_id`` only that cliënt."""
    c, v, e, b, z, k = (
        clienten,
        maatwerkvoorzieningen,
        beeindigingen,
        beschikkingen,
        bezwaren,
        klachten,
    )
    einde = func.coalesce(e.c.einddatum, v.c.einddatum)
    van_client = and_(
        b.c.id == v.c.beschikking_id, m.c.id == b.c.melding_id, m.c.client_id == c.c.id
    )
    voorzieningen = (
        select(func.max(einde)).select_from(v.outerjoin(e, e.c.maatwerkvoorziening_id == v.c.id))
    ).where(van_client)
    lopend = (
        select(v.c.id)
        .select_from(v.outerjoin(e, e.c.maatwerkvoorziening_id == v.c.id))
        .where(van_client, or_(einde.is_(None), einde >= peildatum))
        .exists()
    )
    laatste = func.greatest(
        cast(c.c.gewijzigd, Date),
        select(cast(func.max(m.c.gewijzigd), Date))
        .where(m.c.client_id == c.c.id)
        .scalar_subquery(),
        select(func.max(z.c.beslisdatum))
        .where(z.c.melding_id == m.c.id, m.c.client_id == c.c.id)
        .scalar_subquery(),
        select(func.max(k.c.afgehandeld_op)).where(k.c.client_id == c.c.id).scalar_subquery(),
        voorzieningen.scalar_subquery(),
    ).label("einddatum")
    open_zaak = exists().where(m.c.client_id == c.c.id, m.c.status.in_(OPEN))
    open_bezwaar = exists().where(
        z.c.melding_id == m.c.id, m.c.client_id == c.c.id, z.c.uitkomst.is_(None)
    )
    open_klacht = exists().where(k.c.client_id == c.c.id, k.c.afgehandeld_op.is_(None))
    inner = (
        select(literal("client").label("soort"), c.c.id.label("id"), laatste)
        .where(c.c.gemeente == gemeente, ~lopend, ~open_zaak, ~open_bezwaar, ~open_klacht)
        .subquery()
    )
    query = select(inner).where(inner.c.einddatum <= grens)
    if client_id is not None:
        query = query.where(inner.c.id == client_id)
    if na is not None:
        volgt = tuple_(inner.c.soort, inner.c.id) > tuple_(literal(na[0]), literal(na[1]))
        query = query.where(volgt)
    return await alle(conn, query.order_by(inner.c.soort, inner.c.id).limit(limit + 1))
