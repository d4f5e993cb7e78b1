"""The budget figures of a gemeente and period (issue 14.6), in one statement: every budget
toegekend (its current version; a withdrawn one up to the day before its intrekking) spread
over the calendar months of its period by the share of its days in each month (PGB-11: every
day counts, both ends inclusive), summed per month and rounded to cents once, at the end."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.ext.asyncio import AsyncConnection

_PER_MAAND = text(
    """
    WITH b AS (
        SELECT v.bedrag,
               v.ingangsdatum,
               v.einddatum,
               GREATEST(v.ingangsdatum, :van) AS vanaf,
               LEAST(v.einddatum, :tot, COALESCE(i.intrekkingsdatum - 1, v.einddatum)) AS tm
        FROM pgb.budgetten bu
        JOIN pgb.budget_versies v ON v.budget_id = bu.id AND v.versie = bu.versie
        LEFT JOIN pgb.budget_intrekkingen i ON i.budget_id = bu.id
        WHERE bu.gemeente = :gemeente
          AND v.ingangsdatum <= :tot
          AND v.einddatum >= :van
    ), m AS (
        SELECT b.*, maand::date AS maand
        FROM b, generate_series(date_trunc('month', b.vanaf), b.tm, interval '1 month') AS maand
        WHERE b.tm >= b.vanaf
    )
    SELECT to_char(maand, 'YYYY-MM') AS maand,
           round(sum(bedrag * (LEAST(tm, (maand + interval '1 month - 1 day')::date)
                               - GREATEST(vanaf, maand) + 1)
                     / (einddatum - ingangsdatum + 1)), 2) AS bedrag,
           count(*) AS aantal
    FROM m
    GROUP BY maand
    ORDER BY maand
    """
)


async def budgetten_per_maand(
    conn: AsyncConnection, gemeente: str, van: dt.date, tot: dt.date
) -> list[Row[Any]]:
    result = await conn.execute(_PER_MAAND, {"gemeente": gemeente, "van": van, "tot": tot})
    return list(result.all())
