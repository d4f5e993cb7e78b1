"""Onderzoeken: started on a melding after the INT-02 notice; updated with If-Match (every
version kept); the indicatie service asked for an advies; the verslag for the client."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake import service_onderzoek as svc
from wmo_intake.api.common import (
    CaseReader,
    CaseWorker,
    Created,
    created,
    idempotent,
    json_response,
    wire,
)
from wmo_intake.db.models import clienten
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesCreate, IndicatieAdviesRead
from wmo_intake.schemas.onderzoek import OnderzoekCreate, OnderzoekRead
from wmo_intake.service_verslag import markdown, verslag
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(tags=["onderzoeken"])


@router.post(
    "/meldingen/{melding_id}/onderzoeken",
    status_code=201,
    response_model=OnderzoekRead,
    summary="Het onderzoek starten (kan pas na het bericht over cliëntondersteuning, INT-02)",
    responses={409: {"description": "De zaak is niet in een status waarin dit kan"}},
)
async def create_onderzoek(
    melding_id: uuid.UUID,
    body: OnderzoekCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        onderzoek = await svc.start_onderzoek(conn, principal, melding_id, body)
        return created(f"/onderzoeken/{onderzoek.id}", wire(onderzoek), onderzoek.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get("/onderzoeken/{onderzoek_id}", response_model=OnderzoekRead, summary="Een onderzoek")
async def get_onderzoek(
    onderzoek_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        onderzoek = await svc.lees_onderzoek(conn, principal, onderzoek_id)
    return json_response(wire(onderzoek), headers={"ETag": etag(onderzoek.versie)})


@router.put(
    "/onderzoeken/{onderzoek_id}",
    response_model=OnderzoekRead,
    summary="Het onderzoek bijwerken (nieuwe versie; If-Match met de ETag)",
    responses={
        409: {"description": "Het onderzoek is afgesloten"},
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_onderzoek(
    onderzoek_id: uuid.UUID,
    body: OnderzoekCreate,
    request: Request,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        onderzoek = await svc.werk_onderzoek_bij(conn, principal, onderzoek_id, body, if_match)
    return json_response(wire(onderzoek), headers={"ETag": etag(onderzoek.versie)})


@router.post(
    "/onderzoeken/{onderzoek_id}/indicatie-adviezen",
    status_code=201,
    response_model=IndicatieAdviesRead,
    summary="Advies over begeleiding vragen aan de indicatie-service en bewaren",
    responses={503: {"description": "De indicatie-service is niet bereikbaar"}},
)
async def create_indicatie_advies(
    onderzoek_id: uuid.UUID,
    body: IndicatieAdviesCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        advies = await svc.vraag_indicatie_advies(
            conn,
            request.app.state.clients["indicatie"],
            request.state.token,
            principal,
            onderzoek_id,
            body.verzoek,
            idempotency_key,
        )
        return created(f"/onderzoeken/{onderzoek_id}/indicatie-adviezen/{advies.id}", wire(advies))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/onderzoeken/{onderzoek_id}/verslag",
    summary="Het verslag van het onderzoek voor de cliënt (JSON, of markdown met "
    "Accept: text/markdown)",
    responses={
        200: {
            "description": "Het verslag",
            "content": {"application/json": {}, "text/markdown": {}},
        }
    },
)
async def get_verslag(
    onderzoek_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        row, zaak = await svc.laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
        onderzoek = await svc.onderzoek_read(conn, row)
        client = (await conn.execute(select(clienten).where(clienten.c.id == zaak.client_id))).one()
    document = verslag(onderzoek, zaak, client)
    if "text/markdown" in request.headers.get("accept", ""):
        return Response(markdown(document), media_type="text/markdown; charset=utf-8")
    return json_response(document)
