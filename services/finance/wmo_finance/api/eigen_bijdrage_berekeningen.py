"""FIN-08, FIN-09: an eigen bijdrage doorgerekend without recording anything."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from wmo_finance.schemas.eigen_bijdrage import (
    EigenBijdrageBerekeningCreate,
    EigenBijdrageBerekeningRead,
)
from wmo_finance.service import eigen_bijdrage as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.responses import model_response

router = APIRouter(tags=["berekeningen"])
Behandelaar = require_roles("gebiedsteam", "financien")


@router.post(
    "/eigen-bijdrage-berekeningen",
    response_model=EigenBijdrageBerekeningRead,
    summary="Een eigen bijdrage doorrekenen, zonder iets vast te leggen (FIN-08, FIN-09)",
)
async def create_eigen_bijdrage_berekening(
    body: EigenBijdrageBerekeningCreate, principal: Principal = Behandelaar
) -> Response:
    return model_response(svc.bereken(principal, body))
