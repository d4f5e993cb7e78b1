"""Zoekopdrachten: finding cliënten of the caller's gemeente by name (fuzzy), geboortedatum,
address, BSN or case reference. A POST, so no name or BSN is ever in a URL."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.zoekopdracht import ClientZoekopdracht, ClientZoekresultaten
from wmo_intake.service import zoekopdracht as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import page_response

router = APIRouter(prefix="/clienten", tags=["clienten"])


@router.post(
    "/zoekopdrachten",
    response_model=ClientZoekresultaten,
    summary="Cliënten zoeken op naam (ook met een spelfout), geboortedatum, postcode en "
    "huisnummer, BSN of zaakreferentie; best passend eerst, per pagina met een cursor",
    responses={400: {"description": "Geen zoekcriterium, of een ongeldig criterium"}},
)
async def search_clienten(
    body: ClientZoekopdracht, db: Db, principal: Principal = CaseWorker
) -> Response:
    return page_response(await svc.zoek(db, principal, body))
