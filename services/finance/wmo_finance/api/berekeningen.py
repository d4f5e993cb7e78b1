"""Calculations a case worker asks for: eigen bijdrage what-if (FIN-08/FIN-09), vervoer (FIN-10;
stored when granted) and a bouwplan check (FIN-11)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_finance import service_berekeningen as service
from wmo_finance.api.berekening_schemas import (
    BouwplanToetsingCreate,
    BouwplanToetsingRead,
    EigenBijdrageBerekeningCreate,
    EigenBijdrageBerekeningRead,
    VervoersvergoedingCreate,
    VervoersvergoedingRead,
)
from wmo_finance.api.responses import idempotent, json_response
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotencyKey

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
    return json_response(service.eigen_bijdrage(principal, body))


@router.post(
    "/vervoersvergoedingen",
    response_model=VervoersvergoedingRead,
    summary="Een vervoersvergoeding berekenen; met toekennen: true ook vastleggen (FIN-10)",
    responses={201: {"model": VervoersvergoedingRead, "description": "Toegekend en vastgelegd"}},
)
async def create_vervoersvergoeding(
    body: VervoersvergoedingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Behandelaar,
) -> Response:
    async def handler(conn: AsyncConnection) -> tuple[int, Any, dict[str, str]]:
        status, out = await service.vervoer(conn, principal, body)
        return status, out, {}

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/bouwplan-toetsingen",
    response_model=BouwplanToetsingRead,
    summary="Een bouwplan per vertrek toetsen aan de oppervlaktenormen (FIN-11)",
)
async def create_bouwplan_toetsing(
    body: BouwplanToetsingCreate, principal: Principal = Behandelaar
) -> Response:
    return json_response(service.bouwplan(principal, body))
