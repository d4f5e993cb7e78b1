"""Queries on meldingen (the case), their history of steps (zaakgebeurtenissen) and the
persoonlijke plannen received with them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    clientondersteuner_toestemmingen,
    meldingen,
    persoonlijke_plannen,
    zaakgebeurtenissen,
)
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def insert_melding(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(meldingen).values(**values).returning(meldingen))


async def melding(
    conn: AsyncConnection, gemeente: str, melding_id: uuid.UUID, *, lock: bool = False
) -> Rij | None:
    """The melding of the gemeente; ``lock``: SELECT ... FOR UPDATE until the transaction ends."""
    query = select(meldingen).where(meldingen.c.id == melding_id, meldingen.c.gemeente == gemeente)
    if lock:
        query = query.with_for_update()
    return await eerste(conn, query)


async def herlees(conn: AsyncConnection, melding_id: uuid.UUID) -> Rij:
    return await een(conn, select(meldingen).where(meldingen.c.id == melding_id))


async def meldingen_van_client(
    conn: AsyncConnection,
    gemeente: str,
    client_id: uuid.UUID,
    *,
    ondersteuner: str | None = None,
    geclaimd: Sequence[uuid.UUID] = (),
) -> list[Rij]:
    """The client's meldingen, oldest first. With ``ondersteuner`` (a cliëntondersteuner's sub)
    only when the client consented: a recorded toestemming, or a client id in ``geclaimd``
    (the token's claim)."""
    clause: ColumnElement[bool] = meldingen.c.gemeente == gemeente
    if ondersteuner is not None:
        t = clientondersteuner_toestemmingen
        consent: ColumnElement[bool] = meldingen.c.client_id.in_(
            select(t.c.client_id).where(
                and_(
                    t.c.gemeente == gemeente,
                    t.c.ondersteuner_sub == ondersteuner,
                    t.c.ingetrokken_op.is_(None),
                )
            )
        )
        if geclaimd:
            consent = or_(consent, meldingen.c.client_id.in_(list(geclaimd)))
        clause = and_(clause, consent)
    query = (
        select(meldingen)
        .where(clause, meldingen.c.client_id == client_id)
        .order_by(meldingen.c.ontvangstdatum, meldingen.c.id)
    )
    return await alle(conn, query)


async def zet_spoedgrond(
    conn: AsyncConnection, melding_id: uuid.UUID, spoedgrond: dict[str, Any], urgentie: str
) -> Rij:
    query = (
        update(meldingen)
        .where(meldingen.c.id == melding_id)
        .values(spoedgrond=spoedgrond, urgentie=urgentie)
        .returning(meldingen)
    )
    return await een(conn, query)


async def verhoog_versie(conn: AsyncConnection, melding_id: uuid.UUID) -> None:
    await conn.execute(
        update(meldingen).where(meldingen.c.id == melding_id).values(versie=meldingen.c.versie + 1)
    )


async def zet_status(
    conn: AsyncConnection, melding_id: uuid.UUID, status: str, gewijzigd: dt.datetime
) -> None:
    await conn.execute(
        update(meldingen)
        .where(meldingen.c.id == melding_id)
        .values(status=status, versie=meldingen.c.versie + 1, gewijzigd=gewijzigd)
    )


async def insert_gebeurtenis(
    conn: AsyncConnection,
    melding_id: uuid.UUID,
    *,
    van: str,
    gebeurtenis: str,
    naar: str,
    regels: list[dict[str, str]],
    sub: str,
) -> None:
    await conn.execute(
        insert(zaakgebeurtenissen).values(
            melding_id=melding_id,
            van=van,
            gebeurtenis=gebeurtenis,
            naar=naar,
            regels=regels,
            sub=sub,
        )
    )


async def gebeurtenisregels(conn: AsyncConnection, melding_id: uuid.UUID) -> list[dict[str, str]]:
    """The rules of every step of the case, in order."""
    g = zaakgebeurtenissen
    rows = (
        await conn.execute(select(g.c.regels).where(g.c.melding_id == melding_id).order_by(g.c.id))
    ).all()
    return [r for h in rows for r in h.regels]


async def plannen(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Rij]:
    t = persoonlijke_plannen
    query = select(t).where(t.c.melding_id == melding_id).order_by(t.c.aangemaakt, t.c.id)
    return await alle(conn, query)


async def insert_plan(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = persoonlijke_plannen
    return await een(conn, insert(t).values(**values).returning(t))


async def open_zaken_van_client(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID
) -> list[Rij]:
    """The cases of the cliënt that have not ended, locked (in a fixed order) to change them."""
    query = (
        select(meldingen)
        .where(
            meldingen.c.gemeente == gemeente,
            meldingen.c.client_id == client_id,
            meldingen.c.status != "beeindigd",
        )
        .order_by(meldingen.c.id)
        .with_for_update()
    )
    return await alle(conn, query)
