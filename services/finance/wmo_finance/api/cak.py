"""FIN-12 CAK register: the receiver of intake's events, a person's register (looked up with
the BSN in the body) and the change feed the exchange scripts read."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_finance import service_cak as service
from wmo_finance.api.cak_schemas import (
    CakMutatiePage,
    CakVoorzieningList,
    CakVoorzieningRead,
    CakVoorzieningZoek,
)
from wmo_finance.api.responses import idempotent, json_response
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import MaatwerkvoorzieningEvent
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(tags=["cak"])
Systeem = require_roles("systeem")
Lezer = require_roles("financien", "gebiedsteam")
FeedLezer = require_roles("financien", "systeem")


@router.post(
    "/cak-voorzieningen",
    status_code=201,
    response_model=CakVoorzieningRead,
    summary="Een maatwerkvoorziening met eigen bijdrage vastleggen voor het CAK (event)",
    responses={200: {"model": CakVoorzieningRead, "description": "Event al eerder ontvangen"}},
)
async def receive_cak_voorziening(
    body: MaatwerkvoorzieningEvent,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Systeem,
) -> Response:
    async def handler(conn: AsyncConnection) -> tuple[int, Any, dict[str, str]]:
        status, out = await service.ontvang(conn, principal, body)
        return status, out, {}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/cak-voorzieningen/_zoek",
    response_model=CakVoorzieningList,
    summary="Het CAK-register van een inwoner (de BSN staat in de body, nooit in de URL)",
)
async def search_cak_voorzieningen(
    body: CakVoorzieningZoek, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        results = await service.zoek(conn, principal, body.bsn)
    return json_response({"resultaten": results})


@router.get(
    "/cak-mutaties",
    response_model=CakMutatiePage,
    summary="De wijzigingen voor het CAK na een cursor, oplopend op volgnummer",
)
async def list_cak_mutaties(
    request: Request,
    cursor: Annotated[
        str | None,
        Query(
            max_length=40, description="volgendeCursor van de vorige pagina; leeg: vanaf het begin"
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Hoeveel wijzigingen")] = 500,
    principal: Principal = FeedLezer,
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        body = await service.mutaties(conn, principal, cursor, limit)
    return Response(body, media_type="application/json")
