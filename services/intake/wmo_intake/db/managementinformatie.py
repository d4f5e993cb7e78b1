# ruff: noqa: S608 -- the statements are built at import from this module's constants only
"""The management figures of a gemeente and period (issue 14.6), each a single statement over
the gemeente's rows in the period (indexes on gemeente + the date the figure counts by):
counts per product, leveringsvorm and outcome; doorlooptijden with median and 90th percentile
(``percentile_cont``); the share of terms met; bezwaren per outcome; ZIN declarations per month.

"Onderzoek klaar" is the day (Europe/Amsterdam) the first version of the onderzoek that was
``gereed`` was recorded. That day, a melding's first besluit and an aanvraag's first sent
beschikking are kept on the melding and the aanvraag by triggers (migration 7d9dc6bbeffa), so
ten years of a gemeente read one index range per table, no lookups per case. A term counts
once it is met or has passed (a term still running unmet is not counted yet)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Index, Row, text
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.models import aanvragen, beschikkingen, meldingen, opdrachten

# The indexes the figures of a gemeente and period read through (migration a0d1e1400607).
Index("ix_meldingen_gemeente_ontvangst", meldingen.c.gemeente, meldingen.c.ontvangstdatum)
Index("ix_meldingen_gemeente_onderzoek", meldingen.c.gemeente, meldingen.c.onderzoek_uiterlijk)
Index("ix_aanvragen_gemeente_ontvangst", aanvragen.c.gemeente, aanvragen.c.ontvangstdatum)
Index("ix_aanvragen_gemeente_uiterlijk", aanvragen.c.gemeente, aanvragen.c.beschikking_uiterlijk)
Index("ix_beschikkingen_gemeente_besluit", beschikkingen.c.gemeente, beschikkingen.c.besluitdatum)
Index("ix_bezwaren_gemeente_ontvangst", bezwaren.c.gemeente, bezwaren.c.ontvangstdatum)
Index("ix_opdrachten_gemeente_zorgplan", opdrachten.c.gemeente, opdrachten.c.zorgplan_uiterlijk)

TELLINGEN = text(
    """
    SELECT 'melding' AS soort, NULL AS product, NULL AS leveringsvorm, m.status AS uitkomst,
           count(*) AS aantal
    FROM intake.meldingen m
    WHERE m.gemeente = :gemeente AND m.ontvangstdatum BETWEEN :van AND :tot
    GROUP BY m.status
    UNION ALL
    SELECT 'aanvraag', v ->> 'productcategorie', v ->> 'leveringsvorm',
           COALESCE(a.beschikking_soort, 'open'), count(*)
    FROM intake.aanvragen a
    CROSS JOIN LATERAL jsonb_array_elements(a.voorzieningen) AS v
    WHERE a.gemeente = :gemeente AND a.ontvangstdatum BETWEEN :van AND :tot
    GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'beschikking', mv.productcode, mv.leveringsvorm, b.soort, count(*)
    FROM intake.beschikkingen b
    LEFT JOIN intake.maatwerkvoorzieningen mv ON mv.beschikking_id = b.id
    WHERE b.gemeente = :gemeente AND b.besluitdatum BETWEEN :van AND :tot
      AND b.verzonden_op IS NOT NULL
    GROUP BY 2, 3, 4
    ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST, 4
    """
)


def _traject(naam: str, dagen: str) -> str:
    return f"""SELECT '{naam}' AS traject, count({dagen}) AS aantal,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY {dagen}))::numeric, 1) AS mediaan,
        round((percentile_cont(0.9) WITHIN GROUP (ORDER BY {dagen}))::numeric, 1) AS p90
        FROM zaak"""


DOORLOOPTIJDEN = text(
    f"""
    WITH zaak AS (
        SELECT m.ontvangstdatum, m.onderzoek_klaar AS klaar, m.eerste_besluit AS besluit
        FROM intake.meldingen m
        WHERE m.gemeente = :gemeente AND m.ontvangstdatum BETWEEN :van AND :tot
    )
    {_traject("melding-onderzoek", "klaar - ontvangstdatum")}
    UNION ALL
    {_traject("onderzoek-beschikking", "besluit - klaar")}
    UNION ALL
    {_traject("melding-beschikking", "besluit - ontvangstdatum")}
    """
)


def _trouw(naam: str, bron: str) -> str:
    return f"""SELECT '{naam}' AS termijn,
        count(*) FILTER (WHERE klaar IS NOT NULL OR uiterlijk < :peildatum) AS totaal,
        count(*) FILTER (WHERE klaar <= uiterlijk) AS gehaald
        FROM ({bron}) AS t"""


TERMIJNEN = text(
    " UNION ALL ".join(
        [
            _trouw(
                "onderzoek",
                """SELECT m.onderzoek_uiterlijk AS uiterlijk, m.onderzoek_klaar AS klaar
                FROM intake.meldingen m WHERE m.gemeente = :gemeente
                AND m.onderzoek_uiterlijk BETWEEN :van AND :tot""",
            ),
            _trouw(
                "beschikking",
                """SELECT a.beschikking_uiterlijk AS uiterlijk, a.beschikking_verzonden AS klaar
                FROM intake.aanvragen a WHERE a.gemeente = :gemeente
                AND a.beschikking_uiterlijk BETWEEN :van AND :tot""",
            ),
            _trouw(
                "bezwaar",
                """SELECT z.beslist_uiterlijk AS uiterlijk, z.beslisdatum AS klaar
                FROM intake.bezwaren z WHERE z.gemeente = :gemeente
                AND z.beslist_uiterlijk BETWEEN :van AND :tot""",
            ),
            _trouw(
                "zorgplan",
                """SELECT o.zorgplan_uiterlijk AS uiterlijk, o.zorgplan_ontvangen AS klaar
                FROM intake.opdrachten o WHERE o.gemeente = :gemeente
                AND o.zorgplan_uiterlijk BETWEEN :van AND :tot AND o.status <> 'geweigerd'""",
            ),
        ]
    )
)

BEZWAREN = text(
    """
    SELECT COALESCE(uitkomst, 'open') AS uitkomst, count(*) AS aantal
    FROM intake.bezwaren
    WHERE gemeente = :gemeente AND ontvangstdatum BETWEEN :van AND :tot
    GROUP BY 1 ORDER BY 1
    """
)

ZIN = text(
    """
    SELECT to_char(begindatum, 'YYYY-MM') AS maand, sum(bedrag) AS bedrag, count(*) AS aantal
    FROM intake.declaratieregels
    WHERE gemeente = :gemeente AND begindatum BETWEEN :van AND :tot
    GROUP BY 1 ORDER BY 1
    """
)


_ZONDER_JIT = text("SET LOCAL jit = off")


async def cijfers(
    conn: AsyncConnection, gemeente: str, van: dt.date, tot: dt.date, peildatum: dt.date
) -> dict[str, list[Row[Any]]]:
    """Every figure of the period, a statement each (in the caller's transaction)."""
    params = {"gemeente": gemeente, "van": van, "tot": tot}
    # Each statement looks rows up by index per case of the period; its cost estimate (the
    # subplans) would switch JIT compilation on, which costs more than the query saves.
    await conn.execute(_ZONDER_JIT)
    uit: dict[str, list[Row[Any]]] = {}
    for naam, query in (
        ("tellingen", TELLINGEN),
        ("doorlooptijden", DOORLOOPTIJDEN),
        ("bezwaren", BEZWAREN),
        ("zin", ZIN),
    ):
        uit[naam] = list((await conn.execute(query, params)).all())
    termijnen = await conn.execute(TERMIJNEN, {**params, "peildatum": peildatum})
    uit["termijnen"] = list(termijnen.all())
    return uit
