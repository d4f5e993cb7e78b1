"""Queries on ``indicaties``. Rows are never overwritten: a newer version is inserted and the
old one only gets ``status = 'vervangen'`` and a higher ``versie`` (its ETag)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Row, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db.models import audit, indicaties
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement, Fields
from wmo_shared.db.engine import Database

# Everything a read shows; the stored request and advice snapshot stay in the database.
COLUMNS = [c for c in indicaties.c if c.name not in {"invoer", "advies"}]


_LOCK_COLUMNS = [*COLUMNS, indicaties.c.advies]


async def insert_indicatie(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any] | None:
    """The new row, or ``None`` when a unique index refused it: another request recorded or
    changed an indicatie of the same reeks, or of the same aanvraag and aard, meanwhile. Runs in
    a savepoint, so the transaction stays usable."""
    try:
        async with conn.begin_nested():
            return (
                await conn.execute(insert(indicaties).values(**values).returning(*COLUMNS))
            ).one()
    except IntegrityError:
        return None


_GET = audited(
    select(*COLUMNS).where(
        indicaties.c.id == bindparam("p_id"), indicaties.c.gemeente == bindparam("p_gemeente")
    ),
    audit,
)


_GET_DRIVER = DriverStatement(_GET)
_JSON = frozenset(c.name for c in COLUMNS if isinstance(c.type, JSONB))


async def get_indicatie_audited(
    db: Database, principal: Principal, indicatie_id: uuid.UUID
) -> Row[Any] | None:
    """The indicatie of the caller's gemeente, and its audit row, in one statement (on the
    driver: the hot read)."""
    params: dict[str, Any] = {"p_id": indicatie_id, "p_gemeente": principal.gemeente}
    params.update(audit_bind(principal, "lezen", "indicatie", indicatie_id))
    record = await db.fetch_row(_GET_DRIVER, params)
    # Read by attribute like the Row the other queries give (to_read takes either).
    return None if record is None else cast(Row[Any], Fields(record, _JSON))


async def lock_indicatie(
    conn: AsyncConnection, gemeente: str, indicatie_id: uuid.UUID
) -> Row[Any] | None:
    """The row with its stored advice snapshot, locked until the transaction ends."""
    result = await conn.execute(
        select(*_LOCK_COLUMNS)
        .where(indicaties.c.id == indicatie_id, indicaties.c.gemeente == gemeente)
        .with_for_update()
    )
    row: Row[Any] | None = result.first()
    return row


async def markeer_vervangen(conn: AsyncConnection, indicatie_id: uuid.UUID) -> None:
    await conn.execute(
        update(indicaties)
        .where(indicaties.c.id == indicatie_id)
        .values(status="vervangen", versie=indicaties.c.versie + 1, gewijzigd_op=func.now())
    )


async def koppel_opvolger(
    conn: AsyncConnection, indicatie_id: uuid.UUID, opvolger_id: uuid.UUID
) -> None:
    await conn.execute(
        update(indicaties)
        .where(indicaties.c.id == indicatie_id)
        .values(vervangen_door_id=opvolger_id)
    )


async def actieve_voor_aanvraag(
    conn: AsyncConnection, gemeente: str, aanvraag_id: uuid.UUID, aard: str
) -> uuid.UUID | None:
    result = await conn.execute(
        select(indicaties.c.id).where(
            indicaties.c.gemeente == gemeente,
            indicaties.c.aanvraag_id == aanvraag_id,
            indicaties.c.aard == aard,
            indicaties.c.status == "actief",
        )
    )
    found = result.scalar_one_or_none()
    return found


async def zoek(
    conn: AsyncConnection,
    gemeente: str,
    bsn: str,
    aanvraag_id: uuid.UUID | None,
    inclusief_vervangen: bool,
) -> list[Row[Any]]:
    query = select(*COLUMNS).where(indicaties.c.gemeente == gemeente, indicaties.c.bsn == bsn)
    if aanvraag_id is not None:
        query = query.where(indicaties.c.aanvraag_id == aanvraag_id)
    if not inclusief_vervangen:
        query = query.where(indicaties.c.status != "vervangen")
    query = query.order_by(
        indicaties.c.begindatum.desc(), indicaties.c.reeks_id, indicaties.c.volgnummer.desc()
    )
    return list((await conn.execute(query)).all())


async def versies(conn: AsyncConnection, gemeente: str, indicatie_id: uuid.UUID) -> list[Row[Any]]:
    """Every version of the reeks the indicatie belongs to, oldest first (empty: not found)."""
    reeks = (
        select(indicaties.c.reeks_id)
        .where(indicaties.c.id == indicatie_id, indicaties.c.gemeente == gemeente)
        .scalar_subquery()
    )
    result = await conn.execute(
        select(*COLUMNS)
        .where(indicaties.c.reeks_id == reeks, indicaties.c.gemeente == gemeente)
        .order_by(indicaties.c.volgnummer)
    )
    return list(result.all())


async def eerste_inzet(conn: AsyncConnection, reeks_id: uuid.UUID, perceel: str) -> dt.date | None:
    """The earliest begindatum of the reeks on this perceel (None: the perceel is new in it)."""
    result = await conn.execute(
        select(func.min(indicaties.c.begindatum)).where(
            indicaties.c.reeks_id == reeks_id, indicaties.c.perceel == perceel
        )
    )
    eerste: dt.date | None = result.scalar_one()
    return eerste
