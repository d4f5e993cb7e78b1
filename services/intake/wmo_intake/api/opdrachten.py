"""Opdrachten (dienstverleningsopdracht, AAN-01) to providers, their answer and obligations,
the WMO301 export, the toewijzingen feed and the import of the providers' iWmo messages."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake import service_iwmo
from wmo_intake import service_opdracht as svc
from wmo_intake.api.common import (
    CaseWorker,
    Created,
    created,
    idempotent,
    json_response,
    wire,
)
from wmo_intake.clients.finance import contracttarief
from wmo_intake.schemas.iwmo_bericht import IwmoBerichtRead
from wmo_intake.schemas.opdracht import (
    AcceptatieCreate,
    OpdrachtCreate,
    OpdrachtList,
    OpdrachtRead,
    OpzeggingCreate,
    WeigeringCreate,
    ZorgplanCreate,
)
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import etag
from wmo_shared.idempotency import IdempotencyKey
from wmo_shared.problems import ServiceUnavailable, invalid

router = APIRouter(tags=["opdrachten"])
Lezer = require_roles("gebiedsteam", "beheer", "aanbieder")
Aanbieder = require_roles("aanbieder")
Feed = require_roles("systeem", "beheer")
Berichten = require_roles("aanbieder", "systeem")
_PAGINA = {400: {"description": "Ongeldige cursor of limit"}}


@router.post(
    "/opdrachten",
    status_code=201,
    response_model=OpdrachtRead,
    summary="Een dienstverleningsopdracht verstrekken aan een aanbieder (AAN-01)",
    responses={409: {"description": "Beschikking niet verzonden of al een opdracht"}},
)
async def create_opdracht(
    body: OpdrachtCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def tarief(productcode: str, peildatum: dt.date, eenheid: str | None) -> Decimal | None:
        return await contracttarief(
            request.app.state.clients["finance"],
            request.state.token,
            productcode,
            peildatum,
            eenheid,
        )

    async def handler(conn: AsyncConnection) -> Created:
        opdracht = await svc.verstrek_opdracht(conn, principal, body, tarief)
        return created(f"/opdrachten/{opdracht.id}", wire(opdracht), opdracht.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/opdrachten",
    response_model=OpdrachtList,
    summary="Opdrachten (een aanbieder ziet alleen de zijne)",
    responses=_PAGINA,
)
async def list_opdrachten(
    request: Request,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Lezer,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        lijst, volgende = await svc.lees_opdrachten(conn, principal, cursor, limit)
    return json_response({"resultaten": [wire(o) for o in lijst], "volgendeCursor": volgende})


@router.get("/opdrachten/{opdracht_id}", response_model=OpdrachtRead, summary="Een opdracht")
async def get_opdracht(
    opdracht_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        row = await svc.laad_opdracht(conn, principal, opdracht_id, actie="lezen")
    opdracht = svc.opdracht_read(row)
    return json_response(wire(opdracht), headers={"ETag": etag(opdracht.versie)})


async def _reactie(
    request: Request,
    principal: Principal,
    key: str | None,
    opdracht_id: uuid.UUID,
    body: AcceptatieCreate | WeigeringCreate,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        opdracht = await svc.reageer(conn, principal, opdracht_id, body)
        return created(f"/opdrachten/{opdracht.id}", wire(opdracht), opdracht.versie)

    return await idempotent(request, principal, key, body, handler)


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
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Aanbieder,
) -> Response:
    return await _reactie(request, principal, idempotency_key, opdracht_id, body)


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
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Aanbieder,
) -> Response:
    return await _reactie(request, principal, idempotency_key, opdracht_id, body)


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
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Lezer,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        opdracht = await svc.ontvang_zorgplan(conn, principal, opdracht_id, body)
        return created(f"/opdrachten/{opdracht.id}", wire(opdracht), opdracht.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


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
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Lezer,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        opdracht = await svc.zeg_op(conn, principal, opdracht_id, body)
        return created(f"/opdrachten/{opdracht.id}", wire(opdracht), opdracht.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/opdrachten/{opdracht_id}/wmo301",
    summary="De opdracht als iWmo 3.2 WMO301-toewijzing (XSD-gevalideerd)",
    responses={200: {"description": "WMO301", "content": {"application/xml": {}}}},
)
async def get_wmo301(
    opdracht_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        row = await svc.laad_opdracht(conn, principal, opdracht_id, actie="lezen")
    try:
        xml = service_iwmo.wmo301(row)
    except service_iwmo.InvalidMessageError as exc:
        raise ServiceUnavailable(
            f"De opdracht vormt geen geldig WMO301-bericht: {exc}", code="wmo301-ongeldig"
        ) from exc
    return Response(xml, media_type="application/xml")


@router.get(
    "/toewijzingen",
    response_model=ToewijzingPage,
    summary="Feed van toewijzingen (wat elke WMO301 bevat), oplopend; cursor is ondoorzichtig",
    responses=_PAGINA,
)
async def list_toewijzingen(
    request: Request,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    principal: Principal = Feed,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        page = await svc.toewijzingen_feed(conn, principal, cursor, limit)
    return json_response(page)


@router.post(
    "/iwmo-berichten",
    status_code=201,
    response_model=IwmoBerichtRead,
    summary="Een WMO305, WMO307 of WMO323 van een aanbieder verwerken; het antwoord is de retour",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/xml": {"schema": {"type": "string"}}},
        }
    },
    responses={
        200: {
            "description": "Dit bericht was al verwerkt: de eerdere retour",
            "model": IwmoBerichtRead,
        }
    },
)
async def create_iwmo_bericht(
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Berichten,
) -> Response:
    xml = await request.body()
    if not xml.strip():
        raise invalid("body", "Het bericht is leeg.", "leeg")
    del idempotency_key  # the message itself is the key (its SHA-256)
    async with request.app.state.db.transaction() as conn:
        row, nieuw = await service_iwmo.importeer(conn, principal, xml)
    body = {
        "id": str(row.id),
        "berichttype": row.berichttype,
        "status": row.retour["status"],
        "retour": row.retour,
        "ontvangenOp": row.aangemaakt.isoformat(),
    }
    headers = {"Location": f"/api/v1/iwmo-berichten/{row.id}"}
    if not nieuw:
        headers["Idempotent-Replayed"] = "true"
    return json_response(body, 201 if nieuw else 200, headers)
