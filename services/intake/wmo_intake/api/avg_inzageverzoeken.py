"""``/avg-inzageverzoeken``: the AVG inzage (art. 15, issue 14.5) for role beheer: one export
(JSON, or with Accept: application/pdf a letter for the person) of everything the four services
hold about a BSN in the caller's gemeente and every audit row about it. The BSN is in the
body, never in a URL; the inzage itself is audited in every service."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.brieven import PDF, briefformaat
from wmo_intake.api.deps import Beheer, Db, DossierPeers
from wmo_intake.schemas.avg import AvgInzageRead
from wmo_intake.service import avg as svc
from wmo_shared.auth import Principal
from wmo_shared.dossiercontracten import AvgInzageVerzoek
from wmo_shared.responses import model_response

router = APIRouter(tags=["avg"])


@router.post(
    "/avg-inzageverzoeken",
    response_model=AvgInzageRead,
    summary="Inzage (AVG art. 15): alles wat de vier diensten over een persoon bewaren en wie "
    "het bekeek of veranderde; als PDF met Accept: application/pdf (alleen beheer)",
    responses={
        200: {
            "content": {PDF: {"schema": {"type": "string", "format": "binary"}}},
            "description": "De inzage",
        }
    },
)
async def create_avg_inzageverzoek(
    body: AvgInzageVerzoek,
    request: Request,
    db: Db,
    peers: DossierPeers,
    principal: Principal = Beheer,
) -> Response:
    pdf = briefformaat(request) == "pdf"
    export = await svc.inzage(db, principal, body, peers, pdf=pdf)
    if isinstance(export, bytes):
        return Response(export, media_type=PDF, headers={"Vary": "Accept"})
    return model_response(export, headers={"Vary": "Accept"})
