"""``/indicaties``: the final indicatie the gebiedsteam records next to the engine's advice, its
revisions and its ending. A BSN never appears in a URL: search with ``POST /indicaties/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.db.models import idempotency_keys
from wmo_indicatie.schemas.indicatie import (
    IndicatieBeeindigingCreate,
    IndicatieCreate,
    IndicatieHerzieningCreate,
    IndicatieList,
    IndicatieRead,
    IndicatieZoek,
)
from wmo_indicatie.service import indicatie as service_indicaties
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import NotFound

router = APIRouter(prefix="/indicaties", tags=["indicaties"])
Consulent = require_roles("gebiedsteam")
Beeindiger = require_roles("gebiedsteam", "systeem")
Lezer = require_roles("gebiedsteam", "systeem", "beheer")

_WIJZIGING: dict[int | str, dict[str, Any]] = {
    404: {"description": "Geen indicatie met dit id in uw gemeente"},
    409: {"description": "De indicatie is al vervangen of beëindigd"},
    412: {"description": "De indicatie is intussen gewijzigd (If-Match)"},
    428: {"description": "If-Match is vereist"},
}


def _created(row: Any) -> tuple[int, Any, dict[str, str]]:
    return (
        201,
        service_indicaties.to_read(row),
        {"Location": f"/api/v1/indicaties/{row.id}", "ETag": etag(row.versie)},
    )


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
    responses={409: {"description": "Er is al een actieve indicatie voor deze aanvraag en aard"}},
)
async def create_indicatie(
    body: IndicatieCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Consulent,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        return _created(await service_indicaties.leg_vast(conn, principal, body))

    fp = fingerprint("POST", "/indicaties", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )


@router.post(
    "/_zoek",
    response_model=IndicatieList,
    summary="De indicaties van een cliënt zoeken (de BSN staat in de body, nooit in de URL)",
)
async def search_indicaties(
    body: IndicatieZoek, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        rows = await service_indicaties.zoek(conn, principal, body)
    results = [service_indicaties.to_read(r) for r in rows]
    return Response(dumps({"resultaten": results}), media_type="application/json")


@router.get("/{indicatie_id}", response_model=IndicatieRead, summary="Een indicatie lezen")
async def get_indicatie(
    indicatie_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        row = await service_indicaties.lees(conn, principal, indicatie_id)
    return Response(
        dumps(service_indicaties.to_read(row)),
        media_type="application/json",
        headers={"ETag": etag(row.versie)},
    )


@router.get(
    "/{indicatie_id}/versies",
    response_model=IndicatieList,
    summary="Alle versies van een indicatie, de oudste eerst",
)
async def get_versies(
    indicatie_id: uuid.UUID, request: Request, principal: Principal = Lezer
) -> Response:
    async with request.app.state.db.transaction() as conn:
        rows = await service_indicaties.versies(conn, principal, indicatie_id)
    if not rows:
        raise NotFound("Er is geen indicatie met dit id in uw gemeente.")
    results = [service_indicaties.to_read(r) for r in rows]
    return Response(dumps({"resultaten": results}), media_type="application/json")


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
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Consulent,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        return _created(
            await service_indicaties.herzie(conn, principal, indicatie_id, if_match, body)
        )

    path = f"/indicaties/{indicatie_id}/herzieningen"
    fp = fingerprint("POST", path, body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
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
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Beeindiger,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        return _created(
            await service_indicaties.beeindig(conn, principal, indicatie_id, if_match, body)
        )

    path = f"/indicaties/{indicatie_id}/beeindigingen"
    fp = fingerprint("POST", path, body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )
