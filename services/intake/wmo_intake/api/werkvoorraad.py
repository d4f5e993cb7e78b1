"""The werkvoorraad: the open work of the caller's gemeente with its deadlines."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_intake.schemas.werkvoorraad import Taaksoort, Termijnstatus, WerkvoorraadList
from wmo_intake.service import werkvoorraad as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import page_response

router = APIRouter(tags=["werkvoorraad"])


@router.get(
    "/werkvoorraad",
    response_model=WerkvoorraadList,
    summary="Open werk met termijn en stand (op_tijd, binnen_5_dagen, verlopen)",
    responses={400: {"description": "Ongeldige parameter"}},
)
async def get_werkvoorraad(
    db: Db,
    soort: Annotated[Taaksoort | None, Query()] = None,
    status: Annotated[Termijnstatus | None, Query()] = None,
    peildatum: Annotated[Zaakdatum | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    behandelaar: Annotated[
        Literal["mij", "niemand"] | None,
        Query(description="mij: mijn eigen zaken; niemand: niet toegewezen"),
    ] = None,
    team: Annotated[
        Literal["mijn"] | None, Query(description="mijn: de zaken van het team in mijn token")
    ] = None,
    binnen_weken: Annotated[
        int | None,
        Query(
            alias="binnenWeken",
            ge=1,
            le=104,
            description="Alleen wat binnen zoveel weken na de peildatum valt (bijvoorbeeld "
            "komende evaluaties: soort=evaluatie&binnenWeken=6)",
        ),
    ] = None,
    principal: Principal = CaseWorker,
) -> Response:
    return page_response(
        await svc.werkvoorraad_van(
            db,
            principal,
            peildatum=peildatum,
            soort=soort,
            status=status,
            cursor=cursor,
            limit=limit,
            behandelaar=behandelaar,
            team=team,
            binnen_weken=binnen_weken,
        )
    )
