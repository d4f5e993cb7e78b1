"""Household and network of a cliënt (``/clienten/{id}/huisgenoten``,
``/clienten/{id}/netwerkleden`` for mantelzorgers and other network members) and the pure
judgements INT-07 (``/gebruikelijke-hulp-beoordelingen``) and INT-08
(``/huishouding-beoordelingen``). No personal data in a URL: only the client's id."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake import service_huishouden as svc
from wmo_intake.api.common import (
    CaseReader,
    CaseWorker,
    Created,
    created,
    idempotent,
    json_response,
    wire,
)
from wmo_intake.schemas.huishouden import (
    GebruikelijkeHulpBeoordelingCreate,
    GebruikelijkeHulpBeoordelingRead,
    HuisgenootCreate,
    HuisgenootList,
    HuisgenootRead,
    HuishoudingBeoordelingCreate,
    HuishoudingBeoordelingRead,
    NetwerklidCreate,
    NetwerklidList,
    NetwerklidRead,
)
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(tags=["huishouden"])


@router.post(
    "/clienten/{client_id}/huisgenoten",
    status_code=201,
    response_model=HuisgenootRead,
    summary="Een huisgenoot van de cliënt vastleggen (relatie, geboortedatum, inwonend)",
)
async def create_huisgenoot(
    client_id: uuid.UUID,
    body: HuisgenootCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        lid = await svc.voeg_huisgenoot_toe(conn, principal, client_id, body)
        return created(f"/clienten/{client_id}/huisgenoten/{lid.id}", wire(lid))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/clienten/{client_id}/huisgenoten",
    response_model=HuisgenootList,
    summary="De huisgenoten van de cliënt",
)
async def list_huisgenoten(
    client_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        rows = await svc.leden(conn, principal, client_id, ("huisgenoot",))
    return json_response({"resultaten": [wire(svc.huisgenoot_read(r)) for r in rows]})


@router.post(
    "/clienten/{client_id}/netwerkleden",
    status_code=201,
    response_model=NetwerklidRead,
    summary="Een mantelzorger of ander lid van het sociale netwerk vastleggen",
)
async def create_netwerklid(
    client_id: uuid.UUID,
    body: NetwerklidCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        lid = await svc.voeg_netwerklid_toe(conn, principal, client_id, body)
        return created(f"/clienten/{client_id}/netwerkleden/{lid.id}", wire(lid))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/clienten/{client_id}/netwerkleden",
    response_model=NetwerklidList,
    summary="De mantelzorgers en andere netwerkleden van de cliënt",
)
async def list_netwerkleden(
    client_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        rows = await svc.leden(conn, principal, client_id, ("mantelzorger", "netwerklid"))
    return json_response({"resultaten": [wire(svc.netwerklid_read(r)) for r in rows]})


@router.post(
    "/gebruikelijke-hulp-beoordelingen",
    response_model=GebruikelijkeHulpBeoordelingRead,
    summary="INT-07: welke taken vallen onder gebruikelijke hulp van de huisgenoten?",
)
async def create_gebruikelijke_hulp_beoordeling(
    body: GebruikelijkeHulpBeoordelingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        uitkomst = await svc.beoordeel_gebruikelijke_hulp(conn, principal, body)
        return 200, wire(uitkomst), {}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/huishouding-beoordelingen",
    response_model=HuishoudingBeoordelingRead,
    summary="INT-08: vormen deze personen een gezamenlijke huishouding?",
)
async def create_huishouding_beoordeling(
    body: HuishoudingBeoordelingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        return 200, wire(svc.beoordeel_huishouding(body)), {}

    return await idempotent(request, principal, idempotency_key, body, handler)
