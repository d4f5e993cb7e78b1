"""FIN-12 CAK register: the receiver of intake's events, a person's register (looked up with
the BSN in the body) and the change feed the exchange scripts read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_finance.schemas.cak import (
    CakMutatiePage,
    CakVoorzieningList,
    CakVoorzieningRead,
    CakVoorzieningZoek,
)
from wmo_finance.service import cak as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import MaatwerkvoorzieningEvent
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, page_response, written_response

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
    write: IdempotentWrite,
    principal: Principal = Systeem,
) -> Response:
    return written_response(await svc.ontvang(request.app.state.db, principal, write, body))


@router.post(
    "/cak-voorzieningen/_zoek",
    response_model=CakVoorzieningList,
    summary="Het CAK-register van een inwoner (de BSN staat in de body, nooit in de URL)",
)
async def search_cak_voorzieningen(
    body: CakVoorzieningZoek, request: Request, principal: Principal = Lezer
) -> Response:
    return model_response(await svc.zoek(request.app.state.db, principal, body.bsn))


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
            pattern=r"^[0-9]{0,18}$",
            description="volgendeCursor van de vorige pagina; leeg: vanaf het begin",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Hoeveel wijzigingen")] = 500,
    principal: Principal = FeedLezer,
) -> Response:
    return page_response(await svc.mutaties(request.app.state.db, principal, cursor, limit))
