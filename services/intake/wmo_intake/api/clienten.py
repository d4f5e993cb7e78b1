"""Cliënten: the residents a case is about. A BSN never appears in a URL: look a person up with
``POST /clienten/_zoek``."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import Row
from starlette.responses import Response

from wmo_intake.db import repository
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.schemas.client import ClientCreate, ClientList, ClientRead, ClientZoek
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import etag
from wmo_shared.idempotency import IdempotencyKey, fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import Conflict, NotFound

router = APIRouter(prefix="/clienten", tags=["clienten"])
CaseWorker = require_roles("gebiedsteam", "beheer")


def to_read(row: Row[Any]) -> dict[str, Any]:
    return ClientRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        voornamen=row.voornamen,
        achternaam=row.achternaam,
        geboortedatum=row.geboortedatum,
        adres={
            "straat": row.straat,
            "huisnummer": row.huisnummer,
            "postcode": row.postcode,
            "woonplaats": row.woonplaats,
        },
        telefoon=row.telefoon,
        email=row.email,
        versie=row.versie,
    ).model_dump(mode="json", by_alias=True)


@router.post(
    "",
    status_code=201,
    response_model=ClientRead,
    summary="Een cliënt registreren",
    responses={409: {"description": "Deze cliënt is al geregistreerd in uw gemeente"}},
)
async def create_client(
    body: ClientCreate,
    request: Request,
    idempotency_key: IdempotencyKey = None,
    principal: Principal = CaseWorker,
) -> Response:
    db = request.app.state.db

    async def handler(conn: Any) -> tuple[int, Any, dict[str, str]]:
        values = {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "voornamen": body.voornamen,
            "achternaam": body.achternaam,
            "geboortedatum": body.geboortedatum,
            "telefoon": body.telefoon,
            "email": body.email,
            **body.adres.model_dump(),
        }
        row = await repository.insert_client(conn, values)
        if row is None:
            raise Conflict(
                "Deze cliënt is al geregistreerd in uw gemeente; zoek hem op met /clienten/_zoek.",
                code="client-bestaat-al",
            )
        await audit_log.record(conn, audit, principal, "aanmaken", "client", row.id)
        return (
            201,
            to_read(row),
            {"Location": f"/api/v1/clienten/{row.id}", "ETag": etag(row.versie)},
        )

    fp = fingerprint("POST", "/clienten", body.model_dump(mode="json"))
    return await run_idempotent(db, idempotency_keys, principal, idempotency_key, fp, handler)


@router.get("/{client_id}", response_model=ClientRead, summary="Een cliënt lezen")
async def get_client(
    client_id: uuid.UUID, request: Request, principal: Principal = CaseWorker
) -> Response:
    async with request.app.state.db.single_statement() as conn:
        row = await repository.get_client_audited(conn, principal, client_id)
    if row is None:
        raise NotFound("Er is geen cliënt met dit id in uw gemeente.")
    return Response(
        dumps(to_read(row)), media_type="application/json", headers={"ETag": etag(row.versie)}
    )


@router.post(
    "/_zoek",
    response_model=ClientList,
    summary="Een cliënt zoeken op BSN (de BSN staat in de body, nooit in de URL)",
)
async def search_client(
    body: ClientZoek, request: Request, principal: Principal = CaseWorker
) -> Response:
    async with request.app.state.db.transaction() as conn:
        row = await repository.find_by_bsn(conn, principal.gemeente, body.bsn)
        await audit_log.record(conn, audit, principal, "zoeken", "client", row.id if row else None)
    results = [to_read(row)] if row else []
    return Response(dumps({"resultaten": results}), media_type="application/json")
