"""Pgb-plannen: the plan, its toets and the besluit. A BSN never appears in a URL: look plans
up with ``POST /pgb-plannen/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_pgb import service_budget, service_plannen
from wmo_pgb.api.schemas_plan import (
    PgbPlanCreate,
    PgbPlanList,
    PgbPlanRead,
    PgbPlanUpdate,
    PgbPlanZoek,
)
from wmo_pgb.api.schemas_toets import BesluitCreate, BesluitRead, ToetsingRead
from wmo_pgb.db import repository
from wmo_pgb.db.models import idempotency_keys
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import NotFound

router = APIRouter(prefix="/pgb-plannen", tags=["pgb-plannen"])
Gebiedsteam = require_roles("gebiedsteam")
Lezer = require_roles("gebiedsteam", "beheer")

_IF_MATCH_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Het pgb-plan is geen concept meer"},
    412: {"description": "Het pgb-plan is intussen gewijzigd"},
    428: {"description": "If-Match is vereist"},
}


def _json(body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), media_type="application/json", headers=headers)


@router.post(
    "",
    status_code=201,
    response_model=PgbPlanRead,
    summary="Een pgb-plan vastleggen (PGB-02)",
)
async def create_pgb_plan(
    body: PgbPlanCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    fp = fingerprint("POST", "/pgb-plannen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db,
        idempotency_keys,
        principal,
        idempotency_key,
        fp,
        lambda conn: service_plannen.create_plan(conn, principal, body),
    )


@router.get("/{pgb_plan_id}", response_model=PgbPlanRead, summary="Een pgb-plan lezen")
async def get_pgb_plan(
    pgb_plan_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        row = await repository.get_plan_audited(conn, principal, pgb_plan_id)
    if row is None:
        raise NotFound("Er is geen pgb-plan met dit id in uw gemeente.")
    return _json(service_plannen.plan_read(row), {"ETag": etag(row.versie)})


@router.put(
    "/{pgb_plan_id}",
    response_model=PgbPlanRead,
    summary="Een pgb-plan aanpassen zolang het een concept is (If-Match)",
    responses=_IF_MATCH_RESPONSES,
)
async def update_pgb_plan(
    pgb_plan_id: uuid.UUID,
    body: PgbPlanUpdate,
    request: Request,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        row = await service_plannen.update_plan(conn, principal, pgb_plan_id, body, if_match)
    return _json(service_plannen.plan_read(row), {"ETag": etag(row.versie)})


@router.post(
    "/_zoek",
    response_model=PgbPlanList,
    summary="Pgb-plannen zoeken op BSN (de BSN staat in de body, nooit in de URL)",
)
async def search_pgb_plannen(
    body: PgbPlanZoek, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        results = await service_plannen.zoek(conn, principal, body.bsn)
    return _json({"resultaten": results})


@router.post(
    "/{pgb_plan_id}/toetsingen",
    status_code=201,
    response_model=ToetsingRead,
    summary="Het pgb-plan toetsen: wil, kan en kwaliteit (PGB-01..13)",
)
async def create_toetsing(
    pgb_plan_id: uuid.UUID,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    path = f"/pgb-plannen/{pgb_plan_id}/toetsingen"
    return await run_idempotent(
        request.app.state.db,
        idempotency_keys,
        principal,
        idempotency_key,
        fingerprint("POST", path, None),
        lambda conn: service_plannen.create_toetsing(conn, principal, pgb_plan_id),
    )


@router.post(
    "/{pgb_plan_id}/besluiten",
    status_code=201,
    response_model=BesluitRead,
    summary="Besluiten over het pgb; bij toekenning wordt het budget berekend (PGB-11)",
    responses={
        409: {"description": "Over dit pgb-plan is al besloten"},
        412: {"description": "Het pgb-plan is intussen gewijzigd (If-Match)"},
        503: {"description": "De financiële dienst (tarieven) is niet bereikbaar"},
    },
)
async def create_besluit(
    pgb_plan_id: uuid.UUID,
    body: BesluitCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    """Met If-Match (optioneel) geldt het besluit alleen voor de gelezen versie van het plan."""
    path = f"/pgb-plannen/{pgb_plan_id}/besluiten"
    tarieven = service_budget.Tarieven(request)
    await service_plannen.besluit_vooraf(
        tarieven, request.app.state.db, principal, pgb_plan_id, body
    )
    return await run_idempotent(
        request.app.state.db,
        idempotency_keys,
        principal,
        idempotency_key,
        fingerprint("POST", path, body.model_dump(mode="json")),
        lambda conn: service_plannen.create_besluit(
            tarieven, conn, principal, pgb_plan_id, body, if_match
        ),
    )
