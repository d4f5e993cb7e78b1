"""The provider register of a gemeente (AAN-09, AAN-10): beheer writes, the gebiedsteam reads."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, CaseWorker, Db
from wmo_intake.schemas.aanbieder import (
    AanbiederCreate,
    AanbiederList,
    AanbiederRead,
    AanbiederUpdate,
)
from wmo_intake.service import aanbieder as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["aanbieders"])


@router.post(
    "/aanbieders",
    status_code=201,
    response_model=AanbiederRead,
    summary="Een aanbieder in het register opnemen: AGB, KvK, contact, gecontracteerde "
    "producten en kwaliteitsbewijzen (AAN-09, AAN-10)",
    responses={409: {"description": "De AGB-code staat al in het register"}},
)
async def create_aanbieder(
    body: AanbiederCreate, write: IdempotentWrite, db: Db, principal: Principal = Beheer
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get(
    "/aanbieders",
    response_model=AanbiederList,
    summary="Het aanbiedersregister van de gemeente, op AGB-code",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_aanbieders(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(await svc.lijst(db, principal, cursor, limit))


@router.get("/aanbieders/{aanbieder_id}", response_model=AanbiederRead, summary="Een aanbieder")
async def get_aanbieder(
    aanbieder_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    aanbieder = await svc.lees(db, principal, aanbieder_id)
    return versioned_response(aanbieder, aanbieder.versie)


@router.put(
    "/aanbieders/{aanbieder_id}",
    response_model=AanbiederRead,
    summary="De aanbieder bijwerken (contract, kwaliteitsbewijzen; If-Match met de ETag)",
    responses={
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_aanbieder(
    aanbieder_id: uuid.UUID,
    body: AanbiederUpdate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = Beheer,
) -> Response:
    return written_response(await svc.werk_bij(db, principal, write, aanbieder_id, body, if_match))
