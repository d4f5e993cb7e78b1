"""iWmo messages of providers: a WMO305, WMO307 or WMO323 is processed at once and answered
with its retour. The message itself is the Idempotency-Key (its SHA-256)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.deps import Db
from wmo_intake.schemas.iwmo_bericht import IwmoBerichtRead
from wmo_intake.service import iwmo_bericht as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.responses import written_response

router = APIRouter(tags=["opdrachten"])
Berichten = require_roles("aanbieder", "systeem")


@router.post(
    "/iwmo-berichten",
    status_code=201,
    response_model=IwmoBerichtRead,
    summary="Een WMO305, WMO307, WMO315, WMO317 of WMO323 van een aanbieder verwerken; "
    "het antwoord is de retour",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/xml": {"schema": {"type": "string"}}},
        }
    },
    responses={
        200: {
            "description": "Dit bericht was al verwerkt: de eerdere retour",
            "model": IwmoBerichtRead,
        }
    },
)
async def create_iwmo_bericht(
    request: Request, db: Db, principal: Principal = Berichten
) -> Response:
    return written_response(await svc.importeer(db, principal, await request.body()))
