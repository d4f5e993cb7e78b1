"""Receiver of intake's ``PgbBeschiktEvent``: the beschikking makes the budget formal (it then
goes to the SVB feed) or withdraws it. Idempotent on eventId (inbox): a redelivery changes
nothing and answers with the current state."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import budgetten
from wmo_pgb.db.models import audit, idempotency_keys, inbox
from wmo_pgb.domain import budgetstatus
from wmo_pgb.schemas.budget import BudgetRead
from wmo_pgb.service.budget import budget_read, naar_svb, trek_in
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import PgbBeschiktEvent
from wmo_shared.db.engine import Database
from wmo_shared.grenzen import datum_in_venster
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import first_delivery
from wmo_shared.problems import NotFound


async def beschikking_ontvangen(
    db: Database, principal: Principal, write: WriteRequest, event: PgbBeschiktEvent
) -> Written[BudgetRead]:
    async def work(conn: AsyncConnection) -> Written[BudgetRead]:
        return Written(body=await _ontvang(conn, principal, event), status=200)

    return await write_once(db, idempotency_keys, principal, write, BudgetRead, work)


def _geen_budget() -> NotFound:
    return NotFound("Er is geen budget voor dit pgb-plan in uw gemeente.")


async def _ontvang(
    conn: AsyncConnection, principal: Principal, event: PgbBeschiktEvent
) -> BudgetRead:
    budgetstatus.beschikking_van_eigen_gemeente(principal.gemeente, event.gemeente)
    datum_in_venster(event.ingangsdatum, "ingangsdatum")
    if event.einddatum is not None:
        datum_in_venster(event.einddatum, "einddatum", einde=True)
    eerste = await first_delivery(conn, inbox, event.event_id, event.event_type)
    row = await budgetten.get_budget_for_plan(conn, principal.gemeente, event.pgb_plan_id)
    if not eerste:  # a redelivery changes nothing: answer with the current state
        if row is None:  # cannot happen: a first delivery without a budget stores nothing
            raise _geen_budget()
        return await budget_read(conn, row)
    await audit_log.record(
        conn,
        audit,
        principal,
        "beschikking-ontvangen",
        "budget",
        row.id if row else None,
        {"eventId": str(event.event_id), "eventType": event.event_type},
    )
    if row is None:
        raise _geen_budget()
    if event.event_type == "pgb-ingetrokken":
        if row.status == budgetstatus.INGETROKKEN:
            return await budget_read(conn, row)
        if row.beschikking_id is None:
            row = await budgetten.update_budget(
                conn, row.id, {"beschikking_id": event.beschikking_id}
            )
        datum = event.einddatum or event.ingangsdatum
        intrekking = await trek_in(conn, principal, row, datum, "Beschikking ingetrokken")
        return intrekking.budget
    budgetstatus.te_beschikken(row.status)
    row = await budgetten.update_budget(
        conn,
        row.id,
        {
            "status": budgetstatus.BESCHIKT,
            "beschikking_id": event.beschikking_id,
            "maatwerkvoorziening_id": event.maatwerkvoorziening_id,
        },
    )
    await naar_svb(conn, row, await budgetten.huidige_versie(conn, row.id))
    return await budget_read(conn, row)
