"""The wettelijk vertegenwoordigers of a cliënt (curator, mentor, bewindvoerder): a party on
every case of the cliënt. Adding or ending one changes the cliënt (If-Match with its ETag)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.vertegenwoordiger import (
    VertegenwoordigerCreate,
    VertegenwoordigerList,
    VertegenwoordigerRead,
    VertegenwoordigingEindeCreate,
)
from wmo_intake.service import vertegenwoordiger as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/clienten/{client_id}/vertegenwoordigers", tags=["clienten"])
WIJZIGING: dict[int | str, dict[str, Any]] = {
    409: {"description": "De cliënt is overleden of vertrokken, of al beëindigd"},
    412: {"description": "De cliënt is intussen gewijzigd"},
    428: {"description": "If-Match (de ETag van de cliënt) ontbreekt"},
}


@router.post(
    "",
    status_code=201,
    response_model=VertegenwoordigerRead,
    summary="Een wettelijk vertegenwoordiger vastleggen (If-Match met de ETag van de cliënt)",
    responses=WIJZIGING,
)
async def create_vertegenwoordiger(
    client_id: uuid.UUID,
    body: VertegenwoordigerCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.voeg_toe(db, principal, write, client_id, body, if_match))


@router.get(
    "",
    response_model=VertegenwoordigerList,
    summary="De wettelijk vertegenwoordigers van de cliënt, ook beëindigde",
)
async def list_vertegenwoordigers(
    client_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lijst(db, principal, client_id))


@router.get(
    "/{vertegenwoordiger_id}",
    response_model=VertegenwoordigerRead,
    summary="Een wettelijk vertegenwoordiger",
)
async def get_vertegenwoordiger(
    client_id: uuid.UUID, vertegenwoordiger_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lees(db, principal, client_id, vertegenwoordiger_id))


@router.post(
    "/{vertegenwoordiger_id}/beeindigingen",
    status_code=201,
    response_model=VertegenwoordigerRead,
    summary="Een vertegenwoordiging beëindigen (zij blijft bewaard met haar einddatum)",
    responses=WIJZIGING,
)
async def create_beeindiging(
    client_id: uuid.UUID,
    vertegenwoordiger_id: uuid.UUID,
    body: VertegenwoordigingEindeCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.beeindig(db, principal, write, client_id, vertegenwoordiger_id, body, if_match)
    )
