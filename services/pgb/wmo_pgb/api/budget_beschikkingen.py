"""Receiver of intake's ``PgbBeschiktEvent``: the beschikking makes the budget formal (it then
goes to the SVB feed) or withdraws it. Idempotent on eventId (inbox)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_pgb import service_budget
from wmo_pgb.api.schemas_budget import BudgetRead
from wmo_pgb.db.models import idempotency_keys
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import PgbBeschiktEvent
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent

router = APIRouter(prefix="/budget-beschikkingen", tags=["budget-beschikkingen"])
Systeem = require_roles("systeem")


@router.post(
    "",
    status_code=200,
    response_model=BudgetRead | None,
    summary="Een beschikking over een pgb ontvangen (event pgb-beschikt of pgb-ingetrokken)",
    responses={409: {"description": "Het budget is al ingetrokken"}},
)
async def receive_budget_beschikking(
    body: PgbBeschiktEvent,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Systeem,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        budget = await service_budget.beschikking_ontvangen(conn, principal, body)
        return 200, budget, {}

    fp = fingerprint("POST", "/budget-beschikkingen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )
