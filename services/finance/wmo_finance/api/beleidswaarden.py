"""Beleidswaarden: policy numbers the policy names without giving them, set by role beheer with
validity dates per gemeente (issue 12.8). Never invented: until set, a calculation that needs
one answers 400 naming the missing value."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_finance.api.deps import Db
from wmo_finance.service import beleidswaarde as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.beleidswaarden import BeleidswaardeCreate, BeleidswaardeList, BeleidswaardeRead
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/beleidswaarden", tags=["beleidswaarden"])
Beheer = require_roles("beheer")
Lezer = require_roles("beheer", "gebiedsteam", "financien")


@router.post(
    "",
    status_code=201,
    response_model=BeleidswaardeRead,
    summary="Een beleidswaarde vaststellen voor een periode (alleen beheer)",
    description=(
        "Voor de gemeente van het token. Alleen sleutels die deze dienst kent (400 anders). "
        "Een periode die een vastgestelde periode overlapt is een 409: een oude periode wordt "
        "nooit herschreven; een open periode wordt afgesloten door een periode die later begint."
    ),
    responses={409: {"description": "De periode overlapt een vastgestelde periode"}},
)
async def create_beleidswaarde(
    body: BeleidswaardeCreate, db: Db, write: IdempotentWrite, principal: Principal = Beheer
) -> Response:
    return written_response(await svc.stel_vast(db, principal, write, body))


@router.get(
    "",
    response_model=BeleidswaardeList,
    summary="De beleidswaarden van uw gemeente en de sleutels die deze dienst kent",
)
async def list_beleidswaarden(
    db: Db,
    sleutel: Annotated[str | None, Query(max_length=100, description="Alleen deze sleutel")] = None,
    principal: Principal = Lezer,
) -> Response:
    return model_response(await svc.lees(db, principal, sleutel))
