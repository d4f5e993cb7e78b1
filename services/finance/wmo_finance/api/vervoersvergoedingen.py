"""FIN-10: a vervoersvergoeding calculated; with ``toekennen: true`` also recorded."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_finance.schemas.vervoersvergoeding import (
    VervoersvergoedingCreate,
    VervoersvergoedingRead,
)
from wmo_finance.service import vervoersvergoeding as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(tags=["berekeningen"])
Behandelaar = require_roles("gebiedsteam", "financien")


@router.post(
    "/vervoersvergoedingen",
    response_model=VervoersvergoedingRead,
    summary="Een vervoersvergoeding berekenen; met toekennen: true ook vastleggen (FIN-10)",
    responses={201: {"model": VervoersvergoedingRead, "description": "Toegekend en vastgelegd"}},
)
async def create_vervoersvergoeding(
    body: VervoersvergoedingCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(await svc.bereken(request.app.state.db, principal, write, body))
