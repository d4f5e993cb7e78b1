"""The queries of a resident's dossier (issue 14.1): everything intake holds about one cliënt in
one gemeente, a statement per kind, each through an index on the cliënt or the melding."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.brieven import brieven
from wmo_intake.db.klachten import klachten
from wmo_intake.db.models import (
    aanvragen,
    beeindigingen,
    beschikkingen,
    maatwerkvoorzieningen,
    meldingen,
    netwerkleden,
    onderzoeken,
    opdrachten,
)
from wmo_intake.db.rijen import Rij, alle
from wmo_intake.db.werkvoorraad import _taken


async def netwerk(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> list[Rij]:
    t = netwerkleden
    query = (
        select(t)
        .where(t.c.client_id == client_id, t.c.gemeente == gemeente)
        .order_by(t.c.aangemaakt, t.c.id)
    )
    return await alle(conn, query)


async def zaken(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> list[Rij]:
    m = meldingen
    query = (
        select(m)
        .where(m.c.client_id == client_id, m.c.gemeente == gemeente)
        .order_by(m.c.ontvangstdatum, m.c.aangemaakt)
    )
    return await alle(conn, query)


async def _per_melding(
    conn: AsyncConnection, table: Any, melding_ids: list[uuid.UUID], *order: Any
) -> list[Rij]:
    if not melding_ids:
        return []
    return await alle(
        conn, select(table).where(table.c.melding_id.in_(melding_ids)).order_by(*order)
    )


async def onderzoeken_van(conn: AsyncConnection, melding_ids: list[uuid.UUID]) -> list[Rij]:
    o = onderzoeken
    return await _per_melding(conn, o, melding_ids, o.c.startdatum, o.c.id)


async def aanvragen_van(conn: AsyncConnection, melding_ids: list[uuid.UUID]) -> list[Rij]:
    a = aanvragen
    return await _per_melding(conn, a, melding_ids, a.c.ontvangstdatum, a.c.id)


async def beschikkingen_van(conn: AsyncConnection, melding_ids: list[uuid.UUID]) -> list[Rij]:
    b = beschikkingen
    return await _per_melding(conn, b, melding_ids, b.c.besluitdatum, b.c.aangemaakt)


async def bezwaren_van(conn: AsyncConnection, melding_ids: list[uuid.UUID]) -> list[Rij]:
    z = bezwaren
    return await _per_melding(conn, z, melding_ids, z.c.ontvangstdatum, z.c.id)


async def opdrachten_van(conn: AsyncConnection, melding_ids: list[uuid.UUID]) -> list[Rij]:
    o = opdrachten
    return await _per_melding(conn, o, melding_ids, o.c.verstrekt_op)


async def voorzieningen_van(conn: AsyncConnection, beschikking_ids: list[uuid.UUID]) -> list[Rij]:
    """The maatwerkvoorzieningen with the early ending (beëindiging) each may have."""
    if not beschikking_ids:
        return []
    v, e = maatwerkvoorzieningen, beeindigingen
    query = (
        select(
            v,
            e.c.einddatum.label("beeindigd_op"),
            e.c.grond.label("beeindigingsgrond"),
        )
        .outerjoin(e, e.c.maatwerkvoorziening_id == v.c.id)
        .where(v.c.beschikking_id.in_(beschikking_ids))
        .order_by(v.c.begindatum, v.c.volgnummer)
    )
    return await alle(conn, query)


async def brieven_van(
    conn: AsyncConnection, gemeente: str, onderwerp_ids: list[uuid.UUID]
) -> list[Rij]:
    """The stored letters (kenmerk, date, hash; not the bytes) of beschikkingen and bezwaren."""
    if not onderwerp_ids:
        return []
    b = brieven
    query = select(
        b.c.id, b.c.onderwerp, b.c.onderwerp_id, b.c.soort, b.c.kenmerk, b.c.datum, b.c.sha256
    ).where(b.c.gemeente == gemeente, b.c.onderwerp_id.in_(onderwerp_ids))
    return await alle(conn, query)


async def klachten_van(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> list[Rij]:
    k = klachten
    query = (
        select(k)
        .where(k.c.gemeente == gemeente, k.c.client_id == client_id)
        .order_by(k.c.ontvangstdatum, k.c.id)
    )
    return await alle(conn, query)


async def open_termijnen(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> list[Rij]:
    """The cliënt's rows of the werkvoorraad (soort, melding_id, referentie, uiterlijk), the
    werkvoorraad narrowed to the cliënt's meldingen (read through their index)."""

    def van_client(m: Table) -> ColumnElement[bool]:
        return m.c.client_id == client_id

    t = _taken(gemeente, van_client)
    query = (
        select(t.c.soort, t.c.melding_id, t.c.referentie, t.c.uiterlijk)
        .where(t.c.client_id == client_id)
        .order_by(t.c.uiterlijk, t.c.soort, t.c.referentie)
    )
    return await alle(conn, query)
