"""``/vernietigingskandidaten``: the destruction list (issue 14.5; role beheer): the records of
intake, indicatie, pgb and finance past the bewaartermijn each service's beheer set for the
gemeente (``POST /beleidswaarden``, sleutel ``bewaartermijn-jaren``, in each service), with what
goes and why. Assembled in parallel; a service that does not answer is ``niet-beschikbaar``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, Db, DossierPeers
from wmo_intake.schemas.bewaartermijn import VernietigingslijstRead
from wmo_intake.service import bewaartermijn as svc
from wmo_shared.auth import Principal
from wmo_shared.responses import model_response

router = APIRouter(tags=["avg"])


@router.get(
    "/vernietigingskandidaten",
    response_model=VernietigingslijstRead,
    summary="Wat de vier diensten bewaren na de bewaartermijn (om te vernietigen), per dienst "
    "met de dag waarvan de termijn loopt, de termijn en de regel (alleen beheer)",
)
async def list_vernietigingskandidaten(
    db: Db,
    peers: DossierPeers,
    cursor: Annotated[str | None, Query(max_length=2000)] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Per dienst")] = 50,
    principal: Principal = Beheer,
) -> Response:
    return model_response(await svc.kandidaten(db, principal, peers, cursor, limit))
