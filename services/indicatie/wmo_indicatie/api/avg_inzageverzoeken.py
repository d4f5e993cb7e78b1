"""``/avg-inzageverzoeken``: this service's part of an AVG inzage (art. 15, issue 14.5), for
role beheer; asked by intake with the caller's token. The BSN is in the body, never in a URL."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.service import avg as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.dossiercontracten import AvgInzageDeel, AvgInzageVerzoek
from wmo_shared.responses import model_response

router = APIRouter(tags=["avg"])
Beheer = require_roles("beheer")


@router.post(
    "/avg-inzageverzoeken",
    response_model=AvgInzageDeel,
    summary="Alles wat deze dienst over een persoon bewaart, met elke auditregel daarover "
    "(AVG art. 15; alleen beheer; de BSN in de body); de inzage zelf wordt gelogd",
)
async def create_avg_inzageverzoek(
    body: AvgInzageVerzoek, request: Request, principal: Principal = Beheer
) -> Response:
    return model_response(await svc.inzage(request.app.state.db, principal, body))
