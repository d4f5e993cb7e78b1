"""Pgb-verzoeken: a request for a pgb decided where the law decides it, before any plan is
tested: no necessary maatwerkvoorziening (PGB-01), no pgb-plan handed in (PGB-02, with the
voorziening in natura as the alternative)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db, IntakeAanvragen
from wmo_pgb.schemas.pgb_verzoek import PgbVerzoekCreate, PgbVerzoekRead
from wmo_pgb.service import pgb_verzoek as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/pgb-verzoeken", tags=["pgb-verzoeken"])
Aanvrager = require_roles("gebiedsteam", "systeem")
Lezer = require_roles("gebiedsteam", "beheer", "systeem")


@router.post(
    "",
    status_code=201,
    response_model=PgbVerzoekRead,
    summary="Een pgb-verzoek zonder (aangeleverd) pgb-plan beslissen (PGB-01, PGB-02)",
    description=(
        "Zonder noodzakelijke maatwerkvoorziening (maatwerkvoorzieningNodig false) wordt het "
        "pgb afgewezen (PGB-01), zonder alternatief. Zonder aangeleverd pgb-plan (pgbPlanId "
        "null, of een plan dat niet is ingediend) wordt het pgb geweigerd en is de voorziening "
        "in natura het alternatief (PGB-02, seed 001 H2). Een verzoek met een aangeleverd plan "
        "wordt beslist met de toets en het besluit op dat plan (409)."
    ),
    responses={409: {"description": "Het plan is aangeleverd of er is al over besloten"}},
)
async def create_pgb_verzoek(
    body: PgbVerzoekCreate,
    db: Db,
    write: IdempotentWrite,
    aanvragen: IntakeAanvragen,
    principal: Principal = Aanvrager,
) -> Response:
    return written_response(await svc.create_verzoek(db, principal, write, body, aanvragen))


@router.get("/{verzoek_id}", response_model=PgbVerzoekRead, summary="Een pgb-verzoek lezen")
async def get_pgb_verzoek(verzoek_id: uuid.UUID, db: Db, principal: Principal = Lezer) -> Response:
    return model_response(await svc.lees_verzoek(db, principal, verzoek_id))
