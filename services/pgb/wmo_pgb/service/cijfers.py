"""Pgb's figures for the management information (issue 14.6): budgets per month. Counts, no
personal data; the read is audited like every read."""

from __future__ import annotations

import datetime as dt

from wmo_pgb.db import cijfers
from wmo_pgb.db.models import audit
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.cijfercontracten import Maandbedrag, PgbCijfers, controleer_periode
from wmo_shared.db.engine import Database


async def lees(db: Database, principal: Principal, van: dt.date, tot: dt.date) -> PgbCijfers:
    controleer_periode(van, tot)
    async with db.transaction() as conn:
        rijen = await cijfers.budgetten_per_maand(conn, principal.gemeente, van, tot)
        await audit_log.record(
            conn,
            audit,
            principal,
            "lezen",
            "budgetcijfers",
            None,
            {"van": van.isoformat(), "tot": tot.isoformat()},
        )
    return PgbCijfers(
        van=van,
        tot=tot,
        budgetten=[Maandbedrag(maand=r.maand, bedrag=r.bedrag, aantal=r.aantal) for r in rijen],
    )
