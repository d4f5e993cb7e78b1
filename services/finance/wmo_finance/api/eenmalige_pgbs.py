"""The one-off pgb the gemeente pays straight to the supplier (FIN-05) and the feed of those
payments (the gemeente pays, not the SVB)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_finance.schemas.eenmalig_pgb import (
    EenmaligPgbCreate,
    EenmaligPgbRead,
    LeveranciersbetalingPage,
)
from wmo_finance.service import eenmalig_pgb as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import EenmaligPgbBesluit
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, written_response

router = APIRouter(tags=["eenmalige-pgbs"])
Behandelaar = require_roles("gebiedsteam", "financien")
FeedLezer = require_roles("financien", "systeem")
# intake checks a beschikking against the besluit (systeem); beheer sees it when a check fails
BesluitLezer = require_roles("gebiedsteam", "financien", "beheer", "systeem")


@router.post(
    "/eenmalige-pgbs",
    status_code=201,
    response_model=EenmaligPgbRead,
    summary="Een eenmalig pgb verstrekken dat de gemeente rechtstreeks aan de leverancier "
    "betaalt (FIN-05; wettelijke pgb-voorwaarden)",
    description=(
        "Voor wie het eigen aandeel van een tegemoetkoming aantoonbaar niet kan betalen en voor "
        "wie in natura niet mogelijk is. 400 eenmalig pgb niet passend (geen-eenmalig-pgb, met "
        "FIN-05 en de pgb-voorwaarden), of leverancier onvolledig (FIN-04)."
    ),
)
async def create_eenmalig_pgb(
    body: EenmaligPgbCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Behandelaar,
) -> Response:
    return written_response(await svc.verstrek(request.app.state.db, principal, write, body))


@router.get("/eenmalige-pgbs/{pgb_id}", response_model=EenmaligPgbRead, summary="Een eenmalig pgb")
async def get_eenmalig_pgb(
    pgb_id: uuid.UUID, request: Request, principal: Principal = Behandelaar
) -> Response:
    return model_response(await svc.lees(request.app.state.db, principal, pgb_id))


@router.get(
    "/eenmalige-pgbs/{pgb_id}/besluit",
    response_model=EenmaligPgbBesluit,
    summary="Het eenmalig pgb waarnaar een beschikking verwijst: bedrag, kostprijs en (geen) "
    "eigen bijdrage",
)
async def get_eenmalig_pgb_besluit(
    pgb_id: uuid.UUID, request: Request, principal: Principal = BesluitLezer
) -> Response:
    return model_response(await svc.besluit(request.app.state.db, principal, pgb_id))


@router.get(
    "/leveranciersbetalingen",
    response_model=LeveranciersbetalingPage,
    summary="Betalingen van de gemeente aan leveranciers (eenmalige pgb's, niet via de SVB), "
    "oplopend op volgnummer",
)
async def list_leveranciersbetalingen(
    request: Request,
    cursor: Annotated[str | None, Query(max_length=19, pattern=r"^[0-9]{0,18}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    principal: Principal = FeedLezer,
) -> Response:
    return model_response(await svc.betalingen(request.app.state.db, principal, cursor, limit))
