"""The SVB exchange: trekkingsrecht rules (PGB-12), the toekenningen feed, budgetafsluitingen."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_pgb import service_svb
from wmo_pgb.api.schemas_budget import (
    BudgetafsluitingCreate,
    BudgetafsluitingRead,
    SvbRegelsRead,
    SvbToekenningPage,
)
from wmo_shared.auth import Principal, require_roles
from wmo_shared.jsonresponse import dumps
from wmo_shared.types import Gemeentecode

router = APIRouter(tags=["svb"])
Lezer = require_roles("gebiedsteam", "financien", "beheer", "clientondersteuner", "systeem")
Financien = require_roles("financien", "systeem")


@router.get(
    "/svb-regels",
    response_model=SvbRegelsRead,
    summary="Wat het pgb onder SVB-trekkingsrecht mag betalen (PGB-12)",
)
async def get_svb_regels(
    request: Request,
    gemeente: Annotated[
        Gemeentecode | None, Query(description="Uw eigen gemeente; leeg: die van het token")
    ] = None,
    peildatum: Annotated[dt.date | None, Query(description="Leeg: vandaag")] = None,
    principal: Principal = Lezer,
) -> Response:
    body = service_svb.svb_regels(principal, gemeente, peildatum)
    return Response(dumps(body), media_type="application/json")


@router.get(
    "/svb-toekenningen",
    response_model=SvbToekenningPage,
    summary="De SVB-feed: per wijziging van een beschikt budget de volledige stand",
)
async def get_svb_toekenningen(
    request: Request,
    cursor: Annotated[
        str | None, Query(max_length=200, description="volgendeCursor van de vorige pagina")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    principal: Principal = Financien,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        body = await service_svb.feed(conn, principal, cursor, limit)
    return Response(dumps(body), media_type="application/json")


@router.post(
    "/svb-budgetafsluitingen",
    status_code=201,
    response_model=BudgetafsluitingRead,
    summary="Een SVB-budgetafsluitbericht inlezen (eenmaal per berichtId)",
    responses={
        200: {
            "description": "Dit bericht was al ingelezen; het eerste antwoord",
            "model": BudgetafsluitingRead,
        }
    },
)
async def create_budgetafsluiting(
    body: BudgetafsluitingCreate, request: Request, principal: Principal = Financien
) -> Response:
    async with request.app.state.db.transaction() as conn:
        nieuw, antwoord = await service_svb.budgetafsluiting(conn, principal, body)
    headers = {} if nieuw else {"Idempotent-Replayed": "true"}
    return Response(
        dumps(antwoord),
        status_code=201 if nieuw else 200,
        media_type="application/json",
        headers=headers,
    )
