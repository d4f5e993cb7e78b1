"""Household and network of a cliënt (``/clienten/{id}/huisgenoten``,
``/clienten/{id}/netwerkleden`` for mantelzorgers and other network members) and the pure
judgements INT-07 (``/gebruikelijke-hulp-beoordelingen``) and INT-08
(``/huishouding-beoordelingen``). No personal data in a URL: only the client's id."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.huishouden import (
    GebruikelijkeHulpBeoordelingCreate,
    GebruikelijkeHulpBeoordelingRead,
    HuisgenootCreate,
    HuisgenootList,
    HuisgenootRead,
    HuishoudingBeoordelingCreate,
    HuishoudingBeoordelingRead,
    NetwerklidCreate,
    NetwerklidList,
    NetwerklidRead,
)
from wmo_intake.service import huishouden as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["huishouden"])


@router.post(
    "/clienten/{client_id}/huisgenoten",
    status_code=201,
    response_model=HuisgenootRead,
    summary="Een huisgenoot van de cliënt vastleggen (relatie, geboortedatum, inwonend)",
)
async def create_huisgenoot(
    client_id: uuid.UUID,
    body: HuisgenootCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.voeg_huisgenoot_toe(db, principal, write, client_id, body))


@router.get(
    "/clienten/{client_id}/huisgenoten",
    response_model=HuisgenootList,
    summary="De huisgenoten van de cliënt",
)
async def list_huisgenoten(
    client_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.huisgenoten(db, principal, client_id))


@router.post(
    "/clienten/{client_id}/netwerkleden",
    status_code=201,
    response_model=NetwerklidRead,
    summary="Een mantelzorger of ander lid van het sociale netwerk vastleggen",
)
async def create_netwerklid(
    client_id: uuid.UUID,
    body: NetwerklidCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.voeg_netwerklid_toe(db, principal, write, client_id, body))


@router.get(
    "/clienten/{client_id}/netwerkleden",
    response_model=NetwerklidList,
    summary="De mantelzorgers en andere netwerkleden van de cliënt",
)
async def list_netwerkleden(
    client_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.netwerkleden(db, principal, client_id))


@router.post(
    "/gebruikelijke-hulp-beoordelingen",
    response_model=GebruikelijkeHulpBeoordelingRead,
    summary="INT-07: welke taken vallen onder gebruikelijke hulp van de huisgenoten?",
)
async def create_gebruikelijke_hulp_beoordeling(
    body: GebruikelijkeHulpBeoordelingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.beoordeel_gebruikelijke_hulp(db, principal, write, body))


@router.post(
    "/huishouding-beoordelingen",
    response_model=HuishoudingBeoordelingRead,
    summary="INT-08: vormen deze personen een gezamenlijke huishouding?",
)
async def create_huishouding_beoordeling(
    body: HuishoudingBeoordelingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.beoordeel_huishouding(db, principal, write, body))
