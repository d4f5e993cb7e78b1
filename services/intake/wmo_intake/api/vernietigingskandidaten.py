"""``/vernietigingskandidaten``: the cliënten whose data are past the bewaartermijn of the
gemeente, for destruction (issue 14.5; role beheer). A 400 while beheer has not set the
bewaartermijn (``POST /beleidswaarden``, sleutel ``bewaartermijn-jaren``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, Db
from wmo_intake.schemas.bewaartermijn import VernietigingskandidatenList
from wmo_intake.service import bewaartermijn as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["avg"])


@router.get(
    "/vernietigingskandidaten",
    response_model=VernietigingskandidatenList,
    summary="Cliënten van wie de gegevens over de bewaartermijn zijn (om te vernietigen)",
)
async def list_vernietigingskandidaten(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Beheer,
) -> Response:
    return model_response(await svc.kandidaten(db, principal, cursor, limit))
