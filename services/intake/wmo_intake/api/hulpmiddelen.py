"""Hulpmiddelen in natura (FIN-09): the order with the contracted supplier, delivery,
maintenance, and in bruikleen the inname (the eigen bijdrage stops) and the herverstrekking."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.hulpmiddel import (
    HerverstrekkingCreate,
    HulpmiddelCreate,
    HulpmiddelRead,
    StapCreate,
)
from wmo_intake.service import hulpmiddel as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import versioned_response, written_response

router = APIRouter(tags=["hulpmiddelen"])
_STAP: dict[int | str, dict[str, Any]] = {
    409: {"description": "De stap kan niet in deze status of bij eigendom"},
    412: {"description": "Intussen gewijzigd (If-Match)"},
    428: {"description": "If-Match ontbreekt"},
}


@router.post(
    "/hulpmiddelen",
    status_code=201,
    response_model=HulpmiddelRead,
    summary="Een hulpmiddel bestellen bij de gecontracteerde leverancier voor een "
    "maatwerkvoorziening; eigendom of bruikleen volgens FIN-09",
    responses={409: {"description": "Voor deze voorziening is al een hulpmiddel verstrekt"}},
)
async def create_hulpmiddel(
    body: HulpmiddelCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.bestel(db, principal, write, body))


@router.get(
    "/hulpmiddelen/{hulpmiddel_id}", response_model=HulpmiddelRead, summary="Een hulpmiddel"
)
async def get_hulpmiddel(
    hulpmiddel_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    h = await svc.lees(db, principal, hulpmiddel_id)
    return versioned_response(h, h.versie)


@router.post(
    "/hulpmiddelen/{hulpmiddel_id}/leveringen",
    status_code=201,
    response_model=HulpmiddelRead,
    summary="De levering vastleggen: het hulpmiddel is in gebruik",
    responses=_STAP,
)
async def create_levering(
    hulpmiddel_id: uuid.UUID,
    body: StapCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.lever(db, principal, write, hulpmiddel_id, body, if_match))


@router.post(
    "/hulpmiddelen/{hulpmiddel_id}/onderhoudsbeurten",
    status_code=201,
    response_model=HulpmiddelRead,
    summary="Onderhoud door de leverancier vastleggen (geen eigen bijdrage, FIN-06)",
    responses=_STAP,
)
async def create_onderhoudsbeurt(
    hulpmiddel_id: uuid.UUID,
    body: StapCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.onderhoud(db, principal, write, hulpmiddel_id, body, if_match)
    )


@router.post(
    "/hulpmiddelen/{hulpmiddel_id}/innames",
    status_code=201,
    response_model=HulpmiddelRead,
    summary="Een hulpmiddel in bruikleen innemen: de maatwerkvoorziening eindigt en de eigen "
    "bijdrage stopt (het CAK hoort het)",
    responses=_STAP,
)
async def create_inname(
    hulpmiddel_id: uuid.UUID,
    body: StapCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.neem_in(db, principal, write, hulpmiddel_id, body, if_match))


@router.post(
    "/hulpmiddelen/{hulpmiddel_id}/herverstrekkingen",
    status_code=201,
    response_model=HulpmiddelRead,
    summary="Een ingenomen hulpmiddel opnieuw verstrekken aan een andere inwoner",
    responses=_STAP,
)
async def create_herverstrekking(
    hulpmiddel_id: uuid.UUID,
    body: HerverstrekkingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.herverstrek(db, principal, write, hulpmiddel_id, body, if_match)
    )
