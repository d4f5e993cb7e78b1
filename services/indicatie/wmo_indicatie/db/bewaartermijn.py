"""Which of indicatie's records are past the bewaartermijn (issue 14.5): one statement, the
kinds of ``domain.bewaartermijn`` as a UNION ALL of (soort, id, einddatum), keyset-paged on
(soort, id). ``grens`` is the latest einddatum past the term on the peildatum."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Row, and_, cast, exists, func, literal, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db.models import adviezen as a
from wmo_indicatie.db.models import indicaties as i


async def kandidaten(
    conn: AsyncConnection,
    gemeente: str,
    grens: dt.date,
    na: tuple[str, uuid.UUID] | None,
    limit: int,
) -> list[Row[Any]]:
    """Up to ``limit`` + 1 rows (soort, id, einddatum) after ``na``, by soort and id."""
    einde_indicatie = func.greatest(i.c.einddatum, cast(i.c.gewijzigd_op, Date))
    indicatie = select(
        literal("indicatie").label("soort"),
        i.c.id.label("id"),
        einde_indicatie.label("einddatum"),
    ).where(
        i.c.gemeente == gemeente,
        i.c.status != "vervangen",
        i.c.einddatum.is_not(None),
        einde_indicatie <= grens,
    )
    gebruikt = exists().where(i.c.advies_id == a.c.id)
    advies = select(
        literal("advies").label("soort"),
        a.c.id.label("id"),
        cast(a.c.aangemaakt_op, Date).label("einddatum"),
    ).where(and_(a.c.gemeente == gemeente, ~gebruikt, cast(a.c.aangemaakt_op, Date) <= grens))
    alle = union_all(indicatie, advies).subquery()
    query = select(alle)
    if na is not None:
        query = query.where(
            tuple_(alle.c.soort, alle.c.id) > tuple_(literal(na[0]), literal(na[1]))
        )
    query = query.order_by(alle.c.soort, alle.c.id).limit(limit + 1)
    return list((await conn.execute(query)).all())
