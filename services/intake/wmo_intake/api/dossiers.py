"""``/clienten/{clientId}/dossier``: a resident's whole Wmo file in the caller's gemeente
(issue 14.1), assembled from intake and, in parallel, indicatie, pgb and finance; as JSON, or
with Accept: application/pdf as a letter for the resident (B1)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.brieven import PDF, briefformaat
from wmo_intake.api.deps import CaseWorker, Db, DossierPeers
from wmo_intake.schemas.dossier import DossierRead
from wmo_intake.service import dossier as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["dossier"])


@router.get(
    "/clienten/{client_id}/dossier",
    response_model=DossierRead,
    summary="Het hele Wmo-dossier van een inwoner (JSON), of als brief voor de inwoner met "
    "Accept: application/pdf; een dienst die niet antwoordt staat als niet-beschikbaar",
    responses={
        200: {
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
            "description": "Het dossier",
        },
        404: {"description": "Geen cliënt met dit id in uw gemeente"},
    },
)
async def get_dossier(
    client_id: uuid.UUID,
    request: Request,
    db: Db,
    peers: DossierPeers,
    principal: Principal = CaseWorker,
) -> Response:
    pdf = briefformaat(request) == "pdf"
    dossier = await svc.dossier(db, principal, client_id, peers, pdf=pdf)
    if isinstance(dossier, bytes):
        return Response(dossier, media_type=PDF, headers={"Vary": "Accept"})
    return model_response(dossier, headers={"Vary": "Accept"})
