"""Meldingen: the start of a case. The melding shows its deadlines (INT-01, INT-14); a spoed
melding starts a temporary voorziening (INT-10); the persoonlijk plan (INT-14); herindicatie and
intrekking are steps of the case."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.melding import (
    MeldingCreate,
    MeldingList,
    MeldingRead,
    PersoonlijkPlanCreate,
    PersoonlijkPlanRead,
    SpoedgrondCreate,
    ZaakstapCreate,
)
from wmo_intake.service import melding as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["meldingen"])
_STATUS: dict[int | str, dict[str, Any]] = {
    409: {"description": "Niet mogelijk in de huidige status"}
}


@router.post(
    "/meldingen",
    status_code=201,
    response_model=MeldingRead,
    summary="Een melding ontvangen: de zaak begint; de termijnen staan erbij",
)
async def create_melding(
    body: MeldingCreate, write: IdempotentWrite, db: Db, principal: Principal = CaseWorker
) -> Response:
    return written_response(await svc.maak_melding(db, principal, write, body))


@router.get(
    "/meldingen",
    response_model=MeldingList,
    summary="De meldingen van een cliënt (voor een cliëntondersteuner: met toestemming)",
    responses={400: {"description": "Ongeldige parameter"}},
)
async def list_meldingen(
    client_id: Annotated[uuid.UUID, Query(alias="clientId")],
    db: Db,
    principal: Principal = CaseReader,
) -> Response:
    return model_response(await svc.meldingen_van_client(db, principal, client_id))


@router.get("/meldingen/{melding_id}", response_model=MeldingRead, summary="Een melding lezen")
async def get_melding(melding_id: uuid.UUID, db: Db, principal: Principal = CaseReader) -> Response:
    melding = await svc.lees_melding(db, principal, melding_id)
    return versioned_response(melding, melding.versie)


@router.post(
    "/meldingen/{melding_id}/persoonlijke-plannen",
    status_code=201,
    response_model=PersoonlijkPlanRead,
    summary="INT-14: een persoonlijk plan van de cliënt ontvangen",
)
async def create_persoonlijk_plan(
    melding_id: uuid.UUID,
    body: PersoonlijkPlanCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.ontvang_persoonlijk_plan(db, principal, write, melding_id, body)
    )


@router.post(
    "/meldingen/{melding_id}/tijdelijke-voorzieningen",
    status_code=201,
    response_model=MeldingRead,
    summary="INT-10: bij spoed, crisis of dwang direct een tijdelijke voorziening starten",
)
async def create_tijdelijke_voorziening(
    melding_id: uuid.UUID,
    body: SpoedgrondCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.start_tijdelijke_voorziening(db, principal, write, melding_id, body)
    )


@router.post(
    "/meldingen/{melding_id}/herindicaties",
    status_code=201,
    response_model=MeldingRead,
    summary="Herindicatie van een lopende voorziening starten (daarna volgt een aanvraag)",
    responses=_STATUS,
)
async def create_herindicatie(
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.start_herindicatie(db, principal, write, melding_id, body))


@router.post(
    "/meldingen/{melding_id}/intrekkingen",
    status_code=201,
    response_model=MeldingRead,
    summary="De cliënt trekt de melding of aanvraag in (vóór de beschikking)",
    responses=_STATUS,
)
async def create_intrekking(
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.trek_in(db, principal, write, melding_id, body))
