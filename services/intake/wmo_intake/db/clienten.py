"""Queries on clienten (hot paths: one statement per request) and their versions (every
change keeps the cliënt as it was after it)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Text, case, cast, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import audit, client_versies, clienten
from wmo_intake.db.rijen import Rij, alle, een, eerste
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import field_model, wire_object

_CLIENT_COLUMNS = [
    clienten.c.id,
    clienten.c.gemeente,
    clienten.c.bsn,
    clienten.c.voornamen,
    clienten.c.achternaam,
    clienten.c.geboortedatum,
    clienten.c.straat,
    clienten.c.huisnummer,
    clienten.c.postcode,
    clienten.c.woonplaats,
    clienten.c.telefoon,
    clienten.c.email,
    clienten.c.overleden_op,
    clienten.c.vertrokken_op,
    clienten.c.nieuwe_gemeente,
    clienten.c.versie,
]


async def insert_client(conn: AsyncConnection, values: dict[str, Any]) -> Rij | None:
    """The new client, or None when the gemeente already has a client with this BSN."""
    result = await conn.execute(
        pg_insert(clienten)
        .values(**values)
        .on_conflict_do_nothing(constraint="uq_clienten_gemeente_bsn")
        .returning(*_CLIENT_COLUMNS)
    )
    return result.first()


def client_document(read_model: type[BaseModel]) -> DriverStatement:
    """The audited read of one cliënt whose answer PostgreSQL writes (issue 17.3): the
    ``document`` column is ``read_model``'s JSON (as ``service.client.client_read`` would give
    it, adres nested and status derived), beside ``versie`` for the ETag. Built once."""
    c = clienten.c
    adres = ("straat", "huisnummer", "postcode", "woonplaats")
    kolommen = [k.name for k in _CLIENT_COLUMNS if k.name not in adres]
    waarden: dict[str, Any] = {k: c[k] for k in kolommen}
    waarden["adres"] = wire_object(field_model(read_model, "adres"), {k: c[k] for k in adres})
    # as service.client._status
    waarden["status"] = case(
        (c.overleden_op.is_not(None), literal("overleden")),
        (c.vertrokken_op.is_not(None), literal("vertrokken")),
        else_=literal("actief"),
    )
    document = cast(wire_object(read_model, waarden), Text).label("document")
    return DriverStatement(audited_by_id(select(document, c.versie), clienten, audit))


async def get_client_document(
    db: Database, statement: DriverStatement, principal: Principal, client_id: uuid.UUID
) -> Mapping[str, Any] | None:
    """The cliënt of the caller's gemeente (``statement`` from ``client_document``) and its
    audit row, in one statement on the driver."""
    return await db.fetch_row(statement, read_bind(principal, "client", client_id))


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> Rij | None:
    result = await conn.execute(
        select(*_CLIENT_COLUMNS).where(clienten.c.gemeente == gemeente, clienten.c.bsn == bsn)
    )
    return result.first()


async def client_in_gemeente(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID
) -> Rij | None:
    result = await conn.execute(
        select(clienten).where(clienten.c.id == client_id, clienten.c.gemeente == gemeente)
    )
    return result.first()


async def client(conn: AsyncConnection, client_id: uuid.UUID) -> Rij:
    """The client of a case already found in the caller's gemeente."""
    return await een(conn, select(clienten).where(clienten.c.id == client_id))


async def voor_wijziging(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> Rij | None:
    """The cliënt of the gemeente, locked for a change."""
    query = (
        select(clienten)
        .where(clienten.c.id == client_id, clienten.c.gemeente == gemeente)
        .with_for_update()
    )
    return await eerste(conn, query)


async def wijzig(conn: AsyncConnection, client_id: uuid.UUID, values: dict[str, Any]) -> Rij:
    query = (
        update(clienten)
        .where(clienten.c.id == client_id)
        .values(**values)
        .returning(*_CLIENT_COLUMNS)
    )
    return await een(conn, query)


async def insert_versie(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(client_versies).values(**values))


async def versies(conn: AsyncConnection, client_id: uuid.UUID) -> list[Rij]:
    v = client_versies
    return await alle(conn, select(v).where(v.c.client_id == client_id).order_by(v.c.versie))
