"""Queries of the CAK register and its change feed (FIN-12)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Row,
    Text,
    and_,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import audit, cak_mutaties, cak_voorzieningen
from wmo_shared.audit import audit_bind, audited
from wmo_shared.auth import Principal

V = cak_voorzieningen
M = cak_mutaties


async def get_for_update(
    conn: AsyncConnection, gemeente: str, maatwerkvoorziening_id: uuid.UUID
) -> Row[Any] | None:
    query = (
        select(V)
        .where(V.c.gemeente == gemeente, V.c.maatwerkvoorziening_id == maatwerkvoorziening_id)
        .with_for_update()
    )
    return (await conn.execute(query)).first()


async def insert_voorziening(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    row: Row[Any] = (await conn.execute(insert(V).values(**values).returning(V))).one()
    return row


async def update_voorziening(
    conn: AsyncConnection, row_id: uuid.UUID, values: dict[str, Any]
) -> Row[Any]:
    query = (
        update(V)
        .where(V.c.id == row_id)
        .values(**values, versie=V.c.versie + 1, gewijzigd=func.now())
        .returning(V)
    )
    row: Row[Any] = (await conn.execute(query)).one()
    return row


async def regime_dragers(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> list[Row[Any]]:
    """Every register row of one tegemoetkoming (locked): the one that carries its regime and
    those it replaced."""
    query = (
        select(V)
        .where(V.c.gemeente == gemeente, V.c.tegemoetkoming_id == tegemoetkoming_id)
        .order_by(V.c.aangemaakt)
        .with_for_update()
    )
    return list((await conn.execute(query)).all())


async def markeer_vervangen(conn: AsyncConnection, row_id: uuid.UUID, door: uuid.UUID) -> None:
    """The row's regime is carried on by the maatwerkvoorziening ``door``."""
    query = (
        update(V)
        .where(V.c.id == row_id)
        .values(vervangen_door=door, versie=V.c.versie + 1, gewijzigd=func.now())
    )
    await conn.execute(query)


async def huishouden_lopend(
    conn: AsyncConnection,
    gemeente: str,
    *,
    huishouden_id: uuid.UUID | None,
    bsn: str,
    behalve: uuid.UUID,
    peildatum: dt.date,
) -> list[Row[Any]]:
    """The household's other reported voorzieningen running on ``peildatum`` (the person's own
    when no household is known); a tegemoetkoming counts while its regime charges."""
    wie = V.c.huishouden_id == huishouden_id if huishouden_id is not None else V.c.bsn == bsn
    loopt = or_(
        # a voorziening with the abonnementstarief runs until its end
        and_(
            V.c.tegemoetkoming_id.is_(None),
            or_(V.c.einddatum.is_(None), V.c.einddatum >= peildatum),
        ),
        # a tegemoetkoming's regime until its last day charged, unless another carries it on
        and_(V.c.vervangen_door.is_(None), V.c.bijdrage_tot >= peildatum),
    )
    query = select(V).where(
        V.c.gemeente == gemeente,
        wie,
        V.c.maatwerkvoorziening_id != behalve,
        V.c.gemeld,
        V.c.bijdrage_vanaf <= peildatum,
        loopt,
    )
    return list((await conn.execute(query)).all())


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    query = select(V).where(V.c.gemeente == gemeente, V.c.bsn == bsn).order_by(V.c.ingangsdatum)
    return list((await conn.execute(query)).all())


async def vergrendel_feed(conn: AsyncConnection) -> None:
    """Writers of the feed take turns until they commit, so volgnummers become visible in order
    and a reader never skips a row that commits later with a lower number."""
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext("finance.cak_mutaties"))))


async def insert_mutatie(conn: AsyncConnection, values: dict[str, Any]) -> int:
    result = await conn.execute(insert(M).values(**values).returning(M.c.volgnummer))
    return int(result.scalar_one())


def _tekst(col: Any) -> Any:
    return cast(col, Text)


# The feed page, built as JSON text by PostgreSQL: one indexed range query, no per-row Python.
_ITEM = func.json_build_object(
    literal_column("'volgnummer'"), M.c.volgnummer,
    literal_column("'soort'"), M.c.soort,
    literal_column("'gemeente'"), M.c.gemeente,
    literal_column("'bsn'"), M.c.bsn,
    literal_column("'geboortedatum'"), M.c.geboortedatum,
    literal_column("'huishoudenId'"), M.c.huishouden_id,
    literal_column("'beschikkingId'"), M.c.beschikking_id,
    literal_column("'maatwerkvoorzieningId'"), M.c.maatwerkvoorziening_id,
    literal_column("'productcategorie'"), M.c.productcategorie,
    literal_column("'productcode'"), M.c.productcode,
    literal_column("'leveringsvorm'"), M.c.leveringsvorm,
    literal_column("'ingangsdatum'"), M.c.ingangsdatum,
    literal_column("'einddatum'"), M.c.einddatum,
    literal_column("'kostprijs'"), _tekst(M.c.kostprijs),
    literal_column("'abonnementstarief'"), _tekst(M.c.abonnementstarief),
    literal_column("'geregistreerdOp'"), M.c.geregistreerd_op,
    literal_column("'tegemoetkomingId'"), M.c.tegemoetkoming_id,
    literal_column("'eigenBijdragePerMaand'"), _tekst(M.c.per_maand),
    literal_column("'eigenBijdrageMaxMaanden'"), M.c.max_maanden,
    literal_column("'vervangtMaatwerkvoorzieningId'"), M.c.vervangt,
)  # fmt: skip

_FEED = audited(
    select(M.c.volgnummer, cast(_ITEM, Text).label("item"))
    .where(M.c.gemeente == bindparam("p_gemeente"), M.c.volgnummer > bindparam("p_cursor"))
    .order_by(M.c.volgnummer)
    .limit(bindparam("p_limit")),
    audit,
)


async def feed(
    conn: AsyncConnection, principal: Principal, cursor: int, limit: int
) -> list[Row[Any]]:
    """Up to ``limit + 1`` items after ``cursor`` (the extra one only says there is more)."""
    params: dict[str, Any] = {
        "p_gemeente": principal.gemeente,
        "p_cursor": cursor,
        "p_limit": limit + 1,
    }
    params.update(audit_bind(principal, "lezen", "cak-mutaties", f"na {cursor}"))
    return list((await conn.execute(_FEED, params)).all())
