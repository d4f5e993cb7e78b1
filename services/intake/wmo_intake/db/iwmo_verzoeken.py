"""Queries on the providers' verzoeken (WMO315 / WMO317), the toewijzingen they are about, and
the WMO319 antwoordberichten sent (``models_iwmo``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import opdrachten
from wmo_intake.db.models_iwmo import iwmo_antwoorden, iwmo_verzoeken
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def gebruikte_referenties(
    conn: AsyncConnection, gemeente: str, aanbieder_agb: str, referenties: Sequence[str]
) -> set[str]:
    """Which of these ReferentieAanbieder values the aanbieder used in an earlier verzoek."""
    v = iwmo_verzoeken
    query = select(v.c.referentie_aanbieder).where(
        v.c.gemeente == gemeente,
        v.c.aanbieder_agb == aanbieder_agb,
        v.c.referentie_aanbieder.in_(list(referenties)),
    )
    return {r.referentie_aanbieder for r in await alle(conn, query)}


async def actuele_toewijzingen(
    conn: AsyncConnection, gemeente: str, aanbieder_agb: str, bsn: str, peildatum: dt.date
) -> list[Rij]:
    """The opdrachten (not refused) of this client at this aanbieder that have not ended
    before the peildatum."""
    o = opdrachten
    einddatum = o.c.gegevens["einddatum"].astext
    query = select(o).where(
        o.c.gemeente == gemeente,
        o.c.aanbieder_agb == aanbieder_agb,
        o.c.status != "geweigerd",
        o.c.gegevens["bsn"].astext == bsn,
        einddatum.is_(None) | (einddatum >= peildatum.isoformat()),
    )
    return await alle(conn, query)


async def opdracht_met_nummer(
    conn: AsyncConnection, gemeente: str, toewijzingnummer: int
) -> Rij | None:
    o = opdrachten
    query = (
        select(o)
        .where(o.c.gemeente == gemeente, o.c.toewijzingnummer == toewijzingnummer)
        .with_for_update()
    )
    return await eerste(conn, query)


async def insert_verzoek(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    v = iwmo_verzoeken
    return await een(conn, insert(v).values(**values).returning(v))


async def verzoek(
    conn: AsyncConnection, gemeente: str, verzoek_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    v = iwmo_verzoeken
    query = select(v).where(v.c.gemeente == gemeente, v.c.id == verzoek_id)
    return await eerste(conn, query.with_for_update() if lock else query)


async def pagina(
    conn: AsyncConnection,
    gemeente: str,
    *,
    status: str | None,
    na: tuple[dt.date, uuid.UUID] | None,
    limit: int,
) -> list[Rij]:
    """Up to ``limit`` + 1 verzoeken by answer term, then id, after the cursor ``na``."""
    v = iwmo_verzoeken
    query = select(v).where(v.c.gemeente == gemeente)
    if status is not None:
        query = query.where(v.c.status == status)
    if na is not None:
        datum, vorig = na
        query = query.where(
            (v.c.antwoord_uiterlijk > datum)
            | ((v.c.antwoord_uiterlijk == datum) & (v.c.id > vorig))
        )
    query = query.order_by(v.c.antwoord_uiterlijk, v.c.id).limit(limit + 1)
    return await alle(conn, query)


async def wijzig(conn: AsyncConnection, verzoek_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    v = iwmo_verzoeken
    query = update(v).where(v.c.id == verzoek_id).values(**values).returning(v)
    return await een(conn, query)


async def insert_antwoord(conn: AsyncConnection, values: dict[str, Any]) -> int:
    a = iwmo_antwoorden
    row = await een(conn, insert(a).values(**values).returning(a.c.volgnummer))
    volgnummer: int = row.volgnummer
    return volgnummer


async def antwoorden_pagina(
    conn: AsyncConnection, gemeente: str, vanaf: int, limit: int
) -> list[Rij]:
    """Up to ``limit`` + 1 WMO319s sent after volgnummer ``vanaf``, in order."""
    a = iwmo_antwoorden
    query = (
        select(a)
        .where(a.c.gemeente == gemeente, a.c.volgnummer > vanaf)
        .order_by(a.c.volgnummer)
        .limit(limit + 1)
    )
    return await alle(conn, query)
