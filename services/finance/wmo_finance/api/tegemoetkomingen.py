"""Financiële tegemoetkoming (FIN-01..FIN-08) and its life as sub-resources. A BSN never appears
in a URL: look a person's tegemoetkomingen up with ``POST /tegemoetkomingen/_zoek``."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_finance import service_tegemoetkomingen as service
from wmo_finance.api.responses import idempotent, json_response
from wmo_finance.api.tegemoetkoming_schemas import (
    BetalingCreate,
    BewijsCreate,
    EigenBijdrageSchemaRead,
    HerzieningCreate,
    TegemoetkomingCreate,
    TegemoetkomingList,
    TegemoetkomingRead,
    TegemoetkomingZoek,
    TerugvorderingCreate,
    ToekenningCreate,
)
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(prefix="/tegemoetkomingen", tags=["tegemoetkomingen"])
Behandelaar = require_roles("gebiedsteam", "financien")

_OVERGANG_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Deze overgang kan niet in de huidige status"},
    412: {"description": "De tegemoetkoming is intussen gewijzigd"},
    428: {"description": "If-Match ontbreekt"},
}


def _location(tegemoetkoming_id: object) -> str:
    return f"/api/v1/tegemoetkomingen/{tegemoetkoming_id}"


@router.post(
    "",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Een financiële tegemoetkoming berekenen en vastleggen (FIN-01..FIN-05)",
)
async def create_tegemoetkoming(
    body: TegemoetkomingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    async def handler(conn: AsyncConnection) -> tuple[int, Any, dict[str, str]]:
        out = await service.maak(conn, principal, body)
        return 201, out, {"Location": _location(out["id"]), "ETag": etag(out["versie"])}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/_zoek",
    response_model=TegemoetkomingList,
    summary="De tegemoetkomingen van een inwoner (de BSN staat in de body, nooit in de URL)",
)
async def search_tegemoetkomingen(
    body: TegemoetkomingZoek, request: Request, principal: Principal = Behandelaar
) -> Response:
    async with request.app.state.db.transaction() as conn:
        results = await service.zoek(conn, principal, body.bsn)
    return json_response({"resultaten": results})


@router.get(
    "/{tegemoetkoming_id}", response_model=TegemoetkomingRead, summary="Een tegemoetkoming lezen"
)
async def get_tegemoetkoming(
    tegemoetkoming_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        body, versie = await service.lees(conn, principal, tegemoetkoming_id)
    return json_response(body, headers={"ETag": etag(versie)})


@router.get(
    "/{tegemoetkoming_id}/eigen-bijdrage",
    response_model=EigenBijdrageSchemaRead,
    summary="Het eigen-bijdrageschema van een toegekende tegemoetkoming (FIN-08)",
)
async def get_eigen_bijdrage(
    tegemoetkoming_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        body = await service.eigen_bijdrage(conn, principal, tegemoetkoming_id)
    return json_response(body)


Stap = Callable[[AsyncConnection], Awaitable[tuple[dict[str, Any], int]]]


async def _overgang(
    request: Request,
    principal: Principal,
    idempotency_key: str | None,
    body: BaseModel,
    stap: Stap,
) -> Response:
    async def handler(conn: AsyncConnection) -> tuple[int, Any, dict[str, str]]:
        out, versie = await stap(conn)
        return 201, out, {"Location": _location(out["id"]), "ETag": etag(versie)}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/{tegemoetkoming_id}/toekenningen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Toekennen bij besluit: bewijstermijn (FIN-07) en eigen-bijdrageschema (FIN-08)",
    responses=_OVERGANG_RESPONSES,
)
async def create_toekenning(
    tegemoetkoming_id: uuid.UUID,
    body: ToekenningCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    return await _overgang(
        request,
        principal,
        idempotency_key,
        body,
        lambda conn: service.ken_toe(conn, principal, tegemoetkoming_id, if_match, body),
    )


@router.post(
    "/{tegemoetkoming_id}/betalingen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="De uitbetaling vastleggen (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_betaling(
    tegemoetkoming_id: uuid.UUID,
    body: BetalingCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    return await _overgang(
        request,
        principal,
        idempotency_key,
        body,
        lambda conn: service.betaal(conn, principal, tegemoetkoming_id, if_match, body),
    )


@router.post(
    "/{tegemoetkoming_id}/bewijzen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Het betaalbewijs of de factuur ontvangen (FIN-04, FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_bewijs(
    tegemoetkoming_id: uuid.UUID,
    body: BewijsCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    return await _overgang(
        request,
        principal,
        idempotency_key,
        body,
        lambda conn: service.ontvang_bewijs(conn, principal, tegemoetkoming_id, if_match, body),
    )


@router.post(
    "/{tegemoetkoming_id}/terugvorderingen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Terugvorderen: geen bewijs na de termijn, of na een herziening (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_terugvordering(
    tegemoetkoming_id: uuid.UUID,
    body: TerugvorderingCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    return await _overgang(
        request,
        principal,
        idempotency_key,
        body,
        lambda conn: service.vorder_terug(conn, principal, tegemoetkoming_id, if_match, body),
    )


@router.post(
    "/{tegemoetkoming_id}/herzieningen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Herzien na een mislukte toets aan het programma van eisen (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_herziening(
    tegemoetkoming_id: uuid.UUID,
    body: HerzieningCreate,
    request: Request,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    return await _overgang(
        request,
        principal,
        idempotency_key,
        body,
        lambda conn: service.herzie(conn, principal, tegemoetkoming_id, if_match, body),
    )
