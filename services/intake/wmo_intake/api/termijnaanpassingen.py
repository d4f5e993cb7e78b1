"""Terms that pause and stretch, with reasons: the beslistermijn of an aanvraag (opschorting,
Awb 4:15; the notice of 4:14) and the onderzoekstermijn of a melding (extended by agreement,
INT-01), each with the adjusted term and every step."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.termijnaanpassing import (
    AangepasteTermijnRead,
    AanvullingUpdate,
    OnderzoeksverlengingCreate,
    OpschortingCreate,
    TermijnaanpassingRead,
    VertragingCreate,
)
from wmo_intake.service import aanvraagtermijn, onderzoekstermijn
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["termijnen"])
Peildatum = Annotated[dt.date | None, Query(description="Stand van de termijn op deze dag")]
_GEWEIGERD: dict[int | str, dict[str, Any]] = {
    409: {"description": "Er is al beslist, of het onderzoek is voorbij"},
}


@router.post(
    "/aanvragen/{aanvraag_id}/opschortingen",
    status_code=201,
    response_model=TermijnaanpassingRead,
    summary="De beslistermijn opschorten: aanvulling van de aanvraag (Awb 4:15 lid 1) of een "
    "grond van 4:15 lid 2, met reden",
    responses=_GEWEIGERD,
)
async def create_opschorting(
    aanvraag_id: uuid.UUID,
    body: OpschortingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await aanvraagtermijn.schort_op(db, principal, write, aanvraag_id, body)
    )


@router.patch(
    "/aanvragen/{aanvraag_id}/opschortingen/{opschorting_id}",
    response_model=TermijnaanpassingRead,
    summary="Vastleggen dat de aanvraag is aangevuld: de termijn loopt weer (If-Match)",
    responses={
        **_GEWEIGERD,
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_opschorting(
    aanvraag_id: uuid.UUID,
    opschorting_id: uuid.UUID,
    body: AanvullingUpdate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await aanvraagtermijn.vul_aan(
            db, principal, write, aanvraag_id, opschorting_id, body, if_match
        )
    )


@router.post(
    "/aanvragen/{aanvraag_id}/verdagingen",
    status_code=201,
    response_model=TermijnaanpassingRead,
    summary="Melden dat de beslissing later komt, met de verwachte datum (Awb 4:14)",
    responses=_GEWEIGERD,
)
async def create_verdaging(
    aanvraag_id: uuid.UUID,
    body: VertragingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await aanvraagtermijn.meld_vertraging(db, principal, write, aanvraag_id, body)
    )


@router.get(
    "/aanvragen/{aanvraag_id}/beslistermijn",
    response_model=AangepasteTermijnRead,
    summary="De beslistermijn van de aanvraag zoals zij nu staat, met elke aanpassing en waarom",
)
async def get_beslistermijn(
    aanvraag_id: uuid.UUID,
    db: Db,
    peildatum: Peildatum = None,
    principal: Principal = CaseReader,
) -> Response:
    return model_response(
        await aanvraagtermijn.lees_beslistermijn(db, principal, aanvraag_id, peildatum)
    )


@router.post(
    "/meldingen/{melding_id}/onderzoeksverlengingen",
    status_code=201,
    response_model=TermijnaanpassingRead,
    summary="Het onderzoek in overleg met de inwoner verlengen (INT-01), met reden",
    responses=_GEWEIGERD,
)
async def create_onderzoeksverlenging(
    melding_id: uuid.UUID,
    body: OnderzoeksverlengingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await onderzoekstermijn.verleng(db, principal, write, melding_id, body))


@router.get(
    "/meldingen/{melding_id}/onderzoekstermijn",
    response_model=AangepasteTermijnRead,
    summary="De onderzoekstermijn zoals zij nu staat, met elke verlenging en waarom",
)
async def get_onderzoekstermijn(
    melding_id: uuid.UUID,
    db: Db,
    peildatum: Peildatum = None,
    principal: Principal = CaseReader,
) -> Response:
    return model_response(
        await onderzoekstermijn.lees_onderzoekstermijn(db, principal, melding_id, peildatum)
    )
