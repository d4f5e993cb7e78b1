"""Evaluaties: the review cycle of a running maatwerkvoorziening (issue 14.4) — doelrealisatie
per goal, the uitkomst (voortzetten, wijzigen, beëindigen) and the next review (IND-11)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.evaluatie import EvaluatieCreate, EvaluatieList, EvaluatieRead
from wmo_intake.service import evaluatie as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["evaluaties"])


@router.post(
    "/maatwerkvoorzieningen/{voorziening_id}/evaluaties",
    status_code=201,
    response_model=EvaluatieRead,
    summary="Een lopende maatwerkvoorziening evalueren: doelrealisatie per doel, uitkomst en "
    "de volgende evaluatie (IND-11)",
    responses={409: {"description": "De voorziening loopt niet (meer)"}},
)
async def create_evaluatie(
    voorziening_id: uuid.UUID,
    body: EvaluatieCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.evalueer(db, principal, write, voorziening_id, body))


@router.get(
    "/maatwerkvoorzieningen/{voorziening_id}/evaluaties",
    response_model=EvaluatieList,
    summary="De evaluaties van een maatwerkvoorziening, oudste eerst",
)
async def list_evaluaties(
    voorziening_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    return model_response(await svc.van_voorziening(db, principal, voorziening_id))


@router.get("/evaluaties/{evaluatie_id}", response_model=EvaluatieRead, summary="Een evaluatie")
async def get_evaluatie(
    evaluatie_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    return model_response(await svc.lees(db, principal, evaluatie_id))
