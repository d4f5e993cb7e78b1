"""Which of pgb's records are past the bewaartermijn (issue 14.5): one statement, the kinds of
``domain.bewaartermijn`` as a UNION ALL of (soort, id, einddatum), keyset-paged on (soort, id).
``grens`` is the latest einddatum past the term on the peildatum."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Row, and_, cast, func, literal, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import besluiten as b
from wmo_pgb.db.models import bestedingscontroles as c
from wmo_pgb.db.models import budget_intrekkingen as x
from wmo_pgb.db.models import budget_versies as v
from wmo_pgb.db.models import budgetten as g
from wmo_pgb.db.models import pgb_plannen as p
from wmo_pgb.db.models import pgb_verzoeken as z


async def kandidaten(
    conn: AsyncConnection,
    gemeente: str,
    grens: dt.date,
    na: tuple[str, uuid.UUID] | None,
    limit: int,
) -> list[Row[Any]]:
    """Up to ``limit`` + 1 rows (soort, id, einddatum) after ``na``, by soort and id."""
    controle = select(func.max(c.c.controledatum)).where(c.c.budget_id == g.c.id)
    verzoek = select(func.max(cast(z.c.besloten_op, Date))).where(z.c.pgb_plan_id == p.c.id)
    einde_plan = func.greatest(
        cast(p.c.gewijzigd_op, Date),
        cast(b.c.besloten_op, Date),
        cast(g.c.gewijzigd_op, Date),
        func.least(x.c.intrekkingsdatum, v.c.einddatum),
        controle.scalar_subquery(),
        verzoek.scalar_subquery(),
    )
    bron = (
        p.outerjoin(b, b.c.pgb_plan_id == p.c.id)
        .outerjoin(g, g.c.pgb_plan_id == p.c.id)
        .outerjoin(v, and_(v.c.budget_id == g.c.id, v.c.versie == g.c.versie))
        .outerjoin(x, x.c.budget_id == g.c.id)
    )
    plannen = (
        select(
            literal("pgb-plan").label("soort"),
            p.c.id.label("id"),
            einde_plan.label("einddatum"),
        )
        .select_from(bron)
        .where(p.c.gemeente == gemeente)
        .subquery()
    )
    plan = select(plannen).where(plannen.c.einddatum <= grens)
    verzoeken = select(
        literal("pgb-verzoek").label("soort"),
        z.c.id.label("id"),
        cast(z.c.besloten_op, Date).label("einddatum"),
    ).where(
        z.c.gemeente == gemeente,
        z.c.pgb_plan_id.is_(None),
        cast(z.c.besloten_op, Date) <= grens,
    )
    alle = union_all(plan, verzoeken).subquery()
    query = select(alle)
    if na is not None:
        query = query.where(
            tuple_(alle.c.soort, alle.c.id) > tuple_(literal(na[0]), literal(na[1]))
        )
    query = query.order_by(alle.c.soort, alle.c.id).limit(limit + 1)
    return list((await conn.execute(query)).all())
