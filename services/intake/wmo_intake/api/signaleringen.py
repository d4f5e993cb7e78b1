"""Signaleringen: what needs the caller's attention in the cases they handle (issue 14.3)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_intake.schemas.signalering import (
    GezienSignaleringCreate,
    GezienSignaleringRead,
    SignaleringList,
)
from wmo_intake.service import signalering as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["werkvoorraad"])


@router.get(
    "/signaleringen",
    response_model=SignaleringList,
    summary="Mijn signaleringen: een termijn binnen vijf dagen of verlopen, een bericht van "
    "de aanbieder, drie of meer no-shows in een maand (AAN-05), een geweigerde gebeurtenis, "
    "een nieuw bezwaar (in de zaken die ik behandel)",
    responses={400: {"description": "Ongeldige parameter"}},
)
async def get_signaleringen(
    db: Db,
    peildatum: Annotated[Zaakdatum | None, Query()] = None,
    ook_gezien: Annotated[bool, Query(alias="ookGezien")] = False,
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(
        await svc.signaleringen_van(db, principal, peildatum=peildatum, ook_gezien=ook_gezien)
    )


@router.post(
    "/gezien-signaleringen",
    status_code=201,
    response_model=GezienSignaleringRead,
    summary="Een signalering als gezien markeren (alleen voor mijzelf)",
)
async def create_gezien_signalering(
    body: GezienSignaleringCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.markeer_gezien(db, principal, write, body))
