"""FIN-06: a tegemoetkoming in maintenance or repair (90%, prior contact, warranty first, no
eigen bijdrage). A refusal is stored as an outcome with its rules."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_finance.schemas.onderhoudsvergoeding import (
    OnderhoudsvergoedingCreate,
    OnderhoudsvergoedingRead,
)
from wmo_finance.service import onderhoudsvergoeding as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/onderhoudsvergoedingen", tags=["onderhoudsvergoedingen"])
Behandelaar = require_roles("gebiedsteam", "financien")


@router.post(
    "",
    status_code=201,
    response_model=OnderhoudsvergoedingRead,
    summary="Onderhoud of reparatie beoordelen en vastleggen (FIN-06)",
)
async def create_onderhoudsvergoeding(
    body: OnderhoudsvergoedingCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(await svc.maak(request.app.state.db, principal, write, body))


@router.get(
    "/{onderhoudsvergoeding_id}",
    response_model=OnderhoudsvergoedingRead,
    summary="Een onderhoudsvergoeding lezen",
)
async def get_onderhoudsvergoeding(
    onderhoudsvergoeding_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    return model_response(await svc.lees(request.app.state.db, principal, onderhoudsvergoeding_id))
