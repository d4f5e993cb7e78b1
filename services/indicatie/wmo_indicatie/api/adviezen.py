"""``/indicatie-adviezen``: the engine's explainable advice after the onderzoek (IND-01..IND-13).
An advice is a hulpmiddel, never a decision; every advice is stored with its input."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.db.models import idempotency_keys
from wmo_indicatie.schemas.advies import IndicatieAdviesCreate, IndicatieAdviesRead
from wmo_indicatie.service import advies as service_adviezen
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import NotFound

router = APIRouter(prefix="/indicatie-adviezen", tags=["indicatie-adviezen"])
Adviseur = require_roles("gebiedsteam", "systeem")
Lezer = require_roles("gebiedsteam", "systeem", "beheer")


@router.post(
    "",
    status_code=201,
    response_model=IndicatieAdviesRead,
    summary="Een advies vragen over aard, profiel, omvang, plus en duur",
    description=(
        "Het normenkader begeleiding van de gemeente op de peildatum (standaard de begindatum) "
        "rangschikt de profielen met redenen, stelt een omvang voor binnen de band (met de "
        "netwerkcorrectie, IND-10), zegt of plus kan en waarom (niet), en stelt een duur met "
        "herzieningsdatum voor. Elk onderdeel noemt zijn regels. Het advies wordt bewaard."
    ),
)
async def create_advies(
    body: IndicatieAdviesCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Adviseur,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        read = await service_adviezen.maak_advies(conn, principal, body)
        return 201, read, {"Location": f"/api/v1/indicatie-adviezen/{read['id']}"}

    fp = fingerprint("POST", "/indicatie-adviezen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )


@router.get(
    "/{advies_id}",
    response_model=IndicatieAdviesRead,
    summary="Een advies lezen zoals het is gegeven",
)
async def get_advies(
    advies_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        read = await service_adviezen.lees_advies(conn, principal, advies_id)
    if read is None:
        raise NotFound("Er is geen advies met dit id in uw gemeente.")
    return Response(dumps(read), media_type="application/json")
