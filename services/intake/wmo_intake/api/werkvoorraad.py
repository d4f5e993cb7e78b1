"""The werkvoorraad: the open work of the caller's gemeente with its deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_intake.api.common import CaseWorker, json_response
from wmo_intake.domain.termijnen import Termijnstatus
from wmo_intake.schemas.werkvoorraad import Taaksoort, WerkvoorraadList
from wmo_intake.service_werkvoorraad import werkvoorraad
from wmo_intake.service_zaak import vandaag
from wmo_shared.auth import Principal

router = APIRouter(tags=["werkvoorraad"])


@router.get(
    "/werkvoorraad",
    response_model=WerkvoorraadList,
    summary="Open werk met termijn en stand (op_tijd, binnen_5_dagen, verlopen)",
    responses={400: {"description": "Ongeldige parameter"}},
)
async def get_werkvoorraad(
    request: Request,
    soort: Annotated[Taaksoort | None, Query()] = None,
    status: Annotated[Termijnstatus | None, Query()] = None,
    peildatum: Annotated[dt.date | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = CaseWorker,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        page = await werkvoorraad(
            conn,
            principal,
            peildatum=peildatum or vandaag(),
            soort=soort,
            status=status,
            cursor=cursor,
            limit=limit,
        )
    return json_response(page)
