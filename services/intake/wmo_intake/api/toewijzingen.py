"""The toewijzingen feed: what each WMO301 carried, in order; the cursor is opaque."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.responses import Response

from wmo_intake.api.deps import Db
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_intake.service import toewijzing as svc
from wmo_shared.auth import Principal, require_roles
from wmo_shared.responses import page_response

router = APIRouter(tags=["opdrachten"])
Feed = require_roles("systeem", "beheer")


@router.get(
    "/toewijzingen",
    response_model=ToewijzingPage,
    summary="Feed van toewijzingen (wat elke WMO301 bevat), oplopend; cursor is ondoorzichtig",
    responses={400: {"description": "Ongeldige cursor of limit"}},
)
async def list_toewijzingen(
    db: Db,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    principal: Principal = Feed,
) -> Response:
    return page_response(await svc.feed(db, principal, cursor, limit))
