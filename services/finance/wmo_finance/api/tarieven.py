"""FIN-13 tariffs: read by every role (other services call it over HTTP), maintained by beheer."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from wmo_finance import service_tarieven as service
from wmo_finance.api.tarief_schemas import (
    TariefAfsluitingCreate,
    TariefCreate,
    TariefCreated,
    TariefList,
    TariefPeriodeRead,
)
from wmo_finance.db.models import idempotency_keys
from wmo_finance.service_beleid import vandaag
from wmo_shared.auth import ROLES, Principal, require_roles
from wmo_shared.contracts import TariefRead
from wmo_shared.etag import IfMatch, etag
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps

router = APIRouter(prefix="/tarieven", tags=["tarieven"])
Iedereen = require_roles(*sorted(ROLES))
Beheer = require_roles("beheer")

Peildatum = Annotated[
    dt.date | None,
    Query(description="De datum waarop het tarief geldt (standaard: vandaag)"),
]
Productcode = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,5}$", examples=["H300"])]


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, media_type="application/json", headers=headers)


@router.get("", response_model=TariefList, summary="De tarieven die op de peildatum gelden")
async def list_tarieven(
    request: Request, peildatum: Peildatum = None, principal: Principal = Iedereen
) -> Response:
    rows = await service.tarieven_op(request.app.state.db, principal, peildatum or vandaag())
    return _json({"resultaten": rows})


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
    body, versie = await service.tarief(
        request.app.state.db, principal, productcode, peildatum or vandaag()
    )
    return _json(body, headers=None if versie is None else {"ETag": etag(versie)})


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
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Beheer,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        out = await service.voeg_toe(conn, principal, body)
        location = f"/api/v1/tarieven/{out['productcode']}?peildatum={out['geldigVan']}"
        return 201, out, {"Location": location}

    fp = fingerprint("POST", "/tarieven", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )


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
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = Beheer,
) -> Response:
    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        out = await service.sluit_periode(conn, principal, productcode, body, if_match)
        location = f"/api/v1/tarieven/{productcode}?peildatum={out['geldigVan']}"
        return 201, out, {"Location": location, "ETag": etag(out["versie"])}

    fp = fingerprint("POST", f"/tarieven/{productcode}/afsluitingen", body.model_dump(mode="json"))
    return await run_idempotent(
        request.app.state.db, idempotency_keys, principal, idempotency_key, fp, handler
    )
