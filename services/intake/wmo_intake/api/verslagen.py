"""The verslag of the onderzoek for the client: JSON, or markdown with Accept: text/markdown."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, Db
from wmo_intake.schemas.verslag import VerslagRead
from wmo_intake.service import verslag as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["onderzoeken"])


@router.get(
    "/onderzoeken/{onderzoek_id}/verslag",
    response_model=VerslagRead,
    summary="Het verslag van het onderzoek voor de cliënt (JSON, of markdown met "
    "Accept: text/markdown)",
    responses={200: {"description": "Het verslag", "content": {"text/markdown": {}}}},
)
async def get_verslag(
    onderzoek_id: uuid.UUID, request: Request, db: Db, principal: Principal = CaseReader
) -> Response:
    verslag = await svc.lees_verslag(db, principal, onderzoek_id)
    if "text/markdown" in request.headers.get("accept", ""):
        return Response(verslag.als_markdown(), media_type="text/markdown; charset=utf-8")
    return model_response(verslag)
