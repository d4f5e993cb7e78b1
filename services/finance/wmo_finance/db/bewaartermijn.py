"""Which of finance's records are past the bewaartermijn (issue 14.5): one statement, the kinds
of ``domain.bewaartermijn`` as a UNION ALL of (soort, id, einddatum), keyset-paged on (soort,
id). ``grens`` is the latest einddatum past the term on the peildatum."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Row, and_, cast, exists, func, literal, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import cak_mutaties as cm
from wmo_finance.db.models import cak_voorzieningen as cv
from wmo_finance.db.models import eigen_bijdrage_schemas as s
from wmo_finance.db.models import eigen_bijdrage_termijnen as tm
from wmo_finance.db.models import onderhoudsvergoedingen as o
from wmo_finance.db.models import tegemoetkoming_overgangen as ov
from wmo_finance.db.models import tegemoetkomingen as t
from wmo_finance.db.models import vervoersvergoedingen as vv


def _dag(kolom: Any) -> Any:
    return cast(kolom, Date)


def _tegemoetkomingen(gemeente: str) -> Any:
    schema_einde = func.coalesce(s.c.einddatum_gebruik, s.c.einddatum)
    cak_einde = func.greatest(cv.c.einddatum, cv.c.bijdrage_tot, _dag(cv.c.gewijzigd))
    einde = func.greatest(
        _dag(t.c.gewijzigd),
        t.c.besluitdatum,
        t.c.betaald_op,
        t.c.bewijs_ontvangen_op,
        select(func.max(ov.c.datum)).where(ov.c.tegemoetkoming_id == t.c.id).scalar_subquery(),
        select(func.max(schema_einde)).where(s.c.tegemoetkoming_id == t.c.id).scalar_subquery(),
        select(func.max(tm.c.datum))
        .select_from(tm.join(s, s.c.id == tm.c.schema_id))
        .where(s.c.tegemoetkoming_id == t.c.id)
        .scalar_subquery(),
        select(func.max(_dag(o.c.aangemaakt)))
        .where(o.c.tegemoetkoming_id == t.c.id)
        .scalar_subquery(),
        select(func.max(cak_einde))
        .where(cv.c.gemeente == t.c.gemeente, cv.c.tegemoetkoming_id == t.c.id)
        .scalar_subquery(),
    )
    loopt = exists().where(
        s.c.tegemoetkoming_id == t.c.id, s.c.actueel, schema_einde.is_(None)
    ) | exists().where(
        cv.c.gemeente == t.c.gemeente, cv.c.tegemoetkoming_id == t.c.id, cv.c.einddatum.is_(None)
    )
    return (
        select(
            literal("tegemoetkoming").label("soort"), t.c.id.label("id"), einde.label("einddatum")
        )
        .where(t.c.gemeente == gemeente, ~loopt)
        .subquery()
    )


def _cak(gemeente: str) -> Any:
    mutatie = select(func.max(_dag(cm.c.geregistreerd_op))).where(
        cm.c.gemeente == cv.c.gemeente, cm.c.maatwerkvoorziening_id == cv.c.maatwerkvoorziening_id
    )
    einde = func.greatest(
        cv.c.einddatum, cv.c.bijdrage_tot, _dag(cv.c.gewijzigd), mutatie.scalar_subquery()
    )
    return (
        select(
            literal("cak-voorziening").label("soort"), cv.c.id.label("id"), einde.label("einddatum")
        )
        .where(
            cv.c.gemeente == gemeente,
            cv.c.tegemoetkoming_id.is_(None),
            cv.c.einddatum.is_not(None),
        )
        .subquery()
    )


async def kandidaten(
    conn: AsyncConnection,
    gemeente: str,
    grens: dt.date,
    na: tuple[str, uuid.UUID] | None,
    limit: int,
) -> list[Row[Any]]:
    """Up to ``limit`` + 1 rows (soort, id, einddatum) after ``na``, by soort and id."""
    tk = _tegemoetkomingen(gemeente)
    cak = _cak(gemeente)
    o_einde = func.greatest(o.c.peildatum, _dag(o.c.aangemaakt))
    v_einde = func.greatest(vv.c.peildatum, _dag(vv.c.aangemaakt))
    onderhoud = select(
        literal("onderhoudsvergoeding").label("soort"),
        o.c.id.label("id"),
        o_einde.label("einddatum"),
    ).where(and_(o.c.gemeente == gemeente, o.c.tegemoetkoming_id.is_(None), o_einde <= grens))
    vervoer = select(
        literal("vervoersvergoeding").label("soort"),
        vv.c.id.label("id"),
        v_einde.label("einddatum"),
    ).where(vv.c.gemeente == gemeente, v_einde <= grens)
    alle = union_all(
        select(tk).where(tk.c.einddatum <= grens),
        select(cak).where(cak.c.einddatum <= grens),
        onderhoud,
        vervoer,
    ).subquery()
    query = select(alle)
    if na is not None:
        query = query.where(
            tuple_(alle.c.soort, alle.c.id) > tuple_(literal(na[0]), literal(na[1]))
        )
    query = query.order_by(alle.c.soort, alle.c.id).limit(limit + 1)
    return list((await conn.execute(query)).all())
