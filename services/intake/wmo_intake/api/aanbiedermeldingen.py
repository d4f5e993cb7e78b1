"""What a provider reports about its own opdracht (AAN-03..08, AAN-11, AAN-12), the case
worker handling it, and the gebiedsteam's consent to further no-shows (AAN-05)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.aanbiedermelding import (
    AanbiedermeldingCreate,
    AanbiedermeldingList,
    AanbiedermeldingRead,
    MeldingAfhandelingCreate,
    NoShowToestemmingCreate,
    NoShowToestemmingRead,
)
from wmo_intake.service import aanbiedermelding as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["meldingen van aanbieders"])
Lezer = require_roles("gebiedsteam", "beheer", "aanbieder")
Aanbieder = require_roles("aanbieder")


@router.post(
    "/opdrachten/{opdracht_id}/meldingen-aanbieder",
    status_code=201,
    response_model=AanbiedermeldingRead,
    summary="De aanbieder meldt over zijn opdracht: bijzonderheid (AAN-03), vervanging "
    "(AAN-04), no-show (AAN-05), incident of calamiteit (AAN-08), crisisstart (AAN-07), "
    "voortgangs- of eindrapportage (AAN-12), signaal over de inwoner (AAN-11)",
    responses={409: {"description": "De opdracht is geweigerd"}},
)
async def create_aanbiedermelding(
    opdracht_id: uuid.UUID,
    body: Annotated[AanbiedermeldingCreate, Body()],
    write: IdempotentWrite,
    db: Db,
    principal: Principal = Aanbieder,
) -> Response:
    return written_response(await svc.meld(db, principal, write, opdracht_id, body))


@router.get(
    "/opdrachten/{opdracht_id}/meldingen-aanbieder",
    response_model=AanbiedermeldingList,
    summary="De meldingen van de aanbieder over deze opdracht, oudste eerst",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_aanbiedermeldingen(
    opdracht_id: uuid.UUID,
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Lezer,
) -> Response:
    return model_response(await svc.lijst(db, principal, opdracht_id, cursor, limit))


@router.post(
    "/opdrachten/{opdracht_id}/meldingen-aanbieder/{melding_id}/afhandelingen",
    status_code=201,
    response_model=AanbiedermeldingRead,
    summary="De consulent handelde de melding af; zij verlaat de werkvoorraad",
    responses={409: {"description": "Al afgehandeld"}},
)
async def create_meldingafhandeling(
    opdracht_id: uuid.UUID,
    melding_id: uuid.UUID,
    body: MeldingAfhandelingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.handel_af(db, principal, write, opdracht_id, melding_id, body)
    )


@router.post(
    "/opdrachten/{opdracht_id}/no-show-toestemmingen",
    status_code=201,
    response_model=NoShowToestemmingRead,
    summary="AAN-05: het gebiedsteam geeft per e-mail toestemming om meer no-shows te declareren",
)
async def create_no_show_toestemming(
    opdracht_id: uuid.UUID,
    body: NoShowToestemmingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.geef_toestemming(db, principal, write, opdracht_id, body))
