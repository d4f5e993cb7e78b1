"""The one-off pgb the gemeente pays straight to the supplier (FIN-05), the feed of those
payments (the gemeente pays, not the SVB), the payment reported done, and the receiver of
intake's event when an intrekking or herziening ends the pgb."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from wmo_finance.schemas.eenmalig_pgb import (
    EenmaligPgbBeeindigingRead,
    EenmaligPgbBetalingCreate,
    EenmaligPgbCreate,
    EenmaligPgbRead,
    LeveranciersbetalingPage,
)
from wmo_finance.service import eenmalig_pgb as svc
from wmo_finance.service import eenmalig_pgb_einde as einde
from wmo_shared.auth import Principal, require_roles
from wmo_shared.contracts import EenmaligPgbBeeindigdEvent, EenmaligPgbBesluit
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(tags=["eenmalige-pgbs"])
Behandelaar = require_roles("gebiedsteam", "financien")
FeedLezer = require_roles("financien", "systeem")
Betaler = require_roles("financien", "systeem")  # the system that pays the feed
Systeem = require_roles("systeem")
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
    pgb = await svc.lees(request.app.state.db, principal, pgb_id)
    return versioned_response(pgb, pgb.versie)


@router.post(
    "/eenmalige-pgbs/{pgb_id}/betalingen",
    status_code=201,
    response_model=EenmaligPgbRead,
    summary="De betaling aan de leverancier is uitgevoerd (FIN-05)",
    responses={
        409: {"description": "De betaling is geannuleerd of al vastgelegd"},
        412: {"description": "Het eenmalig pgb is intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def create_eenmalig_pgb_betaling(
    pgb_id: uuid.UUID,
    body: EenmaligPgbBetalingCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Betaler,
) -> Response:
    return written_response(
        await einde.betaal(request.app.state.db, principal, write, pgb_id, if_match, body)
    )


@router.post(
    "/eenmalig-pgb-beeindigingen",
    status_code=201,
    response_model=EenmaligPgbBeeindigingRead,
    summary="Een intrekking of herziening beëindigt een eenmalig pgb (event): vóór de betaling "
    "wordt zij geannuleerd, daarna is terugvorderen aan de gemeente",
    responses={
        200: {
            "model": EenmaligPgbBeeindigingRead,
            "description": "Event al eerder ontvangen, of het pgb was al beëindigd",
        }
    },
)
async def receive_eenmalig_pgb_beeindiging(
    body: EenmaligPgbBeeindigdEvent,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Systeem,
) -> Response:
    return written_response(await einde.ontvang(request.app.state.db, principal, write, body))


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
