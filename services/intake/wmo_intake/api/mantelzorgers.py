"""Mantelzorgers (MZ-01/02): registered persons with their belasting, linked to the hulpvrager
and the cases they support."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.mantelzorger import MantelzorgerCreate, MantelzorgerRead
from wmo_intake.schemas.mantelzorgwaardering import MantelzorgwaarderingList
from wmo_intake.service import mantelzorger as svc
from wmo_intake.service import mantelzorgwaardering as waarderingen
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["mantelzorg"])


@router.post(
    "/mantelzorgers",
    status_code=201,
    response_model=MantelzorgerRead,
    summary="Een mantelzorger registreren met belasting, hulpvrager en zaken (MZ-01/02)",
)
async def create_mantelzorger(
    body: MantelzorgerCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get(
    "/mantelzorgers/{mantelzorger_id}", response_model=MantelzorgerRead, summary="Een mantelzorger"
)
async def get_mantelzorger(
    mantelzorger_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    mz = await svc.lees(db, principal, mantelzorger_id)
    return versioned_response(mz, mz.versie)


@router.put(
    "/mantelzorgers/{mantelzorger_id}",
    response_model=MantelzorgerRead,
    summary="Belasting en zaken van een mantelzorger bijwerken (If-Match met de ETag)",
    responses={412: {"description": "Intussen gewijzigd"}, 428: {"description": "Geen If-Match"}},
)
async def update_mantelzorger(
    mantelzorger_id: uuid.UUID,
    body: MantelzorgerCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.werk_bij(db, principal, write, mantelzorger_id, body, if_match)
    )


@router.get(
    "/mantelzorgers/{mantelzorger_id}/mantelzorgwaarderingen",
    response_model=MantelzorgwaarderingList,
    summary="De aanmeldingen voor de mantelzorgwaardering van een mantelzorger (MZ-03)",
)
async def list_mantelzorgwaarderingen(
    mantelzorger_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await waarderingen.van_mantelzorger(db, principal, mantelzorger_id))
