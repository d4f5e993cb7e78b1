"""Aanvragen: after the onderzoek the client asks for support; the beschikking follows within
two weeks (INT-03)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.aanvraag import AanvraagCreate, AanvraagRead
from wmo_intake.service import aanvraag as svc
from wmo_intake.service import aanvraagfeiten as feiten_svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["besluiten"])


@router.post(
    "/aanvragen",
    status_code=201,
    response_model=AanvraagRead,
    summary="Een aanvraag ontvangen; de beschikking volgt binnen twee weken (INT-03)",
    responses={409: {"description": "De zaak is niet in een status waarin dit kan"}},
)
async def create_aanvraag(
    body: AanvraagCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.ontvang_aanvraag(db, principal, write, body))


@router.get("/aanvragen/{aanvraag_id}", response_model=AanvraagRead, summary="Een aanvraag")
async def get_aanvraag(
    aanvraag_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    return model_response(await svc.lees_aanvraag(db, principal, aanvraag_id))


# The contract indicatie and pgb check against (issue 12.1): they call it with their service token.
Feitenlezer = require_roles("systeem", "gebiedsteam", "beheer")


@router.get(
    "/aanvragen/{aanvraag_id}/feiten",
    response_model=AanvraagFeiten,
    summary="De aanvraag als feiten waarop een indicatie of pgb rust (contract)",
    description=(
        "Wat een andere dienst (indicatie, pgb; met zijn service-token) controleert voordat "
        "iets op deze aanvraag rust: bestaat zij in uw gemeente, van welke cliënt is zij, en wat "
        "concludeerde het onderzoek (maatwerkvoorzieningNodig, PGB-01). Het schema is "
        "``wmo_shared.contracts.AanvraagFeiten``."
    ),
    responses={404: {"description": "Geen aanvraag met dit id in uw gemeente"}},
)
async def get_aanvraag_feiten(
    aanvraag_id: uuid.UUID, db: Db, principal: Principal = Feitenlezer
) -> Response:
    return model_response(await feiten_svc.lees_feiten(db, principal, aanvraag_id))
