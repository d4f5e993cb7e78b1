"""The mantelzorgwaardering (MZ-03, seed 002 art. 5): the aanmelding in the window, judged on
the criteria with their reasons; paid to the hulpvrager; one per mantelzorger, hulpvrager and
year."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.mantelzorgwaardering import (
    MantelzorgwaarderingCreate,
    MantelzorgwaarderingPage,
    MantelzorgwaarderingRead,
)
from wmo_intake.service import mantelzorgwaardering as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["mantelzorg"])
Uitbetaling = require_roles("gebiedsteam", "beheer", "financien")


@router.post(
    "/mantelzorgwaarderingen",
    status_code=201,
    response_model=MantelzorgwaarderingRead,
    summary="Een aanmelding voor de mantelzorgwaardering beoordelen en vastleggen (MZ-03)",
    description=(
        "Toegekend of afgewezen, met per criterium de reden. 400 buiten de aanmeldperiode, "
        "voor een gemeente zonder de regeling (geen-regeling) en zolang het beleid geen bedrag "
        "noemt (beleidswaarde-ontbreekt); 409 als over dat jaar al is toegekend."
    ),
    responses={409: {"description": "Over dat jaar al toegekend"}},
)
async def create_mantelzorgwaardering(
    body: MantelzorgwaarderingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.meld_aan(db, principal, write, body))


@router.get(
    "/mantelzorgwaarderingen/{waardering_id}",
    response_model=MantelzorgwaarderingRead,
    summary="Een aanmelding voor de mantelzorgwaardering",
)
async def get_mantelzorgwaardering(
    waardering_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lees(db, principal, waardering_id))


@router.get(
    "/mantelzorgwaarderingen",
    response_model=MantelzorgwaarderingPage,
    summary="De toekenningen over een jaar: wat de uitvoerder aan elke hulpvrager betaalt",
    responses={400: {"description": "Ongeldige cursor, jaar of limit"}},
)
async def list_mantelzorgwaarderingen(
    db: Db,
    jaar: Annotated[int, Query(ge=2014, le=2100, description="Het jaar waarover")],
    cursor: Annotated[str | None, Query(max_length=36)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    principal: Principal = Uitbetaling,
) -> Response:
    return model_response(await svc.betaallijst(db, principal, jaar, cursor, limit))
