"""``/vernietigingen``: beheer destroys a cliënt's file the destruction list names (issue 14.5):
the rows are deleted, the sent letters with them; the proces-verbaal stays (what, on which
term and rule, how many rows, by whom and when; no personal data). A 409 for a file that is not
on the list (something runs, or the term has not run out)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, Db
from wmo_intake.schemas.vernietiging import VernietigingCreate, VernietigingRead
from wmo_intake.service import vernietiging as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/vernietigingen", tags=["avg"])


@router.post(
    "",
    status_code=201,
    response_model=VernietigingRead,
    summary="Een dossier van de vernietigingslijst vernietigen (alleen beheer); het "
    "proces-verbaal blijft",
    responses={
        404: {"description": "Geen cliënt met dit id in uw gemeente"},
        409: {"description": "Het dossier staat niet op de vernietigingslijst"},
    },
)
async def create_vernietiging(
    body: VernietigingCreate, db: Db, write: IdempotentWrite, principal: Principal = Beheer
) -> Response:
    return written_response(await svc.vernietig(db, principal, write, body))


@router.get(
    "/{vernietiging_id}",
    response_model=VernietigingRead,
    summary="Het proces-verbaal van een vernietiging (alleen beheer)",
    responses={404: {"description": "Geen proces-verbaal met dit id in uw gemeente"}},
)
async def get_vernietiging(
    vernietiging_id: uuid.UUID, db: Db, principal: Principal = Beheer
) -> Response:
    return model_response(await svc.lees(db, principal, vernietiging_id))
