"""Queries of the tegemoetkomingen and their transitions (FIN-01..FIN-07)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    Row,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import (
    audit,
    tegemoetkoming_overgangen,
    tegemoetkomingen,
)
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal

T = tegemoetkomingen
OV = tegemoetkoming_overgangen


async def insert_tegemoetkoming(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    row: Row[Any] = (await conn.execute(insert(T).values(**values).returning(T))).one()
    return row


# The transition history travels in the same statement as the read and its audit row (one
# round trip); dates and amounts as text, so nothing changes on the way through JSON.
_OVERGANG = func.jsonb_build_object(
    "versie",
    OV.c.versie,
    "soort",
    OV.c.soort,
    "van_status",
    OV.c.van_status,
    "naar_status",
    OV.c.naar_status,
    "datum",
    cast(OV.c.datum, Text),
    "bedrag",
    cast(OV.c.bedrag, Text),
    "regels",
    OV.c.regels,
    "tijdstip",
    OV.c.tijdstip,
)
_HISTORIE = (
    select(
        func.coalesce(
            func.jsonb_agg(aggregate_order_by(_OVERGANG, OV.c.versie)),
            literal_column("'[]'::jsonb"),
        )
    )
    .where(OV.c.tegemoetkoming_id == T.c.id)
    .scalar_subquery()
)
_GET = audited(
    select(T, type_coerce(_HISTORIE, JSONB).label("historie")).where(
        T.c.id == bindparam("p_id"), T.c.gemeente == bindparam("p_gemeente")
    ),
    audit,
)


async def get_audited(
    conn: AsyncConnection, principal: Principal, tegemoetkoming_id: uuid.UUID
) -> Row[Any] | None:
    params = {"p_id": tegemoetkoming_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "tegemoetkoming", tegemoetkoming_id))
    row: Row[Any] | None = (await conn.execute(_GET, params)).first()
    return row


async def get(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> Row[Any] | None:
    query = select(T).where(T.c.id == tegemoetkoming_id, T.c.gemeente == gemeente)
    return (await conn.execute(query)).first()


async def get_for_update(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> Row[Any] | None:
    query = select(T).where(T.c.id == tegemoetkoming_id, T.c.gemeente == gemeente).with_for_update()
    return (await conn.execute(query)).first()


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    query = select(T).where(T.c.gemeente == gemeente, T.c.bsn == bsn).order_by(T.c.aangemaakt)
    return list((await conn.execute(query)).all())


async def update_tegemoetkoming(
    conn: AsyncConnection, tegemoetkoming_id: uuid.UUID, versie: int, values: dict[str, Any]
) -> Row[Any]:
    query = (
        update(T)
        .where(T.c.id == tegemoetkoming_id, T.c.versie == versie)
        .values(**values, versie=versie + 1, gewijzigd=func.now())
        .returning(T)
    )
    row: Row[Any] = (await conn.execute(query)).one()
    return row


async def insert_overgang(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(OV).values(**values))


async def overgangen(conn: AsyncConnection, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    out: dict[uuid.UUID, list[Any]] = {i: [] for i in ids}
    if not ids:
        return out
    query = select(OV).where(OV.c.tegemoetkoming_id.in_(ids)).order_by(OV.c.versie)
    for row in (await conn.execute(query)).all():
        out[row.tegemoetkoming_id].append(row)
    return out
