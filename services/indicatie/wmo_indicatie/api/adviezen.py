"""``/indicatie-adviezen``: the engine's explainable advice after the onderzoek (IND-01..IND-13).
An advice is a hulpmiddel, never a decision; every advice is stored with its input."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.schemas.advies import IndicatieAdviesCreate, IndicatieAdviesRead
from wmo_indicatie.service import advies as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

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
    write: IdempotentWrite,
    principal: Principal = Adviseur,
) -> Response:
    return written_response(await svc.maak_advies(request.app.state.db, principal, write, body))


@router.get(
    "/{advies_id}",
    response_model=IndicatieAdviesRead,
    summary="Een advies lezen zoals het is gegeven",
)
async def get_advies(
    advies_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    return model_response(await svc.lees_advies(request.app.state.db, principal, advies_id))
