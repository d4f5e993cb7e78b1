"""Queries of the CAK register and its change feed (FIN-12)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Row,
    Text,
    and_,
    cast,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import cak_mutaties, cak_voorzieningen
from wmo_shared.audit import audit_bind, audit_insert_sql
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import sql_text

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


# A feed item as PostgreSQL renders it (the keys and order of ``CakMutatie``).
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

# The whole page in one statement on the driver (issue 17.3): up to ``limit + 1`` rows after the
# cursor (the extra one only says there is more), each item rendered, joined with the envelope
# into the body the route sends, and the audit row (no details). An empty page keeps the
# cursor it was given.
_PAGINA = f"""
WITH pagina AS (
    SELECT finance.cak_mutaties.volgnummer AS volgnummer,
           CAST({sql_text(_ITEM)} AS text) AS item,
           row_number() OVER (ORDER BY finance.cak_mutaties.volgnummer) AS nr
    FROM finance.cak_mutaties
    WHERE finance.cak_mutaties.gemeente = :p_gemeente
      AND finance.cak_mutaties.volgnummer > CAST(:p_cursor AS bigint)
    ORDER BY finance.cak_mutaties.volgnummer
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {audit_insert_sql("finance.audit", "CAST(NULL AS jsonb)", "(SELECT) AS enkel")}
)
SELECT '{{"resultaten":['
       || coalesce(string_agg(item, ',' ORDER BY nr)
                   FILTER (WHERE nr <= CAST(:p_limit AS integer)), '')
       || '],"volgendeCursor":"'
       || coalesce(max(volgnummer) FILTER (WHERE nr <= CAST(:p_limit AS integer)),
                   CAST(:p_cursor AS bigint))
       || '","meer":'
       || CASE WHEN count(*) > CAST(:p_limit AS integer) THEN 'true' ELSE 'false' END
       || '}}' AS document
FROM pagina"""  # noqa: S608 -- built from this module's constants; the values bind
_FEED = DriverStatement(text(_PAGINA))


async def feed(db: Database, principal: Principal, cursor: int, limit: int) -> str:
    """The page after ``cursor`` of at most ``limit`` items as the JSON the route sends
    (``CakMutatiePage``), and its audit row, in one statement."""
    params: dict[str, Any] = {
        "p_gemeente": principal.gemeente,
        "p_cursor": cursor,
        "p_limit": limit,
    }
    params.update(audit_bind(principal, "lezen", "cak-mutaties", f"na {cursor}"))
    # one row always: an aggregate over the page
    record = await db.fetch_row(_FEED, params)
    assert record is not None
    return str(record["document"])
