"""``/vernietigingskandidaten``: pgb's records past the bewaartermijn of the gemeente, for
destruction (issue 14.5; role beheer; asked by intake with the caller's token). A 400 while
beheer has not set the bewaartermijn (``POST /beleidswaarden``, sleutel
``bewaartermijn-jaren``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_pgb.api.deps import Db
from wmo_pgb.service import bewaartermijn as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.responses import model_response
from wmo_shared.vernietigingscontracten import VernietigingskandidatenDeel

router = APIRouter(tags=["avg"])
Beheer = require_roles("beheer")


@router.get(
    "/vernietigingskandidaten",
    response_model=VernietigingskandidatenDeel,
    summary="Pgb-plannen en pgb-verzoeken die over de bewaartermijn zijn (om te vernietigen; "
    "alleen beheer), met de dag waarvan de termijn loopt, de termijn en de regel",
)
async def list_vernietigingskandidaten(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Beheer,
) -> Response:
    return model_response(await svc.kandidaten(db, principal, cursor, limit))
