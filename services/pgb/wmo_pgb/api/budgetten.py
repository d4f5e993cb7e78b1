"""Budgetten: read, revise (a new version, the old kept), withdraw, check spending (PGB-14)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_pgb import service_budget
from wmo_pgb.api.schemas_budget import (
    BestedingscontroleCreate,
    BestedingscontroleRead,
    BudgetRead,
    HerzieningCreate,
    IntrekkingCreate,
    IntrekkingRead,
)
from wmo_pgb.db.models import idempotency_keys
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps

router = APIRouter(prefix="/budgetten", tags=["budgetten"])
Gebiedsteam = require_roles("gebiedsteam")
Lezer = require_roles("gebiedsteam", "financien", "beheer")
Controleur = require_roles("gebiedsteam", "financien")

_WIJZIG_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Het budget is ingetrokken"},
    412: {"description": "Het budget is intussen gewijzigd"},
    428: {"description": "If-Match is vereist"},
    503: {"description": "De financiële dienst (tarieven) is niet bereikbaar"},
}


@router.get("/{budget_id}", response_model=BudgetRead, summary="Een budget lezen, met versies")
async def get_budget(
    budget_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        row = await service_budget.lees(conn, principal, budget_id)
        body = await service_budget.budget_read(conn, row)
    return Response(dumps(body), media_type="application/json", headers={"ETag": etag(row.versie)})


def _with_etag(body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
    budget = body.get("budget", body)
    return (
        201,
        body,
        {"ETag": etag(budget["versie"]), "Location": f"/api/v1/budgetten/{budget['id']}"},
    )


@router.post(
    "/{budget_id}/herzieningen",
    status_code=201,
    response_model=BudgetRead,
    summary="Het budget herzien: een nieuwe versie, de oude blijft bewaard (If-Match)",
    responses=_WIJZIG_RESPONSES,
)
async def create_herziening(
    budget_id: uuid.UUID,
    body: HerzieningCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    tarieven = service_budget.Tarieven(request)
    await service_budget.herziening_vooraf(
        tarieven, request.app.state.db, principal, budget_id, body
    )

    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        return _with_etag(
            await service_budget.herzien(tarieven, conn, principal, budget_id, body, if_match)
        )

    fp = fingerprint("POST", f"/budgetten/{budget_id}/herzieningen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )


@router.post(
    "/{budget_id}/intrekkingen",
    status_code=201,
    response_model=IntrekkingRead,
    summary="Het budget intrekken (If-Match)",
    responses=_WIJZIG_RESPONSES,
)
async def create_intrekking(
    budget_id: uuid.UUID,
    body: IntrekkingCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        result = await service_budget.intrekken(conn, principal, budget_id, body, if_match)
        read = IntrekkingRead.model_validate(result).model_dump(mode="json", by_alias=True)
        return _with_etag(read)

    fp = fingerprint("POST", f"/budgetten/{budget_id}/intrekkingen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )


@router.post(
    "/{budget_id}/bestedingscontroles",
    status_code=201,
    response_model=BestedingscontroleRead,
    summary="De jaarlijkse controle van de besteding (PGB-14)",
)
async def create_bestedingscontrole(
    budget_id: uuid.UUID,
    body: BestedingscontroleCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Controleur,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        return 201, await service_budget.bestedingscontrole(conn, principal, budget_id, body), {}

    path = f"/budgetten/{budget_id}/bestedingscontroles"
    fp = fingerprint("POST", path, body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )
