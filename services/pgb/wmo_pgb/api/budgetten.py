"""Budgetten: read, revise (a new version, the old kept), withdraw, check spending (PGB-14)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db, FinanceTarieven
from wmo_pgb.schemas.budget import (
    BestedingscontroleCreate,
    BestedingscontroleRead,
    BudgetRead,
    HerzieningCreate,
    IntrekkingCreate,
    IntrekkingRead,
)
from wmo_pgb.service import bestedingscontrole, budget
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import versioned_response, written_response

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
async def get_budget(budget_id: uuid.UUID, db: Db, principal: Principal = Lezer) -> Response:
    gelezen = await budget.lees_budget(db, principal, budget_id)
    return versioned_response(gelezen, gelezen.versie)


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
    db: Db,
    tarieven: FinanceTarieven,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(
        await budget.herzien(db, tarieven, principal, write, budget_id, body, if_match)
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
    db: Db,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(await budget.intrekken(db, principal, write, budget_id, body, if_match))


@router.post(
    "/{budget_id}/bestedingscontroles",
    status_code=201,
    response_model=BestedingscontroleRead,
    summary="De jaarlijkse controle van de besteding (PGB-14)",
)
async def create_bestedingscontrole(
    budget_id: uuid.UUID,
    body: BestedingscontroleCreate,
    db: Db,
    write: IdempotentWrite,
    principal: Principal = Controleur,
) -> Response:
    return written_response(
        await bestedingscontrole.create_bestedingscontrole(db, principal, write, budget_id, body)
    )
