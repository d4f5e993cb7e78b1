"""Cliëntondersteuning: the INT-02 notice to the client before the onderzoek, the client's
consent for a cliëntondersteuner and the organisations the gemeente designates (INT-15)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Beheer, CaseWorker, Db
from wmo_intake.schemas.clientondersteuning import (
    ClientondersteuningBerichtCreate,
    ClientondersteuningBerichtRead,
    OrganisatieCreate,
    OrganisatieList,
    OrganisatieRead,
    ToestemmingCreate,
    ToestemmingList,
    ToestemmingRead,
)
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_intake.service import clientondersteuning as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["meldingen"])
Iedereen = require_roles(
    "gebiedsteam", "beheer", "clientondersteuner", "aanbieder", "financien", "systeem"
)


@router.post(
    "/meldingen/{melding_id}/clientondersteuning-berichten",
    status_code=201,
    response_model=ClientondersteuningBerichtRead,
    summary="INT-02: vastleggen dat de cliënt (en mantelzorger) gewezen is op gratis "
    "cliëntondersteuning",
)
async def create_clientondersteuning_bericht(
    melding_id: uuid.UUID,
    body: ClientondersteuningBerichtCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.leg_bericht_vast(db, principal, write, melding_id, body))


@router.post(
    "/clienten/{client_id}/clientondersteuner-toestemmingen",
    status_code=201,
    response_model=ToestemmingRead,
    summary="INT-15: de toestemming van de cliënt voor een cliëntondersteuner vastleggen",
)
async def create_toestemming(
    client_id: uuid.UUID,
    body: ToestemmingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.geef_toestemming(db, principal, write, client_id, body))


@router.get(
    "/clienten/{client_id}/clientondersteuner-toestemmingen",
    response_model=ToestemmingList,
    summary="De toestemmingen voor cliëntondersteuners",
)
async def list_toestemmingen(
    client_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    return model_response(await svc.toestemmingen(db, principal, client_id))


@router.post(
    "/clienten/{client_id}/clientondersteuner-toestemmingen/{toestemming_id}/intrekkingen",
    status_code=201,
    response_model=ToestemmingRead,
    summary="De cliënt trekt de toestemming in",
)
async def create_intrekking_toestemming(
    client_id: uuid.UUID,
    toestemming_id: uuid.UUID,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.trek_toestemming_in(db, principal, write, client_id, toestemming_id)
    )


@router.get(
    "/clientondersteuning-organisaties",
    response_model=OrganisatieList,
    summary="INT-15: de organisaties voor cliëntondersteuning die de gemeente aanwijst",
    responses={400: {"description": "Ongeldige peildatum"}},
)
async def list_organisaties(
    db: Db,
    peildatum: Annotated[Zaakdatum | None, Query()] = None,
    principal: Principal = Iedereen,
) -> Response:
    return model_response(await svc.organisaties(db, principal, peildatum))


@router.post(
    "/clientondersteuning-organisaties",
    status_code=201,
    response_model=OrganisatieRead,
    summary="Een organisatie voor cliëntondersteuning aanwijzen (beheer)",
)
async def create_organisatie(
    body: OrganisatieCreate, write: IdempotentWrite, db: Db, principal: Principal = Beheer
) -> Response:
    return written_response(await svc.voeg_organisatie_toe(db, principal, write, body))
