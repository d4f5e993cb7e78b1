"""The verslag of the onderzoek for the client: JSON, markdown with Accept: text/markdown, or
the letter (PDF/A, HTML) with Accept: application/pdf or text/html."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.brieven import brief_inhoud, brief_response, briefformaat
from wmo_intake.api.deps import CaseReader, Db
from wmo_intake.schemas.verslag import VerslagRead
from wmo_intake.service import brief
from wmo_intake.service import verslag as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["onderzoeken"])
_VERSLAG = brief_inhoud("Het verslag")
_VERSLAG["content"]["text/markdown"] = {"schema": {"type": "string"}}


@router.get(
    "/onderzoeken/{onderzoek_id}/verslag",
    response_model=VerslagRead,
    summary="Het verslag van het onderzoek voor de cliënt (JSON; markdown met Accept: "
    "text/markdown; de brief met Accept: application/pdf of text/html)",
    responses={200: _VERSLAG},
)
async def get_verslag(
    onderzoek_id: uuid.UUID, request: Request, db: Db, principal: Principal = CaseReader
) -> Response:
    formaat = briefformaat(request)
    if formaat is not None:
        return brief_response(await brief.lees_verslagbrief(db, principal, onderzoek_id, formaat))
    verslag = await svc.lees_verslag(db, principal, onderzoek_id)
    if "text/markdown" in request.headers.get("accept", ""):
        return Response(verslag.als_markdown(), media_type="text/markdown; charset=utf-8")
    return model_response(verslag)
