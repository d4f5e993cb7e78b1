"""``/dossier-verzoeken``: pgb's part of a resident's dossier, asked by intake with the
caller's token (issue 14.1). The BSN is in the body, never in the URL."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db
from wmo_pgb.service import dossier as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.dossiercontracten import DossierVerzoek, PgbDossier
from wmo_shared.responses import model_response

router = APIRouter(tags=["dossier"])
Dossierlezer = require_roles("gebiedsteam", "beheer")


@router.post(
    "/dossier-verzoeken",
    response_model=PgbDossier,
    summary="De pgb-plannen, besluiten, budgetten en bestedingen van een inwoner voor zijn "
    "dossier (de BSN in de body); elk gelezen plan wordt gelogd",
)
async def create_dossier_verzoek(
    body: DossierVerzoek, db: Db, principal: Principal = Dossierlezer
) -> Response:
    return model_response(await svc.dossier(db, principal, body))
