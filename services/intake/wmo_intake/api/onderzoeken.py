"""Onderzoeken: started on a melding after the INT-02 notice; updated with If-Match (every
version kept)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseReader, CaseWorker, Db
from wmo_intake.schemas.onderzoek import OnderzoekCreate, OnderzoekRead
from wmo_intake.service import onderzoek as svc
from wmo_shared.auth import Principal
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import versioned_response, written_response

router = APIRouter(tags=["onderzoeken"])


@router.post(
    "/meldingen/{melding_id}/onderzoeken",
    status_code=201,
    response_model=OnderzoekRead,
    summary="Het onderzoek starten (kan pas na het bericht over cliëntondersteuning, INT-02)",
    responses={409: {"description": "De zaak is niet in een status waarin dit kan"}},
)
async def create_onderzoek(
    melding_id: uuid.UUID,
    body: OnderzoekCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.start_onderzoek(db, principal, write, melding_id, body))


@router.get("/onderzoeken/{onderzoek_id}", response_model=OnderzoekRead, summary="Een onderzoek")
async def get_onderzoek(
    onderzoek_id: uuid.UUID, db: Db, principal: Principal = CaseReader
) -> Response:
    onderzoek = await svc.lees_onderzoek(db, principal, onderzoek_id)
    return versioned_response(onderzoek, onderzoek.versie)


@router.put(
    "/onderzoeken/{onderzoek_id}",
    response_model=OnderzoekRead,
    summary="Het onderzoek bijwerken (nieuwe versie; If-Match met de ETag)",
    responses={
        409: {"description": "Het onderzoek is afgesloten"},
        412: {"description": "Intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def update_onderzoek(
    onderzoek_id: uuid.UUID,
    body: OnderzoekCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.werk_onderzoek_bij(db, principal, write, onderzoek_id, body, if_match)
    )
