"""Klachten (Awb hoofdstuk 9): registration, ontvangstbevestiging, verdaging of the
afhandeltermijn, the outcome, and the yearly klachtenrapportage."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.klacht import (
    AfhandelingCreate,
    KlachtCreate,
    KlachtList,
    KlachtrapportageRead,
    KlachtRead,
    KlachtVerdagingCreate,
    OntvangstbevestigingCreate,
)
from wmo_intake.service import klacht as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["klachten"])
_STAP: dict[int | str, dict[str, Any]] = {
    409: {"description": "De klacht is afgehandeld, of de stap is al gezet"},
    412: {"description": "De klacht is intussen gewijzigd (If-Match)"},
}


@router.post(
    "/klachten",
    status_code=201,
    response_model=KlachtRead,
    summary="Een klacht registreren (Awb 9:1); de afhandeltermijn (9:11, 9:14) wordt berekend",
)
async def create_klacht(
    body: KlachtCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.registreer_klacht(db, principal, write, body))


@router.get(
    "/klachten",
    response_model=KlachtList,
    summary="Klachten van de gemeente, oudste eerst; filter op cliënt (intern id, nooit het "
    "BSN) en status; de cursor is ondoorzichtig",
    responses={400: {"description": "Ongeldige cursor, limit of filter"}},
)
async def list_klachten(
    db: Db,
    client_id: Annotated[
        uuid.UUID | None, Query(alias="clientId", description="Het interne id van de cliënt")
    ] = None,
    status: Annotated[Literal["in_behandeling", "afgehandeld"] | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(
        await svc.lijst_klachten(
            db, principal, client_id=client_id, status=status, cursor=cursor, limit=limit
        )
    )


@router.get("/klachten/{klacht_id}", response_model=KlachtRead, summary="Een klacht")
async def get_klacht(klacht_id: uuid.UUID, db: Db, principal: Principal = CaseWorker) -> Response:
    klacht = await svc.lees_klacht(db, principal, klacht_id)
    return versioned_response(klacht, klacht.versie)


@router.post(
    "/klachten/{klacht_id}/ontvangstbevestigingen",
    status_code=201,
    response_model=KlachtRead,
    summary="De schriftelijke ontvangstbevestiging vastleggen (Awb 9:6)",
    responses=_STAP,
)
async def create_ontvangstbevestiging(
    klacht_id: uuid.UUID,
    body: OntvangstbevestigingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.bevestig_ontvangst(db, principal, write, klacht_id, body, if_match)
    )


@router.post(
    "/klachten/{klacht_id}/verdagingen",
    status_code=201,
    response_model=KlachtRead,
    summary="De afhandeling verdagen met mededeling, hoogstens vier weken (Awb 9:11 lid 2)",
    responses=_STAP,
)
async def create_klachtverdaging(
    klacht_id: uuid.UUID,
    body: KlachtVerdagingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.verdaag(db, principal, write, klacht_id, body, if_match))


@router.post(
    "/klachten/{klacht_id}/afhandelingen",
    status_code=201,
    response_model=KlachtRead,
    summary="De klacht afhandelen: uitkomst en conclusie (Awb 9:12)",
    responses=_STAP,
)
async def create_afhandeling(
    klacht_id: uuid.UUID,
    body: AfhandelingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.handel_af(db, principal, write, klacht_id, body, if_match))


@router.get(
    "/klachten-rapportages",
    response_model=KlachtrapportageRead,
    summary="Aantallen klachten per jaar, per onderwerp en per aanbieder "
    "(klachtenrapportage, beleidsregels Bijlage 2 §8.2)",
)
async def get_klachtenrapportage(
    db: Db,
    jaar: Annotated[int, Query(ge=2015, le=2100, description="Het jaar van ontvangst")],
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(await svc.rapportage(db, principal, jaar))
