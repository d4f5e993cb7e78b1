"""The life events of a cliënt that end what runs: a move (also to another gemeente) and death
(issue 12.7). Each is a new version of the cliënt (If-Match with its ETag)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import Db, Relay
from wmo_intake.schemas.clientwijziging import (
    ClientgebeurtenisRead,
    OverlijdensmeldingCreate,
    VerhuizingCreate,
)
from wmo_intake.service import clientwijziging as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(prefix="/clienten", tags=["clienten"])
Levensgebeurtenis = require_roles("gebiedsteam", "beheer", "systeem")
WIJZIGING: dict[int | str, dict[str, Any]] = {
    409: {"description": "De cliënt is overleden of vertrokken"},
    412: {"description": "Intussen gewijzigd"},
    428: {"description": "If-Match ontbreekt"},
}


@router.post(
    "/{client_id}/verhuizingen",
    status_code=201,
    response_model=ClientgebeurtenisRead,
    summary="Een verhuizing; naar een andere gemeente: lopende voorzieningen eindigen de dag "
    "ervoor en de zaken sluiten (de geschiedenis blijft)",
    responses=WIJZIGING,
)
async def create_verhuizing(
    client_id: uuid.UUID,
    body: VerhuizingCreate,
    write: IdempotentWrite,
    db: Db,
    relay: Relay,
    if_match: IfMatch = None,
    principal: Principal = Levensgebeurtenis,
) -> Response:
    return written_response(
        await svc.verhuis(db, principal, write, client_id, body, if_match, relay)
    )


@router.post(
    "/{client_id}/overlijdensmeldingen",
    status_code=201,
    response_model=ClientgebeurtenisRead,
    summary="Het overlijden: elke lopende voorziening eindigt op die datum (CAK, pgb en "
    "aanbieder horen het), de zaken sluiten",
    responses=WIJZIGING,
)
async def create_overlijdensmelding(
    client_id: uuid.UUID,
    body: OverlijdensmeldingCreate,
    write: IdempotentWrite,
    db: Db,
    relay: Relay,
    if_match: IfMatch = None,
    principal: Principal = Levensgebeurtenis,
) -> Response:
    return written_response(
        await svc.registreer_overlijden(db, principal, write, client_id, body, if_match, relay)
    )
