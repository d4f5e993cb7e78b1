"""Doorverwijzingen: an onderzoek refers the resident to an algemene or collectieve voorziening
(INT-06), without a beschikking; an aanvraag for a maatwerkvoorziening stays possible."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.doorverwijzing import (
    DoorverwijzingCreate,
    DoorverwijzingList,
    DoorverwijzingRead,
)
from wmo_intake.service import doorverwijzing as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["onderzoeken"])


@router.post(
    "/onderzoeken/{onderzoek_id}/doorverwijzingen",
    status_code=201,
    response_model=DoorverwijzingRead,
    summary="Verwijzen naar een algemene of collectieve voorziening (INT-06, geen beschikking)",
    responses={409: {"description": "De voorziening wordt niet meer aangeboden"}},
)
async def create_doorverwijzing(
    onderzoek_id: uuid.UUID,
    body: DoorverwijzingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.verwijs_door(db, principal, write, onderzoek_id, body))


@router.get(
    "/onderzoeken/{onderzoek_id}/doorverwijzingen",
    response_model=DoorverwijzingList,
    summary="De verwijzingen naar algemene en collectieve voorzieningen van een onderzoek",
)
async def list_doorverwijzingen(
    onderzoek_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lijst(db, principal, onderzoek_id))
