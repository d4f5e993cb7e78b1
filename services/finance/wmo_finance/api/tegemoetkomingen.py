"""Financiële tegemoetkoming (FIN-01..FIN-08) and its life as sub-resources. A BSN never appears
in a URL: look a person's tegemoetkomingen up with ``POST /tegemoetkomingen/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_finance.schemas.eigen_bijdrage import EigenBijdrageSchemaRead
from wmo_finance.schemas.tegemoetkoming import (
    BetalingCreate,
    BewijsCreate,
    HerzieningCreate,
    TegemoetkomingCreate,
    TegemoetkomingList,
    TegemoetkomingRead,
    TegemoetkomingZoek,
    TerugvorderingCreate,
    ToekenningCreate,
)
from wmo_finance.service import eigen_bijdrage, overgang
from wmo_finance.service import tegemoetkoming as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import TegemoetkomingBesluit
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import (
    document_response,
    model_response,
    versioned_response,
    written_response,
)

router = APIRouter(prefix="/tegemoetkomingen", tags=["tegemoetkomingen"])
Behandelaar = require_roles("gebiedsteam", "financien")
# intake checks a beschikking against the besluit (systeem); beheer sees it when a check fails
BesluitLezer = require_roles("gebiedsteam", "financien", "beheer", "systeem")

_OVERGANG_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Deze overgang kan niet in de huidige status"},
    412: {"description": "De tegemoetkoming is intussen gewijzigd"},
    428: {"description": "If-Match ontbreekt"},
}


@router.post(
    "",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Een financiële tegemoetkoming berekenen en vastleggen (FIN-01..FIN-05)",
)
async def create_tegemoetkoming(
    body: TegemoetkomingCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(await svc.maak(request.app.state.db, principal, write, body))


@router.post(
    "/_zoek",
    response_model=TegemoetkomingList,
    summary="De tegemoetkomingen van een inwoner (de BSN staat in de body, nooit in de URL)",
)
async def search_tegemoetkomingen(
    body: TegemoetkomingZoek, request: Request, principal: Principal = Behandelaar
) -> Response:
    return model_response(await svc.zoek(request.app.state.db, principal, body.bsn))


@router.get(
    "/{tegemoetkoming_id}", response_model=TegemoetkomingRead, summary="Een tegemoetkoming lezen"
)
async def get_tegemoetkoming(
    tegemoetkoming_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    return document_response(await svc.lees(request.app.state.db, principal, tegemoetkoming_id))


@router.get(
    "/{tegemoetkoming_id}/besluit",
    response_model=TegemoetkomingBesluit,
    summary="Het besluit waarnaar een beschikking verwijst: bedrag en eigen-bijdrageregeling",
    responses={409: {"description": "Nog niet toegekend: er is geen besluit"}},
)
async def get_besluit(
    tegemoetkoming_id: uuid.UUID, request: Request, principal: Principal = BesluitLezer
) -> Response:
    besluit = await svc.besluit(request.app.state.db, principal, tegemoetkoming_id)
    return versioned_response(besluit, besluit.versie)


@router.get(
    "/{tegemoetkoming_id}/eigen-bijdrage",
    response_model=EigenBijdrageSchemaRead,
    summary="Het eigen-bijdrageschema van een toegekende tegemoetkoming (FIN-08)",
)
async def get_eigen_bijdrage(
    tegemoetkoming_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    return model_response(
        await eigen_bijdrage.lees_schema(request.app.state.db, principal, tegemoetkoming_id)
    )


@router.post(
    "/{tegemoetkoming_id}/toekenningen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Toekennen bij besluit: bewijstermijn (FIN-07) en eigen-bijdrageschema (FIN-08)",
    responses=_OVERGANG_RESPONSES,
)
async def create_toekenning(
    tegemoetkoming_id: uuid.UUID,
    body: ToekenningCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(
        await overgang.ken_toe(
            request.app.state.db, principal, write, tegemoetkoming_id, if_match, body
        )
    )


@router.post(
    "/{tegemoetkoming_id}/betalingen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="De uitbetaling vastleggen (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_betaling(
    tegemoetkoming_id: uuid.UUID,
    body: BetalingCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(
        await overgang.betaal(
            request.app.state.db, principal, write, tegemoetkoming_id, if_match, body
        )
    )


@router.post(
    "/{tegemoetkoming_id}/bewijzen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Het betaalbewijs of de factuur ontvangen (FIN-04, FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_bewijs(
    tegemoetkoming_id: uuid.UUID,
    body: BewijsCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(
        await overgang.ontvang_bewijs(
            request.app.state.db, principal, write, tegemoetkoming_id, if_match, body
        )
    )


@router.post(
    "/{tegemoetkoming_id}/terugvorderingen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Terugvorderen: geen bewijs na de termijn, of na een herziening (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_terugvordering(
    tegemoetkoming_id: uuid.UUID,
    body: TerugvorderingCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(
        await overgang.vorder_terug(
            request.app.state.db, principal, write, tegemoetkoming_id, if_match, body
        )
    )


@router.post(
    "/{tegemoetkoming_id}/herzieningen",
    status_code=201,
    response_model=TegemoetkomingRead,
    summary="Herzien na een mislukte toets aan het programma van eisen (FIN-07)",
    responses=_OVERGANG_RESPONSES,
)
async def create_herziening(
    tegemoetkoming_id: uuid.UUID,
    body: HerzieningCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(
        await overgang.herzie(
            request.app.state.db, principal, write, tegemoetkoming_id, if_match, body
        )
    )
