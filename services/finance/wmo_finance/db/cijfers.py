"""Finance's figures of a gemeente and period (issue 14.6), a statement each, grouped per
calendar month: tegemoetkomingen paid (on their betaaldatum), the eigen-bijdrage terms of the
current schedules (FIN-08) and the voorzieningen with eigen bijdrage registered for the CAK
(FIN-12, on their ingangsdatum; a row replaced by a later one counted once)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncConnection

_TEGEMOETKOMINGEN = text(
    """
    SELECT to_char(betaald_op, 'YYYY-MM') AS maand, sum(betaald_bedrag) AS bedrag,
           count(*) AS aantal
    FROM finance.tegemoetkomingen
    WHERE gemeente = :gemeente AND betaald_op BETWEEN :van AND :tot
    GROUP BY 1 ORDER BY 1
    """
)

_TERMIJNEN = text(
    """
    SELECT to_char(t.datum, 'YYYY-MM') AS maand, sum(t.bedrag) AS bedrag, count(*) AS aantal
    FROM finance.eigen_bijdrage_termijnen t
    JOIN finance.eigen_bijdrage_schemas s ON s.id = t.schema_id
    WHERE s.gemeente = :gemeente AND s.actueel AND t.datum BETWEEN :van AND :tot
    GROUP BY 1 ORDER BY 1
    """
)

_CAK = text(
    """
    SELECT to_char(ingangsdatum, 'YYYY-MM') AS maand,
           coalesce(sum(abonnementstarief), 0) AS bedrag, count(*) AS aantal
    FROM finance.cak_voorzieningen
    WHERE gemeente = :gemeente AND eigen_bijdrage AND vervangen_door IS NULL
      AND ingangsdatum BETWEEN :van AND :tot
    GROUP BY 1 ORDER BY 1
    """
)


async def _per_maand(
    conn: AsyncConnection, query: Any, gemeente: str, van: dt.date, tot: dt.date
) -> list[Row[Any]]:
    result = await conn.execute(query, {"gemeente": gemeente, "van": van, "tot": tot})
    return list(result.all())


async def tegemoetkomingen(
    conn: AsyncConnection, gemeente: str, van: dt.date, tot: dt.date
) -> list[Row[Any]]:
    return await _per_maand(conn, _TEGEMOETKOMINGEN, gemeente, van, tot)


async def termijnen(
    conn: AsyncConnection, gemeente: str, van: dt.date, tot: dt.date
) -> list[Row[Any]]:
    return await _per_maand(conn, _TERMIJNEN, gemeente, van, tot)


async def cak_registraties(
    conn: AsyncConnection, gemeente: str, van: dt.date, tot: dt.date
) -> list[Row[Any]]:
    return await _per_maand(conn, _CAK, gemeente, van, tot)
