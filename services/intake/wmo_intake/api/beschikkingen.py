"""Beschikkingen. A beschikking is a concept until it is sent
(``/beschikkingen/{id}/verzendingen``); from then on it never changes."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import Response

from wmo_intake.api.brieven import brief_inhoud, brief_response, briefformaat
from wmo_intake.api.deps import Besluitbronnen, CaseReader, CaseWorker, Db, Relay
from wmo_intake.schemas.beschikking import BeschikkingCreate, BeschikkingRead, VerzendingCreate
from wmo_intake.service import beschikking as svc
from wmo_intake.service import brief, verzending
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import versioned_response, written_response

router = APIRouter(tags=["besluiten"])


@router.post(
    "/beschikkingen",
    status_code=201,
    response_model=BeschikkingRead,
    summary="Een beschikking opstellen (toekenning, afwijzing, herziening of intrekking)",
    responses={
        409: {
            "description": "De zaak is niet in een status waarin dit kan, of de indicatie, het "
            "pgb of de tegemoetkoming waarnaar een voorziening verwijst is niet (meer) besloten"
        },
        503: {"description": "De indicatie-, pgb- of financiële dienst is niet bereikbaar"},
    },
)
async def create_beschikking(
    body: BeschikkingCreate,
    write: IdempotentWrite,
    db: Db,
    bronnen: Besluitbronnen,
    principal: Principal = CaseWorker,
) -> Response:
    """Elke voorziening die naar een indicatie, pgb-plan of tegemoetkoming verwijst, rust op
    het besluit van de dienst die het bezit: dat wordt eerst opgehaald en gecontroleerd
    (bestaat, zelfde cliënt en gemeente, besloten); bedragen en perioden worden overgenomen."""
    return written_response(await svc.maak_beschikking(db, principal, write, body, bronnen))


@router.get(
    "/beschikkingen/{beschikking_id}",
    response_model=BeschikkingRead,
    summary="Een beschikking (JSON), of haar brief met Accept: application/pdf of text/html "
    "(verzonden: de bewaarde brief; concept: een voorbeeld, gemarkeerd als concept)",
    responses={200: brief_inhoud("De beschikking, of haar brief")},
)
async def get_beschikking(
    beschikking_id: uuid.UUID, request: Request, db: Db, principal: Principal = CaseReader
) -> Response:
    formaat = briefformaat(request)
    if formaat is not None:
        return brief_response(
            await brief.lees_beschikkingsbrief(db, principal, beschikking_id, formaat)
        )
    beschikking = await svc.lees_beschikking(db, principal, beschikking_id)
    return versioned_response(beschikking, beschikking.versie)


@router.post(
    "/beschikkingen/{beschikking_id}/verzendingen",
    status_code=201,
    response_model=BeschikkingRead,
    summary="De beschikking verzenden: daarna verandert zij niet meer; finance en pgb krijgen "
    "bericht via de outbox",
    responses={
        409: {"description": "Al verzonden, of de zaak is niet in een passende status"},
        412: {"description": "Intussen gewijzigd (If-Match)"},
    },
)
async def create_verzending(
    beschikking_id: uuid.UUID,
    body: VerzendingCreate,
    write: IdempotentWrite,
    db: Db,
    relay: Relay,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await verzending.verzend_beschikking(
            db, principal, write, beschikking_id, body, if_match, relay
        )
    )
