"""Cliënten: the residents a case is about. A BSN never appears in a URL: look a person up with
``POST /clienten/_zoek``."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.client import (
    ClientCreate,
    ClientList,
    ClientRead,
    ClientVersieList,
    ClientZoek,
    ContactgegevensWijziging,
)
from wmo_intake.service import client as svc
from wmo_intake.service import clientwijziging as wijziging
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import (
    document_response,
    model_response,
    written_response,
)

router = APIRouter(prefix="/clienten", tags=["clienten"])


@router.post(
    "",
    status_code=201,
    response_model=ClientRead,
    summary="Een cliënt registreren",
    responses={
        409: {
            "description": "Deze cliënt is al geregistreerd in uw gemeente: Location (en het "
            "detail) wijst naar de bestaande cliënt"
        }
    },
)
async def create_client(
    body: ClientCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get("/{client_id}", response_model=ClientRead, summary="Een cliënt lezen")
async def get_client(client_id: uuid.UUID, db: Db, principal: Principal = CaseWorker) -> Response:
    return document_response(await svc.lees(db, principal, client_id))


@router.post(
    "/_zoek",
    response_model=ClientList,
    summary="Een cliënt zoeken op BSN (de BSN staat in de body, nooit in de URL)",
)
async def search_client(body: ClientZoek, db: Db, principal: Principal = CaseWorker) -> Response:
    return model_response(await svc.zoek(db, principal, body))


@router.patch(
    "/{client_id}",
    response_model=ClientRead,
    summary="Contactgegevens wijzigen (nieuwe versie; If-Match met de ETag)",
    responses={
        409: {"description": "De cliënt is overleden of vertrokken"},
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_client(
    client_id: uuid.UUID,
    body: ContactgegevensWijziging,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await wijziging.wijzig_contactgegevens(db, principal, write, client_id, body, if_match)
    )


@router.get(
    "/{client_id}/versies",
    response_model=ClientVersieList,
    summary="Elke versie van de cliënt: wat er na elke wijziging gold",
)
async def list_client_versies(
    client_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    return model_response(await svc.versies(db, principal, client_id))
