"""The toets of a pgb-plan: wil, kan en kwaliteit (PGB-01..13)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_pgb.api.deps import Db, IntakeAanvragen
from wmo_pgb.schemas.toetsing import ToetsingRead
from wmo_pgb.service import toetsing as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(prefix="/pgb-plannen", tags=["pgb-plannen"])
Gebiedsteam = require_roles("gebiedsteam")


@router.post(
    "/{pgb_plan_id}/toetsingen",
    status_code=201,
    response_model=ToetsingRead,
    summary="Het pgb-plan toetsen: wil, kan en kwaliteit (PGB-01..13)",
)
async def create_toetsing(
    pgb_plan_id: uuid.UUID,
    db: Db,
    write: IdempotentWrite,
    aanvragen: IntakeAanvragen,
    principal: Principal = Gebiedsteam,
) -> Response:
    return written_response(await svc.create_toetsing(db, principal, write, pgb_plan_id, aanvragen))
