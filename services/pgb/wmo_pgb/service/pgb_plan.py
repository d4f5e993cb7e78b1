"""The pgb-plan (PGB-02): record it, read it, change it while it is a concept, find it by BSN."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import pgb_plannen
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain import aanvraag as aanvraag_regels
from wmo_pgb.domain import plan as plan_regels
from wmo_pgb.domain.plan import PgbPlan
from wmo_pgb.schemas.pgb_plan import PgbPlanCreate, PgbPlanList, PgbPlanRead, PgbPlanUpdate
from wmo_pgb.service.aanvraag import Aanvragen
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.policy import default_registry
from wmo_shared.problems import NotFound
from wmo_shared.responses import Document


def niet_gevonden() -> NotFound:
    return NotFound("Er is geen pgb-plan met dit id in uw gemeente.")


def plan_read(row: Row[Any]) -> PgbPlanRead:
    return PgbPlanRead.model_validate(
        {
            **row.plan,
            "id": row.id,
            "gemeente": row.gemeente,
            "bsn": row.bsn,
            "maatwerkvoorziening_id": row.maatwerkvoorziening_id,
            "aanvraag_id": row.aanvraag_id,
            "maatwerkvoorziening_nodig": row.maatwerkvoorziening_nodig,
            "ingediend": row.ingediend,
            "status": row.status,
            "versie": row.versie,
            "aangemaakt_op": row.aangemaakt_op,
            "gewijzigd_op": row.gewijzigd_op,
        }
    )


def domein_plan(row: Row[Any]) -> PgbPlan:
    """The stored plan as the domain's PgbPlan."""
    return plan_regels.lees_plan(row.plan)


def _aangemaakt(plan: PgbPlanRead) -> Written[PgbPlanRead]:
    return Written(body=plan, location=f"/pgb-plannen/{plan.id}", version=plan.versie)


async def create_plan(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: PgbPlanCreate,
    aanvragen: Aanvragen,
) -> Written[PgbPlanRead]:
    """A plan on an aanvraag: the aanvraag is read from intake first (before the transaction)
    and must be the cliënt's; the onderzoek's conclusion is taken over (PGB-01)."""
    feiten = None
    if body.aanvraag_id is not None:
        feiten = await aanvragen.feiten(principal.gemeente, body.aanvraag_id)

    async def work(conn: AsyncConnection) -> Written[PgbPlanRead]:
        plan_regels.plan_gemeente(principal.gemeente, body.gemeente, default_registry().gemeenten())
        plan_regels.onderzoeksconclusie(body.maatwerkvoorziening_nodig, body.aanvraag_id)
        plan_regels.lees_plan(body.inhoud())
        nodig = body.maatwerkvoorziening_nodig
        if body.aanvraag_id is not None:
            aanvraag_regels.toets_aanvraag(feiten, bsn=body.bsn, gemeente=principal.gemeente)
            nodig = aanvraag_regels.maatwerkvoorziening_nodig(feiten, nodig)
        row = await pgb_plannen.insert_plan(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "maatwerkvoorziening_id": body.maatwerkvoorziening_id,
                "maatwerkvoorziening_nodig": nodig,
                "ingediend": body.ingediend,
                "plan": body.inhoud(),
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "pgb-plan", row.id)
        return _aangemaakt(plan_read(row))

    return await write_once(db, idempotency_keys, principal, write, PgbPlanRead, work)


# The read's answer is built by PostgreSQL in the audited statement: per request no model is
# validated or dumped (issue 17.3). Its shape is PgbPlanRead's, as plan_read would give it.
_LEES = DriverStatement(pgb_plannen.plan_document(PgbPlanRead))


async def lees_plan(db: Database, principal: Principal, plan_id: uuid.UUID) -> Document:
    row = await pgb_plannen.get_plan_document(db, _LEES, principal, plan_id)
    if row is None:
        raise niet_gevonden()
    return Document(row["document"], row["versie"])


async def update_plan(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    plan_id: uuid.UUID,
    body: PgbPlanUpdate,
    if_match: str | None,
    aanvragen: Aanvragen,
) -> Written[PgbPlanRead]:
    """The whole plan content, only while the plan is a concept (If-Match). A plan on an
    aanvraag takes the onderzoek's conclusion over from intake, read before the transaction."""
    async with db.single_statement() as conn:
        gelezen = await pgb_plannen.get_plan(conn, principal.gemeente, plan_id)
    feiten = None
    if gelezen is not None and gelezen.aanvraag_id is not None:
        feiten = await aanvragen.feiten(principal.gemeente, gelezen.aanvraag_id)

    async def work(conn: AsyncConnection) -> Written[PgbPlanRead]:
        row = await pgb_plannen.get_plan(conn, principal.gemeente, plan_id, for_update=True)
        await audit_log.record(conn, audit, principal, "wijzigen", "pgb-plan", plan_id)
        if row is None:
            raise niet_gevonden()
        require_version(if_match, row.versie)
        plan_regels.wijzigbaar(row.status)
        plan_regels.onderzoeksconclusie(body.maatwerkvoorziening_nodig, row.aanvraag_id)
        plan_regels.lees_plan(body.inhoud())
        nodig = body.maatwerkvoorziening_nodig
        if row.aanvraag_id is not None:  # the aanvraag a plan names never changes
            aanvraag_regels.toets_aanvraag(feiten, bsn=row.bsn, gemeente=principal.gemeente)
            nodig = aanvraag_regels.maatwerkvoorziening_nodig(feiten, nodig)
        row = await pgb_plannen.update_plan(
            conn,
            plan_id,
            {
                "plan": body.inhoud(),
                "maatwerkvoorziening_nodig": nodig,
                "ingediend": body.ingediend,
            },
        )
        return Written(body=plan_read(row), version=row.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, PgbPlanRead, work)


async def zoek(db: Database, principal: Principal, bsn: str) -> PgbPlanList:
    """Plans of this BSN in the caller's gemeente; every plan found is in the audit log."""
    async with db.transaction() as conn:
        rows = await pgb_plannen.find_plans(conn, principal.gemeente, bsn)
        if rows:
            await audit_log.record_many(
                conn, audit, principal, "zoeken", "pgb-plan", [r.id for r in rows]
            )
        else:
            await audit_log.record(conn, audit, principal, "zoeken", "pgb-plan", None)
    return PgbPlanList(resultaten=[plan_read(r) for r in rows])
