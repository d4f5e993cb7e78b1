"""Queries on ``indicaties``. Rows are never overwritten: a newer version is inserted and the
old one only gets ``status = 'vervangen'`` and a higher ``versie`` (its ETag)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from sqlalchemy import Row, String, bindparam, func, insert, literal, select, true, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db.models import audit, indicaties
from wmo_shared.audit import audit_bind, audited_by_id, read_bind
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


_GET = audited_by_id(select(*COLUMNS), indicaties, audit)


_GET_DRIVER = DriverStatement(_GET)
_JSON = frozenset(c.name for c in COLUMNS if isinstance(c.type, JSONB))


async def get_indicatie_audited(
    db: Database, principal: Principal, indicatie_id: uuid.UUID
) -> Row[Any] | None:
    """The indicatie of the caller's gemeente, and its audit row, in one statement (on the
    driver: the hot read)."""
    record = await db.fetch_row(_GET_DRIVER, read_bind(principal, "indicatie", indicatie_id))
    # Read by attribute like the Row the other queries give (to_read takes either).
    return None if record is None else cast(Row[Any], Fields(record, _JSON))


def _zoek_statement(met_aanvraag: bool, inclusief_vervangen: bool) -> DriverStatement:
    """A search by BSN with its audit rows in one statement: one "zoeken" row, and a "lezen"
    row per indicatie found (as ``audit.record`` and ``record_many`` write them)."""
    i = indicaties
    gevonden = select(*COLUMNS).where(
        i.c.gemeente == bindparam("p_gemeente"), i.c.bsn == bindparam("p_bsn")
    )
    if met_aanvraag:
        gevonden = gevonden.where(i.c.aanvraag_id == bindparam("p_aanvraag"))
    if not inclusief_vervangen:
        gevonden = gevonden.where(i.c.status != "vervangen")
    g = gevonden.cte("gevonden")

    def waarde(naam: str) -> Any:
        return bindparam(f"audit_{naam}", type_=String)

    kolommen = ["sub", "rol", "gemeente", "actie", "resource_type", "resource_id", "request_id"]
    zoeken = (
        insert(audit)
        .values({k: waarde(k) for k in kolommen})
        .returning(audit.c.id)
        .cte("audit_zoeken")
    )
    lezen_waarden = [waarde(k) for k in kolommen[:3]]
    lezen_waarden += [literal("lezen", String), waarde("resource_type"), sql_cast(g.c.id, String)]
    lezen = (
        insert(audit)
        # joined to the search's row, so that row is written first (its id is lower)
        .from_select(
            kolommen,
            select(*lezen_waarden, waarde("request_id")).select_from(g.join(zoeken, true())),
        )
        .cte("audit_lezen")
    )
    query = (
        select(g)
        .order_by(g.c.begindatum.desc(), g.c.reeks_id, g.c.volgnummer.desc())
        .add_cte(zoeken)
        .add_cte(lezen)
    )
    return DriverStatement(query)


_ZOEK = {(a, v): _zoek_statement(a, v) for a in (False, True) for v in (False, True)}


async def zoek_audited(
    db: Database,
    principal: Principal,
    bsn: str,
    aanvraag_id: uuid.UUID | None,
    inclusief_vervangen: bool,
) -> list[Row[Any]]:
    """The indicaties of a BSN in the caller's gemeente (newest first), the search and each
    read audited, in one statement on the driver."""
    params: dict[str, Any] = {"p_gemeente": principal.gemeente, "p_bsn": bsn}
    if aanvraag_id is not None:
        params["p_aanvraag"] = aanvraag_id
    params.update(audit_bind(principal, "zoeken", "indicatie", None))
    statement = _ZOEK[(aanvraag_id is not None, inclusief_vervangen)]
    records = await db.fetch_rows(statement, params)
    return [cast(Row[Any], Fields(r, _JSON)) for r in records]


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
