"""Aanvragen: after the onderzoek the client asks for support; the beschikking follows within
two weeks (INT-03)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.aanvraag import AanvraagCreate, AanvraagRead
from wmo_intake.service import aanvraag as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["besluiten"])


@router.post(
    "/aanvragen",
    status_code=201,
    response_model=AanvraagRead,
    summary="Een aanvraag ontvangen; de beschikking volgt binnen twee weken (INT-03)",
    responses={409: {"description": "De zaak is niet in een status waarin dit kan"}},
)
async def create_aanvraag(
    body: AanvraagCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.ontvang_aanvraag(db, principal, write, body))


@router.get("/aanvragen/{aanvraag_id}", response_model=AanvraagRead, summary="Een aanvraag")
async def get_aanvraag(
    aanvraag_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lees_aanvraag(db, principal, aanvraag_id))
