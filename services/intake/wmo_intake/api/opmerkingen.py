"""Opmerkingen: comments on the case, also by a cliëntondersteuner with the client's consent
(INT-15)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, Db
from wmo_intake.schemas.opmerking import OpmerkingCreate, OpmerkingList, OpmerkingRead
from wmo_intake.service import opmerking as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["meldingen"])


@router.post(
    "/meldingen/{melding_id}/opmerkingen",
    status_code=201,
    response_model=OpmerkingRead,
    summary="Een opmerking bij de zaak plaatsen (ook de cliëntondersteuner, INT-15)",
)
async def create_opmerking(
    melding_id: uuid.UUID,
    body: OpmerkingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseReader,
) -> Response:
    return written_response(await svc.plaats_opmerking(db, principal, write, melding_id, body))


@router.get(
    "/meldingen/{melding_id}/opmerkingen",
    response_model=OpmerkingList,
    summary="De opmerkingen bij de zaak",
)
async def list_opmerkingen(
    melding_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lees_opmerkingen(db, principal, melding_id))
