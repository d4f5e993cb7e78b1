"""Niet tijdig beslissen: an ingebrekestelling against an aanvraag or a bezwaar whose term
passed, with the dwangsom of Awb 4:17 on a peildatum."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.ingebrekestelling import IngebrekestellingCreate, IngebrekestellingRead
from wmo_intake.service import ingebrekestelling as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["bezwaren"])


@router.post(
    "/ingebrekestellingen",
    status_code=201,
    response_model=IngebrekestellingRead,
    summary="Een ingebrekestelling registreren tegen een aanvraag of bezwaar waarvan de "
    "beslistermijn voorbij is; de dwangsom (Awb 4:17) wordt berekend",
    responses={409: {"description": "Er is al beslist"}},
)
async def create_ingebrekestelling(
    body: IngebrekestellingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get(
    "/ingebrekestellingen/{ingebrekestelling_id}",
    response_model=IngebrekestellingRead,
    summary="Een ingebrekestelling met de dwangsom op de peildatum (standaard vandaag)",
)
async def get_ingebrekestelling(
    ingebrekestelling_id: uuid.UUID,
    db: Db,
    peildatum: Annotated[dt.date | None, Query()] = None,
    principal: Principal = CaseReader,
) -> Response:
    return model_response(await svc.lees(db, principal, ingebrekestelling_id, peildatum))
