"""``/indicaties``: the final indicatie the gebiedsteam records next to the engine's advice, its
revisions and its ending. A BSN never appears in a URL: search with ``POST /indicaties/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.schemas.indicatie import (
    IndicatieBeeindigingCreate,
    IndicatieCreate,
    IndicatieHerzieningCreate,
    IndicatieList,
    IndicatieRead,
    IndicatieZoek,
)
from wmo_indicatie.service import indicatie as svc
from wmo_indicatie.service.aanvraag import Aanvragen
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import IndicatieBesluit
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(prefix="/indicaties", tags=["indicaties"])
Consulent = require_roles("gebiedsteam")
Beeindiger = require_roles("gebiedsteam", "systeem")
Lezer = require_roles("gebiedsteam", "systeem", "beheer")
# The contract a beschikking is checked against: intake calls it with its service token.
Besluitlezer = require_roles("gebiedsteam", "beheer", "systeem")


def _aanvragen(request: Request) -> Aanvragen:
    """Intake's aanvragen, asked with this service's own token (issue 12.1)."""
    return Aanvragen(request.app.state.clients["intake"], request.app.state.tokens)


_WIJZIGING: dict[int | str, dict[str, Any]] = {
    404: {"description": "Geen indicatie met dit id in uw gemeente"},
    409: {"description": "De indicatie is al vervangen of beëindigd"},
    412: {"description": "De indicatie is intussen gewijzigd (If-Match)"},
    428: {"description": "If-Match is vereist"},
}


@router.post(
    "",
    status_code=201,
    response_model=IndicatieRead,
    summary="Een indicatie vastleggen",
    description=(
        "Legt de indicatie vast zoals de consulent haar stelt: aard, profiel, plus, exacte "
        "omvang, perceel, product en duur. Het normenkader toetst haar; een weigering noemt "
        "het veld en de regel. Een omvang buiten de band kan alleen met motivering en wordt "
        "dan als afwijking gemarkeerd. Het advies (adviesId) wordt naast de keuze bewaard."
    ),
    responses={
        409: {"description": "Er is al een actieve indicatie voor deze aanvraag en aard"},
        503: {"description": "Intake is niet bereikbaar: de aanvraag kan niet worden getoetst"},
    },
)
async def create_indicatie(
    body: IndicatieCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Consulent,
) -> Response:
    return written_response(
        await svc.leg_vast(request.app.state.db, principal, write, body, _aanvragen(request))
    )


@router.post(
    "/_zoek",
    response_model=IndicatieList,
    summary="De indicaties van een cliënt zoeken (de BSN staat in de body, nooit in de URL)",
)
async def search_indicaties(
    body: IndicatieZoek, request: Request, principal: Principal = Lezer
) -> Response:
    return model_response(await svc.zoek(request.app.state.db, principal, body))


@router.get("/{indicatie_id}", response_model=IndicatieRead, summary="Een indicatie lezen")
async def get_indicatie(
    indicatie_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    indicatie = await svc.lees(request.app.state.db, principal, indicatie_id)
    return versioned_response(indicatie, indicatie.versie)


@router.get(
    "/{indicatie_id}/besluit",
    response_model=IndicatieBesluit,
    summary="De vastgelegde indicatie als besluit waarop een beschikking rust (contract)",
    description=(
        "Wat een andere dienst (intake, met zijn service-token) controleert voordat een "
        "beschikking op deze indicatie rust: bestaat zij in uw gemeente, voor welke cliënt en "
        "aanvraag, is zij actief, en welke omvang, productcode en periode zijn vastgelegd. "
        "Het schema is ``wmo_shared.contracts.IndicatieBesluit``."
    ),
    responses={404: {"description": "Geen indicatie met dit id in uw gemeente"}},
)
async def get_besluit(
    indicatie_id: uuid.UUID, request: Request, principal: Principal = Besluitlezer
) -> Response:
    return model_response(await svc.besluit(request.app.state.db, principal, indicatie_id))


@router.get(
    "/{indicatie_id}/versies",
    response_model=IndicatieList,
    summary="Alle versies van een indicatie, de oudste eerst",
)
async def get_versies(
    indicatie_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    return model_response(await svc.versies(request.app.state.db, principal, indicatie_id))


@router.post(
    "/{indicatie_id}/herzieningen",
    status_code=201,
    response_model=IndicatieRead,
    summary="Een indicatie herzien: een nieuwe versie, de oude blijft bewaard",
    responses=_WIJZIGING,
)
async def create_herziening(
    indicatie_id: uuid.UUID,
    body: IndicatieHerzieningCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Consulent,
) -> Response:
    return written_response(
        await svc.herzie(
            request.app.state.db,
            principal,
            write,
            indicatie_id,
            if_match,
            body,
            _aanvragen(request),
        )
    )


@router.post(
    "/{indicatie_id}/beeindigingen",
    status_code=201,
    response_model=IndicatieRead,
    summary="Een indicatie beëindigen: een nieuwe versie met de einddatum en de reden",
    responses=_WIJZIGING,
)
async def create_beeindiging(
    indicatie_id: uuid.UUID,
    body: IndicatieBeeindigingCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Beeindiger,
) -> Response:
    return written_response(
        await svc.beeindig(request.app.state.db, principal, write, indicatie_id, if_match, body)
    )
