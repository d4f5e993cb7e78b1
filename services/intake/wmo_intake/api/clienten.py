"""Cliënten: the residents a case is about. A BSN never appears in a URL: look a person up with
``POST /clienten/_zoek``."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.client import ClientCreate, ClientList, ClientRead, ClientZoek
from wmo_intake.service import client as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(prefix="/clienten", tags=["clienten"])


@router.post(
    "",
    status_code=201,
    response_model=ClientRead,
    summary="Een cliënt registreren",
    responses={409: {"description": "Deze cliënt is al geregistreerd in uw gemeente"}},
)
async def create_client(
    body: ClientCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.registreer(db, principal, write, body))


@router.get("/{client_id}", response_model=ClientRead, summary="Een cliënt lezen")
async def get_client(client_id: uuid.UUID, db: Db, principal: Principal = CaseWorker) -> Response:
    client = await svc.lees(db, principal, client_id)
    return versioned_response(client, client.versie)


@router.post(
    "/_zoek",
    response_model=ClientList,
    summary="Een cliënt zoeken op BSN (de BSN staat in de body, nooit in de URL)",
)
async def search_client(body: ClientZoek, db: Db, principal: Principal = CaseWorker) -> Response:
    return model_response(await svc.zoek(db, principal, body))
