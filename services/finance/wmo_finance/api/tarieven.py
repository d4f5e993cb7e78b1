"""FIN-13 tariffs: read by every role (other services call it over HTTP), maintained by beheer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from wmo_finance.schemas.grenzen import Zaakdatum
from wmo_finance.schemas.tarief import (
    TariefAfsluitingCreate,
    TariefCreate,
    TariefCreated,
    TariefList,
    TariefPeriodeRead,
)
from wmo_finance.service import tarief as svc
from wmo_shared.auth import ROLES, Principal, require_roles
from wmo_shared.contracts import TariefRead
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import model_response, versioned_response, written_response

router = APIRouter(prefix="/tarieven", tags=["tarieven"])
Iedereen = require_roles(*sorted(ROLES))
Beheer = require_roles("beheer")

Peildatum = Annotated[
    Zaakdatum | None,
    Query(description="De datum waarop het tarief geldt (standaard: vandaag)"),
]
Productcode = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,5}$", examples=["H300"])]


@router.get("", response_model=TariefList, summary="De tarieven die op de peildatum gelden")
async def list_tarieven(
    request: Request, peildatum: Peildatum = None, principal: Principal = Iedereen
) -> Response:
    return model_response(await svc.op_datum(request.app.state.db, principal, peildatum))


@router.get(
    "/{productcode}",
    response_model=TariefRead,
    summary="Het tarief van een productcode op de peildatum",
)
async def get_tarief(
    productcode: Productcode,
    request: Request,
    peildatum: Peildatum = None,
    principal: Principal = Iedereen,
) -> Response:
    tarief, versie = await svc.lees(request.app.state.db, principal, productcode, peildatum)
    if versie is None:  # a period of the policy: it changes only with a new policy
        return model_response(tarief)
    return versioned_response(tarief, versie)


@router.post(
    "",
    status_code=201,
    response_model=TariefCreated,
    summary="Een nieuwe tariefperiode toevoegen",
    responses={409: {"description": "De periode overlapt met een bestaande periode"}},
)
async def create_tarief(
    body: TariefCreate,
    request: Request,
    write: IdempotentWrite,
    principal: Principal = Beheer,
) -> Response:
    return written_response(await svc.voeg_toe(request.app.state.db, principal, write, body))


@router.post(
    "/{productcode}/afsluitingen",
    status_code=201,
    response_model=TariefPeriodeRead,
    summary="Een onbepaalde tariefperiode afsluiten (als nieuwe versie)",
    responses={
        409: {"description": "De periode is al afgesloten of komt uit het beleid"},
        412: {"description": "De periode is intussen gewijzigd"},
        428: {"description": "If-Match ontbreekt"},
    },
)
async def create_afsluiting(
    productcode: Productcode,
    body: TariefAfsluitingCreate,
    request: Request,
    write: IdempotentWrite,
    if_match: IfMatch = None,
    principal: Principal = Beheer,
) -> Response:
    return written_response(
        await svc.sluit_periode(request.app.state.db, principal, write, productcode, if_match, body)
    )
