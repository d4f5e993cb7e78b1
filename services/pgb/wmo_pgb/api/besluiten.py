"""The besluit on a pgb-plan; a toekenning computes the budget (PGB-11)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db, FinanceTarieven, IntakeAanvragen
from wmo_pgb.schemas.besluit import BesluitCreate, BesluitRead
from wmo_pgb.service import besluit as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import PgbBesluit
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(prefix="/pgb-plannen", tags=["pgb-plannen"])
Gebiedsteam = require_roles("gebiedsteam")
# The contract a beschikking is checked against: intake calls it with its service token.
Besluitlezer = require_roles("gebiedsteam", "beheer", "systeem")


@router.post(
    "/{pgb_plan_id}/besluiten",
    status_code=201,
    response_model=BesluitRead,
    summary="Besluiten over het pgb; bij toekenning wordt het budget berekend (PGB-11)",
    responses={
        409: {"description": "Over dit pgb-plan is al besloten"},
        412: {"description": "Het pgb-plan is intussen gewijzigd (If-Match)"},
        503: {"description": "De financiële dienst (tarieven) is niet bereikbaar"},
    },
)
async def create_besluit(
    pgb_plan_id: uuid.UUID,
    body: BesluitCreate,
    db: Db,
    tarieven: FinanceTarieven,
    write: IdempotentWrite,
    aanvragen: IntakeAanvragen,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    """Met If-Match (optioneel) geldt het besluit alleen voor de gelezen versie van het plan."""
    return written_response(
        await svc.create_besluit(
            db, tarieven, principal, write, pgb_plan_id, body, if_match, aanvragen
        )
    )


@router.get(
    "/{pgb_plan_id}/besluit",
    response_model=PgbBesluit,
    summary="Het besluit over het pgb-plan, met budget (contract voor de beschikking)",
    description=(
        "Wat een andere dienst (intake, met zijn service-token) controleert voordat een "
        "beschikking op dit pgb rust: bestaat het plan in uw gemeente, voor welke cliënt en "
        "aanvraag, is er besloten (toegekend of afgewezen, met de regels) en, bij toekenning, "
        "het budget: bedrag, productcode, periode en versie. Zolang er niet besloten is, is "
        "``besluit`` leeg. Het schema is ``wmo_shared.contracts.PgbBesluit``."
    ),
    responses={404: {"description": "Geen pgb-plan met dit id in uw gemeente"}},
)
async def get_besluit(
    pgb_plan_id: uuid.UUID, db: Db, principal: Principal = Besluitlezer
) -> Response:
    return model_response(await svc.lees_besluit(db, principal, pgb_plan_id))
