"""``/dossier-verzoeken``: indicatie's part of a resident's dossier, asked by intake with the
caller's token (issue 14.1). The BSN is in the body, never in the URL."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_indicatie.service import dossier as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.dossiercontracten import DossierVerzoek, IndicatieDossier
from wmo_shared.responses import model_response

router = APIRouter(tags=["dossier"])
Dossierlezer = require_roles("gebiedsteam", "beheer")


@router.post(
    "/dossier-verzoeken",
    response_model=IndicatieDossier,
    summary="De indicaties van een inwoner voor zijn dossier (de BSN in de body); elke gelezen "
    "indicatie wordt gelogd",
)
async def create_dossier_verzoek(
    body: DossierVerzoek, request: Request, principal: Principal = Dossierlezer
) -> Response:
    return model_response(await svc.dossier(request.app.state.db, principal, body))
