"""The SVB exchange: trekkingsrecht rules (PGB-12), the toekenningen feed, budgetafsluitingen."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_pgb.api.deps import Db
from wmo_pgb.schemas.svb import (
    BudgetafsluitingCreate,
    BudgetafsluitingRead,
    SvbRegelsRead,
    SvbToekenningPage,
)
from wmo_pgb.service import svb as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.grenzen import Zaakdatum
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, page_response, written_response
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
    gemeente: Annotated[
        Gemeentecode | None, Query(description="Uw eigen gemeente; leeg: die van het token")
    ] = None,
    peildatum: Annotated[Zaakdatum | None, Query(description="Leeg: vandaag")] = None,
    principal: Principal = Lezer,
) -> Response:
    return model_response(svc.svb_regels(principal, gemeente, peildatum))


@router.get(
    "/svb-toekenningen",
    response_model=SvbToekenningPage,
    summary="De SVB-feed: per wijziging van een beschikt budget de volledige stand",
)
async def get_svb_toekenningen(
    db: Db,
    cursor: Annotated[
        str | None, Query(max_length=200, description="volgendeCursor van de vorige pagina")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    principal: Principal = Financien,
) -> Response:
    return page_response(await svc.feed(db, principal, cursor, limit))


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
    body: BudgetafsluitingCreate, db: Db, write: IdempotentWrite, principal: Principal = Financien
) -> Response:
    return written_response(await svc.create_budgetafsluiting(db, principal, write, body))
