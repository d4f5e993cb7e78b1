"""What a resident's dossier asks of pgb (issue 14.1): per budget what the SVB accepted as
spent and whether an overspend was signalled."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import budget_signaleringen, svb_budgetafsluiting_regels
from wmo_pgb.db.rows import all_rows


async def bestedingen(
    conn: AsyncConnection, budget_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Decimal]:
    """Per budget the sum of the spending the SVB's accepted budgetafsluitingen report."""
    if not budget_ids:
        return {}
    r = svb_budgetafsluiting_regels
    rows = await all_rows(
        conn,
        select(r.c.budget_id, func.sum(r.c.besteed_bedrag).label("besteed"))
        .where(r.c.budget_id.in_(budget_ids), r.c.status == "geaccepteerd")
        .group_by(r.c.budget_id),
    )
    return {row.budget_id: row.besteed for row in rows}


async def overschreden(conn: AsyncConnection, budget_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    if not budget_ids:
        return set()
    s = budget_signaleringen
    rows = await all_rows(
        conn, select(s.c.budget_id).where(s.c.budget_id.in_(budget_ids)).distinct()
    )
    return {row.budget_id for row in rows}
