"""Queries on cliëntondersteuning: the INT-02 notices of a melding, the organisations a gemeente
designates and the client's consent for a cliëntondersteuner (INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    clientondersteuner_toestemmingen,
    clientondersteuning_berichten,
    clientondersteuning_organisaties,
)
from wmo_intake.db.rijen import Rij, alle, een, eerste


async def berichten(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Rij]:
    t = clientondersteuning_berichten
    query = select(t).where(t.c.melding_id == melding_id).order_by(t.c.aangemaakt, t.c.id)
    return await alle(conn, query)


async def insert_bericht(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = clientondersteuning_berichten
    return await een(conn, insert(t).values(**values).returning(t))


async def organisaties(conn: AsyncConnection, gemeente: str, peildatum: dt.date) -> list[Rij]:
    t = clientondersteuning_organisaties
    query = (
        select(t)
        .where(
            t.c.gemeente == gemeente,
            t.c.geldig_van <= peildatum,
            (t.c.geldig_tot.is_(None)) | (t.c.geldig_tot >= peildatum),
        )
        .order_by(t.c.naam)
    )
    return await alle(conn, query)


async def organisatie_bestaat(conn: AsyncConnection, gemeente: str, naam: str) -> bool:
    t = clientondersteuning_organisaties
    query = select(t.c.id).where(t.c.gemeente == gemeente, t.c.naam == naam)
    return await eerste(conn, query) is not None


async def insert_organisatie(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = clientondersteuning_organisaties
    return await een(conn, insert(t).values(**values).returning(t))


async def heeft_toestemming(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID, ondersteuner: str
) -> bool:
    """A recorded consent of the client for this cliëntondersteuner that was not withdrawn."""
    t = clientondersteuner_toestemmingen
    query = select(t.c.id).where(
        t.c.gemeente == gemeente,
        t.c.client_id == client_id,
        t.c.ondersteuner_sub == ondersteuner,
        t.c.ingetrokken_op.is_(None),
    )
    return await eerste(conn, query) is not None


async def insert_toestemming(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    t = clientondersteuner_toestemmingen
    return await een(conn, insert(t).values(**values).returning(t))


async def trek_toestemming_in(
    conn: AsyncConnection,
    gemeente: str,
    client_id: uuid.UUID,
    toestemming_id: uuid.UUID,
    op: dt.datetime,
) -> Rij | None:
    t = clientondersteuner_toestemmingen
    query = (
        update(t)
        .where(t.c.id == toestemming_id, t.c.client_id == client_id, t.c.gemeente == gemeente)
        .values(ingetrokken_op=op)
        .returning(t)
    )
    return await eerste(conn, query)


async def toestemmingen(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> list[Rij]:
    t = clientondersteuner_toestemmingen
    query = (
        select(t)
        .where(t.c.client_id == client_id, t.c.gemeente == gemeente)
        .order_by(t.c.aangemaakt)
    )
    return await alle(conn, query)
