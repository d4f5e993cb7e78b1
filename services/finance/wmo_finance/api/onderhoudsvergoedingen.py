"""FIN-06: a tegemoetkoming in maintenance or repair (90%, prior contact, warranty first, no
eigen bijdrage). A refusal is stored as an outcome with its rules."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_finance import service_tegemoetkomingen as service
from wmo_finance.api.responses import idempotent, json_response
from wmo_finance.api.tegemoetkoming_schemas import (
    OnderhoudsvergoedingCreate,
    OnderhoudsvergoedingRead,
)
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotencyKey

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
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    async def handler(conn: AsyncConnection) -> tuple[int, Any, dict[str, str]]:
        out = await service.onderhoud(conn, principal, body)
        return 201, out, {"Location": f"/api/v1/onderhoudsvergoedingen/{out['id']}"}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/{onderhoudsvergoeding_id}",
    response_model=OnderhoudsvergoedingRead,
    summary="Een onderhoudsvergoeding lezen",
)
async def get_onderhoudsvergoeding(
    onderhoudsvergoeding_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        body = await service.lees_onderhoud(conn, principal, onderhoudsvergoeding_id)
    return json_response(body)
