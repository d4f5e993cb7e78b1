"""Pgb's part of a resident's dossier (issue 14.1): the person's pgb-plannen in the caller's
gemeente with their besluit, budget and spending; every plan read is audited."""

from __future__ import annotations

from wmo_pgb.db import dossier as db_dossier
from wmo_pgb.db import pgb_plannen
from wmo_pgb.db.models import audit
from wmo_pgb.service.besluit import besluit_van
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import DossierVerzoek, PgbDossier, PgbDossierPlan


async def dossier(db: Database, principal: Principal, body: DossierVerzoek) -> PgbDossier:
    async with db.transaction() as conn:
        plans = await pgb_plannen.find_plans(conn, principal.gemeente, body.bsn)
        besluiten = [await besluit_van(conn, p) for p in plans]
        budget_ids = [b.budget.budget_id for b in besluiten if b.budget is not None]
        besteed = await db_dossier.bestedingen(conn, budget_ids)
        over = await db_dossier.overschreden(conn, budget_ids)
        await audit_log.record(conn, audit, principal, "dossier", "pgb-plan", None)
        await audit_log.record_many(
            conn, audit, principal, "lezen", "pgb-plan", [p.id for p in plans]
        )
    return PgbDossier(
        plannen=[
            PgbDossierPlan(
                besluit=b,
                besteed_bedrag=besteed.get(b.budget.budget_id) if b.budget else None,
                overschreden=b.budget is not None and b.budget.budget_id in over,
            )
            for b in besluiten
        ]
    )
