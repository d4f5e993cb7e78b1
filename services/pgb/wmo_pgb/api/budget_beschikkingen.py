"""Receiver of intake's ``PgbBeschiktEvent``: the beschikking makes the budget formal (it then
goes to the SVB feed) or withdraws it. Idempotent on eventId (inbox)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db
from wmo_pgb.schemas.budget import BudgetRead
from wmo_pgb.service import budget_beschikking as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import PgbBeschiktEvent
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(prefix="/budget-beschikkingen", tags=["budget-beschikkingen"])
Systeem = require_roles("systeem")


@router.post(
    "",
    status_code=200,
    response_model=BudgetRead,
    summary="Een beschikking over een pgb ontvangen (event pgb-beschikt of pgb-ingetrokken)",
    responses={409: {"description": "Het budget is al ingetrokken"}},
)
async def receive_budget_beschikking(
    body: PgbBeschiktEvent, db: Db, write: IdempotentWrite, principal: Principal = Systeem
) -> Response:
    return written_response(await svc.beschikking_ontvangen(db, principal, write, body))
