"""Aanvragen and beschikkingen. A beschikking is a concept until it is sent
(``/beschikkingen/{id}/verzendingen``); from then on it never changes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake import service_besluit as svc
from wmo_intake.api.common import (
    CaseReader,
    CaseWorker,
    Created,
    created,
    idempotent,
    json_response,
    wire,
)
from wmo_intake.schemas.aanvraag import AanvraagCreate, AanvraagRead
from wmo_intake.schemas.beschikking import BeschikkingCreate, BeschikkingRead, VerzendingCreate
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(tags=["besluiten"])
_STATUS = {409: {"description": "De zaak is niet in een status waarin dit kan"}}


@router.post(
    "/aanvragen",
    status_code=201,
    response_model=AanvraagRead,
    summary="Een aanvraag ontvangen; de beschikking volgt binnen twee weken (INT-03)",
    responses=_STATUS,
)
async def create_aanvraag(
    body: AanvraagCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        aanvraag = await svc.ontvang_aanvraag(conn, principal, body)
        return created(f"/aanvragen/{aanvraag.id}", wire(aanvraag))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get("/aanvragen/{aanvraag_id}", response_model=AanvraagRead, summary="Een aanvraag")
async def get_aanvraag(
    aanvraag_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        aanvraag = await svc.lees_aanvraag(conn, principal, aanvraag_id)
    return json_response(wire(aanvraag))


@router.post(
    "/beschikkingen",
    status_code=201,
    response_model=BeschikkingRead,
    summary="Een beschikking opstellen (toekenning, afwijzing, herziening of intrekking)",
    responses=_STATUS,
)
async def create_beschikking(
    body: BeschikkingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        beschikking = await svc.maak_beschikking(conn, principal, body)
        return created(f"/beschikkingen/{beschikking.id}", wire(beschikking), beschikking.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/beschikkingen/{beschikking_id}", response_model=BeschikkingRead, summary="Een beschikking"
)
async def get_beschikking(
    beschikking_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        beschikking = await svc.lees_beschikking(conn, principal, beschikking_id)
    return json_response(wire(beschikking), headers={"ETag": etag(beschikking.versie)})


@router.post(
    "/beschikkingen/{beschikking_id}/verzendingen",
    status_code=201,
    response_model=BeschikkingRead,
    summary="De beschikking verzenden: daarna verandert zij niet meer; finance en pgb krijgen "
    "bericht via de outbox",
    responses={
        409: {"description": "Al verzonden, of de zaak is niet in een passende status"},
        412: {"description": "Intussen gewijzigd (If-Match)"},
    },
)
async def create_verzending(
    beschikking_id: uuid.UUID,
    body: VerzendingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        beschikking = await svc.verzend_beschikking(conn, principal, beschikking_id, body, if_match)
        return created(f"/beschikkingen/{beschikking.id}", wire(beschikking), beschikking.versie)

    response = await idempotent(request, principal, idempotency_key, body, handler)
    relay = request.app.state.relay
    if relay is not None and response.status_code == 201:
        relay.wake()
    return response
