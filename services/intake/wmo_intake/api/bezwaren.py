"""Bezwaren against a sent beschikking (Awb hoofdstuk 6 and 7): registration with the
ontvankelijkheid computed and explained, herstel, verdaging and uitstel of the beslistermijn,
the hoorzitting, a voorlopige voorziening, and the beslissing with its own letter."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_intake.api.brieven import brief_inhoud, brief_response, briefformaat
from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.bezwaar import (
    Behandelstatus,
    BeslissingCreate,
    BezwaarCreate,
    BezwaarList,
    BezwaarRead,
    BezwaarUpdate,
    BezwaarVerdagingCreate,
    HerstelverzoekCreate,
    HoorzittingCreate,
    HoorzittingUpdate,
    UitstelCreate,
    VoorlopigeVoorzieningCreate,
)
from wmo_intake.service import bezwaar as svc
from wmo_intake.service import bezwaarbeslissing, bezwaarbrief, bezwaarverloop
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["bezwaren"])

_STAP: dict[int | str, dict[str, Any]] = {
    409: {"description": "Op het bezwaar is al beslist, of de stap past niet"},
    412: {"description": "Het bezwaar is intussen gewijzigd (If-Match)"},
}
_WIJZIGING: dict[int | str, dict[str, Any]] = {
    **_STAP,
    428: {"description": "If-Match ontbreekt"},
}


@router.post(
    "/bezwaren",
    status_code=201,
    response_model=BezwaarRead,
    summary="Een bezwaar tegen een verzonden beschikking registreren; de ontvankelijkheid "
    "(Awb 6:5–6:11) en de beslistermijn (7:10, 7:13) worden berekend en uitgelegd",
)
async def create_bezwaar(
    body: BezwaarCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.maak_bezwaar(db, principal, write, body))


@router.get(
    "/bezwaren",
    response_model=BezwaarList,
    summary="Bezwaren van de gemeente, oudste eerst, met de beslistermijn zoals die nu staat; "
    "filter op cliënt (intern id, nooit het BSN) en status; de cursor is ondoorzichtig",
    responses={400: {"description": "Ongeldige cursor, limit of filter"}},
)
async def list_bezwaren(
    db: Db,
    client_id: Annotated[
        uuid.UUID | None, Query(alias="clientId", description="Het interne id van de cliënt")
    ] = None,
    status: Annotated[Behandelstatus | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(
        await svc.lijst_bezwaren(
            db, principal, client_id=client_id, status=status, cursor=cursor, limit=limit
        )
    )


@router.get(
    "/bezwaren/{bezwaar_id}",
    response_model=BezwaarRead,
    summary="Een bezwaar met ontvankelijkheid, beslistermijn en verloop (JSON), of de brief "
    "met de beslissing (Accept: application/pdf of text/html)",
    responses={200: brief_inhoud("Het bezwaar, of de beslissingsbrief")},
)
async def get_bezwaar(
    bezwaar_id: uuid.UUID, request: Request, db: Db, principal: Principal = CaseReader
) -> Response:
    formaat = briefformaat(request)
    if formaat is not None:
        return brief_response(
            await bezwaarbrief.lees_beslissingsbrief(db, principal, bezwaar_id, formaat)
        )
    bezwaar = await svc.lees_bezwaar(db, principal, bezwaar_id)
    return versioned_response(bezwaar, bezwaar.versie)


@router.patch(
    "/bezwaren/{bezwaar_id}",
    response_model=BezwaarRead,
    summary="Het bezwaar bijwerken: vereisten na herstel (hersteldOp), verschoonbaarheid "
    "(6:11), adviescommissie, gemachtigde (If-Match)",
    responses=_WIJZIGING,
)
async def update_bezwaar(
    bezwaar_id: uuid.UUID,
    body: BezwaarUpdate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.wijzig_bezwaar(db, principal, write, bezwaar_id, body, if_match)
    )


@router.post(
    "/bezwaren/{bezwaar_id}/herstelverzoeken",
    status_code=201,
    response_model=BezwaarRead,
    summary="De indiener vragen een verzuim te herstellen (Awb 6:6); de beslistermijn staat "
    "zolang stil (7:10 lid 2)",
    responses=_STAP,
)
async def create_herstelverzoek(
    bezwaar_id: uuid.UUID,
    body: HerstelverzoekCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.vraag_herstel(db, principal, write, bezwaar_id, body, if_match)
    )


@router.post(
    "/bezwaren/{bezwaar_id}/verdagingen",
    status_code=201,
    response_model=BezwaarRead,
    summary="De beslissing verdagen met mededeling, hoogstens zes weken (Awb 7:10 lid 3)",
    responses=_STAP,
)
async def create_bezwaarverdaging(
    bezwaar_id: uuid.UUID,
    body: BezwaarVerdagingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.verdaag(db, principal, write, bezwaar_id, body, if_match)
    )


@router.post(
    "/bezwaren/{bezwaar_id}/uitstellen",
    status_code=201,
    response_model=BezwaarRead,
    summary="Verder uitstel met instemming of om procedureregels (Awb 7:10 lid 4)",
    responses=_STAP,
)
async def create_uitstel(
    bezwaar_id: uuid.UUID,
    body: UitstelCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.stel_uit(db, principal, write, bezwaar_id, body, if_match)
    )


@router.post(
    "/bezwaren/{bezwaar_id}/hoorzittingen",
    status_code=201,
    response_model=BezwaarRead,
    summary="Een hoorzitting plannen (Awb 7:2, 7:4), of vastleggen waarom er geen is (7:3)",
    responses=_STAP,
)
async def create_hoorzitting(
    bezwaar_id: uuid.UUID,
    body: HoorzittingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.plan_horen(db, principal, write, bezwaar_id, body, if_match)
    )


@router.patch(
    "/bezwaren/{bezwaar_id}/hoorzittingen/{hoorzitting_id}",
    response_model=BezwaarRead,
    summary="Vastleggen dat de hoorzitting is gehouden: wanneer, wie, verslag (If-Match van "
    "de hoorzitting)",
    responses=_WIJZIGING,
)
async def update_hoorzitting(
    bezwaar_id: uuid.UUID,
    hoorzitting_id: uuid.UUID,
    body: HoorzittingUpdate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.leg_hoorzitting_vast(
            db, principal, write, bezwaar_id, hoorzitting_id, body, if_match
        )
    )


@router.post(
    "/bezwaren/{bezwaar_id}/voorlopige-voorzieningen",
    status_code=201,
    response_model=BezwaarRead,
    summary="Een verzoek om een voorlopige voorziening bij de rechtbank noteren (Awb 8:81)",
    responses=_STAP,
)
async def create_voorlopige_voorziening(
    bezwaar_id: uuid.UUID,
    body: VoorlopigeVoorzieningCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarverloop.noteer_voorlopige_voorziening(
            db, principal, write, bezwaar_id, body, if_match
        )
    )


@router.post(
    "/bezwaren/{bezwaar_id}/beslissingen",
    status_code=201,
    response_model=BezwaarRead,
    summary="Op het bezwaar beslissen (gegrond met herziene beschikking, ongegrond, "
    "niet-ontvankelijk, ingetrokken), met motivering en eigen brief",
    responses=_STAP,
)
async def create_beslissing(
    bezwaar_id: uuid.UUID,
    body: BeslissingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await bezwaarbeslissing.beslis(db, principal, write, bezwaar_id, body, if_match)
    )
