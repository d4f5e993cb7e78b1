"""Who handles a case (issue 14.3): toewijzen (any gebiedsteam member or beheer), oppakken
(a gebiedsteam member takes it), overdracht (with a reason), and the melding's behandeling with
its whole history."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.behandeling import (
    BehandelaarToewijzingCreate,
    BehandelingRead,
    OppakkingCreate,
    OverdrachtCreate,
)
from wmo_intake.service import behandeling as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import IfMatch
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import versioned_response, written_response

router = APIRouter(tags=["behandeling"])
Gebiedsteam = require_roles("gebiedsteam")
_WISSEL: dict[int | str, dict[str, Any]] = {
    409: {"description": "Al toegewezen, nog niet toegewezen, of de zaak is beëindigd"},
    412: {"description": "De melding is intussen gewijzigd (If-Match)"},
}


@router.post(
    "/meldingen/{melding_id}/behandelaar-toewijzingen",
    status_code=201,
    response_model=BehandelingRead,
    summary="Een behandelaar (en eventueel een team) toewijzen aan een melding zonder "
    "behandelaar (BEH-01)",
    responses=_WISSEL,
)
async def create_behandelaar_toewijzing(
    melding_id: uuid.UUID,
    body: BehandelaarToewijzingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.wijs_toe(db, principal, write, melding_id, body, if_match))


@router.post(
    "/meldingen/{melding_id}/oppakkingen",
    status_code=201,
    response_model=BehandelingRead,
    summary="Een melding zonder behandelaar zelf oppakken (BEH-02)",
    responses=_WISSEL,
)
async def create_oppakking(
    melding_id: uuid.UUID,
    body: OppakkingCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(await svc.pak_op(db, principal, write, melding_id, body, if_match))


@router.post(
    "/meldingen/{melding_id}/overdrachten",
    status_code=201,
    response_model=BehandelingRead,
    summary="De melding overdragen aan een andere behandelaar of team, met reden (BEH-03)",
    responses=_WISSEL,
)
async def create_overdracht(
    melding_id: uuid.UUID,
    body: OverdrachtCreate,
    write: IdempotentWrite,
    db: Db,
    if_match: IfMatch = None,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.draag_over(db, principal, write, melding_id, body, if_match))


@router.get(
    "/meldingen/{melding_id}/behandeling",
    response_model=BehandelingRead,
    summary="Behandelaar en team van de melding, met elke wissel",
)
async def get_behandeling(
    melding_id: uuid.UUID, db: Db, principal: Principal = CaseWorker
) -> Response:
    gelezen = await svc.lees(db, principal, melding_id)
    return versioned_response(gelezen, gelezen.versie)
