"""Pgb-plannen. A BSN never appears in a URL: look plans up with ``POST /pgb-plannen/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db, IntakeAanvragen
from wmo_pgb.schemas.pgb_plan import (
    PgbPlanCreate,
    PgbPlanList,
    PgbPlanRead,
    PgbPlanUpdate,
    PgbPlanZoek,
)
from wmo_pgb.service import pgb_plan as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import document_response, model_response, written_response

router = APIRouter(prefix="/pgb-plannen", tags=["pgb-plannen"])
Gebiedsteam = require_roles("gebiedsteam")
Lezer = require_roles("gebiedsteam", "beheer")

_IF_MATCH_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Het pgb-plan is geen concept meer"},
    412: {"description": "Het pgb-plan is intussen gewijzigd"},
    428: {"description": "If-Match is vereist"},
}


@router.post(
    "",
    status_code=201,
    response_model=PgbPlanRead,
    summary="Een pgb-plan vastleggen (PGB-02)",
)
async def create_pgb_plan(
    body: PgbPlanCreate,
    db: Db,
    write: IdempotentWrite,
    aanvragen: IntakeAanvragen,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(await svc.create_plan(db, principal, write, body, aanvragen))


@router.get("/{pgb_plan_id}", response_model=PgbPlanRead, summary="Een pgb-plan lezen")
async def get_pgb_plan(pgb_plan_id: uuid.UUID, db: Db, principal: Principal = Lezer) -> Response:
    return document_response(await svc.lees_plan(db, principal, pgb_plan_id))


@router.put(
    "/{pgb_plan_id}",
    response_model=PgbPlanRead,
    summary="Een pgb-plan aanpassen zolang het een concept is (If-Match)",
    responses=_IF_MATCH_RESPONSES,
)
async def update_pgb_plan(
    pgb_plan_id: uuid.UUID,
    body: PgbPlanUpdate,
    db: Db,
    write: IdempotentWrite,
    aanvragen: IntakeAanvragen,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(
        await svc.update_plan(db, principal, write, pgb_plan_id, body, if_match, aanvragen)
    )


@router.post(
    "/_zoek",
    response_model=PgbPlanList,
    summary="Pgb-plannen zoeken op BSN (de BSN staat in de body, nooit in de URL)",
)
async def search_pgb_plannen(body: PgbPlanZoek, db: Db, principal: Principal = Lezer) -> Response:
    return model_response(await svc.zoek(db, principal, body.bsn))
