"""The register of algemene and collectieve voorzieningen of the gemeente (seed 002 art. 1):
beheer writes, case workers and cliëntondersteuners read."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, CaseReader, Db
from wmo_intake.schemas.algemene_voorziening import (
    AlgemeneVoorzieningCreate,
    AlgemeneVoorzieningList,
    AlgemeneVoorzieningRead,
)
from wmo_intake.service import algemene_voorziening as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["algemene-voorzieningen"])


@router.post(
    "/algemene-voorzieningen",
    status_code=201,
    response_model=AlgemeneVoorzieningRead,
    summary="Een algemene of collectieve voorziening in het register opnemen (beheer)",
    responses={409: {"description": "Er staat al een voorziening met deze naam"}},
)
async def create_algemene_voorziening(
    body: AlgemeneVoorzieningCreate, write: IdempotentWrite, db: Db, principal: Principal = Beheer
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get(
    "/algemene-voorzieningen",
    response_model=AlgemeneVoorzieningList,
    summary="Het register van algemene en collectieve voorzieningen van uw gemeente",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_algemene_voorzieningen(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    actief: Annotated[bool, Query(description="Alleen wat nog wordt aangeboden")] = True,
    principal: Principal = CaseReader,
) -> Response:
    return model_response(await svc.lijst(db, principal, cursor, limit, alleen_actief=actief))


@router.get(
    "/algemene-voorzieningen/{voorziening_id}",
    response_model=AlgemeneVoorzieningRead,
    summary="Een algemene of collectieve voorziening",
)
async def get_algemene_voorziening(
    voorziening_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    voorziening = await svc.lees(db, principal, voorziening_id)
    return versioned_response(voorziening, voorziening.versie)


@router.put(
    "/algemene-voorzieningen/{voorziening_id}",
    response_model=AlgemeneVoorzieningRead,
    summary="Een voorziening in het register bijwerken (beheer; If-Match met de ETag)",
    responses={
        409: {"description": "Er staat al een voorziening met deze naam"},
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_algemene_voorziening(
    voorziening_id: uuid.UUID,
    body: AlgemeneVoorzieningCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = Beheer,
) -> Response:
    return written_response(
        await svc.werk_bij(db, principal, write, voorziening_id, body, if_match)
    )
