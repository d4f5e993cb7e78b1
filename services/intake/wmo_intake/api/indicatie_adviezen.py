"""Indicatie-adviezen: the indicatie service asked for an advies on begeleiding during the
onderzoek, with the caller's token; its answer is kept with the onderzoek."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import BearerToken, CaseWorker, Db, Indicatie
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesCreate, IndicatieAdviesRead
from wmo_intake.service import indicatie_advies as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(tags=["onderzoeken"])


@router.post(
    "/onderzoeken/{onderzoek_id}/indicatie-adviezen",
    status_code=201,
    response_model=IndicatieAdviesRead,
    summary="Advies over begeleiding vragen aan de indicatie-service en bewaren",
    responses={503: {"description": "De indicatie-service is niet bereikbaar"}},
)
async def create_indicatie_advies(
    onderzoek_id: uuid.UUID,
    body: IndicatieAdviesCreate,
    write: IdempotentWrite,
    db: Db,
    indicatie: Indicatie,
    principal: Principal = CaseWorker,
    token: str = BearerToken,
) -> Response:
    return written_response(
        await svc.vraag_advies(db, principal, write, indicatie, token, onderzoek_id, body)
    )
