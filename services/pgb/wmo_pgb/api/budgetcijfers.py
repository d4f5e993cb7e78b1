"""``/budgetcijfers``: the budgets of the gemeente per month, for the management information
intake assembles (issue 14.6)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_pgb.api.deps import Db
from wmo_pgb.service import cijfers as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.cijfercontracten import PgbCijfers
from wmo_shared.responses import model_response

router = APIRouter(tags=["cijfers"])
Lezer = require_roles("gebiedsteam", "beheer", "financien")


@router.get(
    "/budgetcijfers",
    response_model=PgbCijfers,
    summary="De toegekende pgb-budgetten per maand (naar rato van de dagen), voor de "
    "managementinformatie",
)
async def get_budgetcijfers(
    db: Db,
    van: Annotated[dt.date, Query(description="Eerste dag")],
    tot: Annotated[dt.date, Query(description="Laatste dag (inclusief)")],
    principal: Principal = Lezer,
) -> Response:
    return model_response(await svc.lees(db, principal, van, tot))
