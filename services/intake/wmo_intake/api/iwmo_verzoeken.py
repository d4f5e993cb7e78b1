"""Providers' verzoeken om toewijzing (WMO315) and om wijziging (WMO317), imported through
``POST /iwmo-berichten``: read, listed and answered by the case worker; the WMO319s sent, as a
feed for the exchange."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import BearerToken, CaseWorker, Db, Finance
from wmo_intake.schemas.iwmo_verzoek import (
    IwmoAntwoordPage,
    IwmoVerzoekList,
    IwmoVerzoekRead,
    VerzoekAntwoordCreate,
)
from wmo_intake.service import iwmo_verzoek as svc
from wmo_intake.service import iwmo_verzoekantwoord as antwoorden
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["opdrachten"])
Feed = require_roles("systeem", "beheer")


@router.get(
    "/iwmo-verzoeken",
    response_model=IwmoVerzoekList,
    summary="De verzoeken om toewijzing en om wijziging (WMO315/317), op antwoordtermijn",
    responses={400: {"description": "Ongeldige cursor, status of limit"}},
)
async def list_iwmo_verzoeken(
    db: Db,
    status: Literal["open", "in-onderzoek", "toegekend", "afgewezen"] | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    principal: Principal = CaseWorker,
) -> Response:
    return model_response(await svc.lijst_verzoeken(db, principal, status, cursor, limit))


@router.get(
    "/iwmo-verzoeken/{verzoek_id}",
    response_model=IwmoVerzoekRead,
    summary="Een verzoek om toewijzing of om wijziging, met termijnen en antwoorden",
)
async def get_iwmo_verzoek(
    verzoek_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    verzoek = await svc.lees_verzoek(db, principal, verzoek_id)
    return versioned_response(verzoek, verzoek.versie)


@router.post(
    "/iwmo-verzoeken/{verzoek_id}/antwoorden",
    status_code=201,
    response_model=IwmoVerzoekRead,
    summary="Het verzoek beantwoorden: in onderzoek of afgewezen (WMO319), of toegekend "
    "(WMO301 per opdracht en gewijzigde toewijzing)",
    responses={
        409: {"description": "Het verzoek is al beantwoord, of de toewijzing is onbekend"},
        412: {"description": "Het verzoek is intussen gewijzigd (If-Match)"},
    },
)
async def create_iwmo_verzoek_antwoord(
    verzoek_id: uuid.UUID,
    body: VerzoekAntwoordCreate,
    write: IdempotentWrite,
    db: Db,
    finance: Finance,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
    token: str = BearerToken,
) -> Response:
    return written_response(
        await antwoorden.beantwoord(
            db, principal, write, finance, token, verzoek_id, body, if_match
        )
    )


@router.get(
    "/iwmo-antwoorden",
    response_model=IwmoAntwoordPage,
    summary="Feed van verstuurde WMO319-antwoordberichten, oplopend; cursor is ondoorzichtig",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_iwmo_antwoorden(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    principal: Principal = Feed,
) -> Response:
    return model_response(await antwoorden.antwoorden_feed(db, principal, cursor, limit))
