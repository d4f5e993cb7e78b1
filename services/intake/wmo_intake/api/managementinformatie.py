"""``/managementinformatie``: the figures of the caller's gemeente over a period (issue 14.6),
as JSON or, with Accept: text/csv, as CSV."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db, DossierPeers
from wmo_intake.schemas.managementinformatie import ManagementinformatieRead
from wmo_intake.service import managementinformatie as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["managementinformatie"])
CSV = "text/csv"


@router.get(
    "/managementinformatie",
    response_model=ManagementinformatieRead,
    summary="Managementinformatie van uw gemeente over een periode: aantallen, "
    "doorlooptijden, termijnen, bezwaren en uitgaven per maand (JSON, of CSV met "
    "Accept: text/csv)",
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}}}, "description": "De cijfers"}
    },
)
async def get_managementinformatie(
    request: Request,
    db: Db,
    peers: DossierPeers,
    van: Annotated[dt.date, Query(description="Eerste dag")],
    tot: Annotated[dt.date, Query(description="Laatste dag (inclusief)")],
    principal: Principal = CaseWorker,
) -> Response:
    if CSV in request.headers.get("accept", ""):
        tekst = await svc.lees_csv(db, principal, van, tot, peers)
        naam = f"managementinformatie-{van}-{tot}.csv"
        return Response(
            tekst,
            media_type=f"{CSV}; charset=utf-8",
            headers={"Vary": "Accept", "Content-Disposition": f'attachment; filename="{naam}"'},
        )
    return model_response(
        await svc.lees(db, principal, van, tot, peers), headers={"Vary": "Accept"}
    )
