"""FIN-11: a bouwplan checked per room against the floor-area norms (nothing is recorded)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from wmo_finance.schemas.bouwplan_toetsing import BouwplanToetsingCreate, BouwplanToetsingRead
from wmo_finance.service import bouwplan_toetsing as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.responses import model_response

router = APIRouter(tags=["berekeningen"])
Behandelaar = require_roles("gebiedsteam", "financien")


@router.post(
    "/bouwplan-toetsingen",
    response_model=BouwplanToetsingRead,
    summary="Een bouwplan per vertrek toetsen aan de oppervlaktenormen (FIN-11)",
)
async def create_bouwplan_toetsing(
    body: BouwplanToetsingCreate, principal: Principal = Behandelaar
) -> Response:
    return model_response(svc.toets(principal, body))
