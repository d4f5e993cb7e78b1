"""Opdrachten (dienstverleningsopdracht, AAN-01) to providers, their answer and obligations
(AAN-02, AAN-06), and the WMO301 export."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import BearerToken, CaseWorker, Db, Finance
from wmo_intake.schemas.opdracht import (
    AcceptatieCreate,
    OpdrachtCreate,
    OpdrachtList,
    OpdrachtRead,
    OpzeggingCreate,
    WeigeringCreate,
    ZorgplanCreate,
)
from wmo_intake.service import opdracht as svc
from wmo_intake.service import opdrachtverloop, wmo301
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["opdrachten"])
Lezer = require_roles("gebiedsteam", "beheer", "aanbieder")
Aanbieder = require_roles("aanbieder")


@router.post(
    "/opdrachten",
    status_code=201,
    response_model=OpdrachtRead,
    summary="Een dienstverleningsopdracht verstrekken aan een aanbieder (AAN-01)",
    responses={409: {"description": "Beschikking niet verzonden of al een opdracht"}},
)
async def create_opdracht(
    body: OpdrachtCreate,
    write: IdempotentWrite,
    db: Db,
    finance: Finance,
    principal: Principal = CaseWorker,
    token: str = BearerToken,
) -> Response:
    return written_response(await svc.verstrek_opdracht(db, principal, write, finance, token, body))


@router.get(
    "/opdrachten",
    response_model=OpdrachtList,
    summary="Opdrachten (een aanbieder ziet alleen de zijne)",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_opdrachten(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Lezer,
) -> Response:
    return model_response(await svc.lijst_opdrachten(db, principal, cursor, limit))


@router.get("/opdrachten/{opdracht_id}", response_model=OpdrachtRead, summary="Een opdracht")
async def get_opdracht(opdracht_id: uuid.UUID, db: Db, principal: Principal = Lezer) -> Response:
    opdracht = await svc.lees_opdracht(db, principal, opdracht_id)
    return versioned_response(opdracht, opdracht.versie)


@router.post(
    "/opdrachten/{opdracht_id}/acceptaties",
    status_code=201,
    response_model=OpdrachtRead,
    summary="De aanbieder accepteert de opdracht",
    responses={409: {"description": "Al beantwoord"}},
)
async def create_acceptatie(
    opdracht_id: uuid.UUID,
    body: AcceptatieCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = Aanbieder,
) -> Response:
    return written_response(await opdrachtverloop.reageer(db, principal, write, opdracht_id, body))


@router.post(
    "/opdrachten/{opdracht_id}/weigeringen",
    status_code=201,
    response_model=OpdrachtRead,
    summary="De aanbieder weigert de opdracht, met motivering",
    responses={409: {"description": "Al beantwoord"}},
)
async def create_weigering(
    opdracht_id: uuid.UUID,
    body: WeigeringCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = Aanbieder,
) -> Response:
    return written_response(await opdrachtverloop.reageer(db, principal, write, opdracht_id, body))


@router.post(
    "/opdrachten/{opdracht_id}/zorgplannen",
    status_code=201,
    response_model=OpdrachtRead,
    summary="AAN-02: het zorgplan is ontvangen",
    responses={409: {"description": "Opdracht niet geaccepteerd"}},
)
async def create_zorgplan(
    opdracht_id: uuid.UUID,
    body: ZorgplanCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = Lezer,
) -> Response:
    return written_response(
        await opdrachtverloop.ontvang_zorgplan(db, principal, write, opdracht_id, body)
    )


@router.post(
    "/opdrachten/{opdracht_id}/opzeggingen",
    status_code=201,
    response_model=OpdrachtRead,
    summary="AAN-06: opzegging door cliënt of aanbieder (een kalendermaand)",
    responses={409: {"description": "Opdracht loopt niet"}},
)
async def create_opzegging(
    opdracht_id: uuid.UUID,
    body: OpzeggingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = Lezer,
) -> Response:
    return written_response(await opdrachtverloop.zeg_op(db, principal, write, opdracht_id, body))


@router.get(
    "/opdrachten/{opdracht_id}/wmo301",
    summary="De opdracht als iWmo 3.2 WMO301-toewijzing (XSD-gevalideerd)",
    responses={200: {"description": "WMO301", "content": {"application/xml": {}}}},
)
async def get_wmo301(opdracht_id: uuid.UUID, db: Db, principal: Principal = Lezer) -> Response:
    xml = await wmo301.wmo301_van_opdracht(db, principal, opdracht_id)
    return Response(xml, media_type="application/xml")
