"""``/financiele-cijfers``: tegemoetkomingen paid, eigen-bijdrage terms and CAK registrations
per month, for the management information intake assembles (issue 14.6)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_finance.service import cijfers as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.cijfercontracten import FinanceCijfers
from wmo_shared.responses import model_response

router = APIRouter(tags=["cijfers"])
Lezer = require_roles("gebiedsteam", "beheer", "financien")


@router.get(
    "/financiele-cijfers",
    response_model=FinanceCijfers,
    summary="Betaalde tegemoetkomingen, eigen-bijdragetermijnen en CAK-registraties per maand, "
    "voor de managementinformatie",
)
async def get_financiele_cijfers(
    request: Request,
    van: Annotated[dt.date, Query(description="Eerste dag")],
    tot: Annotated[dt.date, Query(description="Laatste dag (inclusief)")],
    principal: Principal = Lezer,
) -> Response:
    return model_response(await svc.lees(request.app.state.db, principal, van, tot))
