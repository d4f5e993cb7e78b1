"""Meldingen: the start of a case. The melding shows its deadlines (INT-01, INT-14); the
cliëntondersteuning notice (INT-02) is recorded before the onderzoek can start; a spoed
melding starts a temporary voorziening (INT-10); a cliëntondersteuner with the client's
consent reads the case and comments (INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake import service_melding as svc
from wmo_intake.api.common import (
    CaseReader,
    CaseWorker,
    Created,
    created,
    idempotent,
    json_response,
    wire,
)
from wmo_intake.db.models import audit, meldingen
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis
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
from wmo_intake.schemas.melding import (
    MeldingCreate,
    MeldingList,
    MeldingRead,
    PersoonlijkPlanCreate,
    PersoonlijkPlanRead,
    SpoedgrondCreate,
    ZaakstapCreate,
)
from wmo_intake.schemas.opmerking import OpmerkingCreate, OpmerkingList, OpmerkingRead
from wmo_intake.service_zaak import vandaag, zichtbaar_voor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import etag
from wmo_shared.idempotency import IdempotencyKey

router = APIRouter(tags=["meldingen"])
Beheer = require_roles("beheer")
Iedereen = require_roles(
    "gebiedsteam", "beheer", "clientondersteuner", "aanbieder", "financien", "systeem"
)


@router.post(
    "/meldingen",
    status_code=201,
    response_model=MeldingRead,
    summary="Een melding ontvangen: de zaak begint; de termijnen staan erbij",
)
async def create_melding(
    body: MeldingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        melding = await svc.maak_melding(conn, principal, body)
        return created(f"/meldingen/{melding.id}", wire(melding), melding.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/meldingen",
    response_model=MeldingList,
    summary="De meldingen van een cliënt (voor een cliëntondersteuner: met toestemming)",
    responses={400: {"description": "Ongeldige parameter"}},
)
async def list_meldingen(
    request: Request,
    client_id: Annotated[uuid.UUID, Query(alias="clientId")],
    principal: Principal = CaseReader,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        rows = (
            await conn.execute(
                select(meldingen)
                .where(zichtbaar_voor(principal), meldingen.c.client_id == client_id)
                .order_by(meldingen.c.ontvangstdatum, meldingen.c.id)
            )
        ).all()
        await audit_log.record(conn, audit, principal, "lezen", "melding", f"client:{client_id}")
        resultaten = [wire(await svc.melding_read(conn, r)) for r in rows]
    return json_response({"resultaten": resultaten})


@router.get("/meldingen/{melding_id}", response_model=MeldingRead, summary="Een melding lezen")
async def get_melding(
    melding_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        melding = await svc.lees_melding(conn, principal, melding_id)
    return json_response(wire(melding), headers={"ETag": etag(melding.versie)})


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
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        bericht = await svc.leg_clientondersteuning_vast(conn, principal, melding_id, body)
        return created(
            f"/meldingen/{melding_id}/clientondersteuning-berichten/{bericht.id}", wire(bericht)
        )

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/meldingen/{melding_id}/persoonlijke-plannen",
    status_code=201,
    response_model=PersoonlijkPlanRead,
    summary="INT-14: een persoonlijk plan van de cliënt ontvangen",
)
async def create_persoonlijk_plan(
    melding_id: uuid.UUID,
    body: PersoonlijkPlanCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        plan = await svc.ontvang_persoonlijk_plan(conn, principal, melding_id, body)
        return created(f"/meldingen/{melding_id}/persoonlijke-plannen/{plan.id}", wire(plan))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/meldingen/{melding_id}/tijdelijke-voorzieningen",
    status_code=201,
    response_model=MeldingRead,
    summary="INT-10: bij spoed, crisis of dwang direct een tijdelijke voorziening starten",
)
async def create_tijdelijke_voorziening(
    melding_id: uuid.UUID,
    body: SpoedgrondCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        melding = await svc.start_tijdelijke_voorziening(conn, principal, melding_id, body)
        return created(f"/meldingen/{melding_id}", wire(melding), melding.versie)

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.post(
    "/meldingen/{melding_id}/opmerkingen",
    status_code=201,
    response_model=OpmerkingRead,
    summary="Een opmerking bij de zaak plaatsen (ook de cliëntondersteuner, INT-15)",
)
async def create_opmerking(
    melding_id: uuid.UUID,
    body: OpmerkingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseReader,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        opmerking = await svc.plaats_opmerking(conn, principal, melding_id, body)
        return created(f"/meldingen/{melding_id}/opmerkingen/{opmerking.id}", wire(opmerking))

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/meldingen/{melding_id}/opmerkingen",
    response_model=OpmerkingList,
    summary="De opmerkingen bij de zaak",
)
async def list_opmerkingen(
    melding_id: uuid.UUID, request: Request, principal: Principal = CaseReader
) -> Response:
    async with request.app.state.db.transaction() as conn:
        lijst = await svc.lees_opmerkingen(conn, principal, melding_id)
    return json_response({"resultaten": [wire(o) for o in lijst]})


@router.post(
    "/clienten/{client_id}/clientondersteuner-toestemmingen",
    status_code=201,
    response_model=ToestemmingRead,
    summary="INT-15: de toestemming van de cliënt voor een cliëntondersteuner vastleggen",
)
async def create_toestemming(
    client_id: uuid.UUID,
    body: ToestemmingCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        toestemming = await svc.geef_toestemming(conn, principal, client_id, body)
        return created(
            f"/clienten/{client_id}/clientondersteuner-toestemmingen/{toestemming.id}",
            wire(toestemming),
        )

    return await idempotent(request, principal, idempotency_key, body, handler)


@router.get(
    "/clienten/{client_id}/clientondersteuner-toestemmingen",
    response_model=ToestemmingList,
    summary="De toestemmingen voor cliëntondersteuners",
)
async def list_toestemmingen(
    client_id: uuid.UUID, request: Request, principal: Principal = CaseWorker
) -> Response:
    async with request.app.state.db.transaction() as conn:
        lijst = await svc.toestemmingen(conn, principal, client_id)
    return json_response({"resultaten": [wire(t) for t in lijst]})


@router.post(
    "/clienten/{client_id}/clientondersteuner-toestemmingen/{toestemming_id}/intrekkingen",
    status_code=201,
    response_model=ToestemmingRead,
    summary="De cliënt trekt de toestemming in",
)
async def create_intrekking_toestemming(
    client_id: uuid.UUID,
    toestemming_id: uuid.UUID,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        toestemming = await svc.trek_toestemming_in(conn, principal, client_id, toestemming_id)
        return created(
            f"/clienten/{client_id}/clientondersteuner-toestemmingen/{toestemming.id}",
            wire(toestemming),
        )

    return await idempotent(request, principal, idempotency_key, None, handler)


@router.get(
    "/clientondersteuning-organisaties",
    response_model=OrganisatieList,
    summary="INT-15: de organisaties voor cliëntondersteuning die de gemeente aanwijst",
    responses={400: {"description": "Ongeldige peildatum"}},
)
async def list_organisaties(
    request: Request,
    peildatum: Annotated[dt.date | None, Query()] = None,
    principal: Principal = Iedereen,
) -> Response:
    async with request.app.state.db.transaction() as conn:
        lijst = await svc.organisaties(conn, principal, peildatum or vandaag())
    return json_response({"resultaten": [wire(o) for o in lijst]})


@router.post(
    "/clientondersteuning-organisaties",
    status_code=201,
    response_model=OrganisatieRead,
    summary="Een organisatie voor cliëntondersteuning aanwijzen (beheer)",
)
async def create_organisatie(
    body: OrganisatieCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Beheer,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        organisatie = await svc.voeg_organisatie_toe(conn, principal, body)
        return created(f"/clientondersteuning-organisaties/{organisatie.id}", wire(organisatie))

    return await idempotent(request, principal, idempotency_key, body, handler)


async def _stap(
    request: Request,
    principal: Principal,
    key: str | None,
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
    gebeurtenis: Zaakgebeurtenis,
) -> Response:
    async def handler(conn: AsyncConnection) -> Created:
        melding = await svc.zaakstap(
            conn, principal, melding_id, gebeurtenis, body.datum, body.reden
        )
        return created(f"/meldingen/{melding_id}", wire(melding), melding.versie)

    return await idempotent(request, principal, key, body, handler)


@router.post(
    "/meldingen/{melding_id}/herindicaties",
    status_code=201,
    response_model=MeldingRead,
    summary="Herindicatie van een lopende voorziening starten (daarna volgt een aanvraag)",
    responses={409: {"description": "Niet mogelijk in de huidige status"}},
)
async def create_herindicatie(
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    return await _stap(
        request, principal, idempotency_key, melding_id, body, Zaakgebeurtenis.HERINDICATIE_GESTART
    )


@router.post(
    "/meldingen/{melding_id}/intrekkingen",
    status_code=201,
    response_model=MeldingRead,
    summary="De cliënt trekt de melding of aanvraag in (vóór de beschikking)",
    responses={409: {"description": "Niet mogelijk in de huidige status"}},
)
async def create_intrekking(
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    return await _stap(
        request, principal, idempotency_key, melding_id, body, Zaakgebeurtenis.INGETROKKEN
    )
