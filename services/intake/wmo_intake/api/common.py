"""Small helpers the intake routers share: JSON responses, idempotent creation, roles."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_intake.db.models import idempotency_keys
from wmo_shared.auth import Principal, require_roles
from wmo_shared.etag import etag
from wmo_shared.idempotency import fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps

CaseWorker = require_roles("gebiedsteam", "beheer")
CaseReader = require_roles("gebiedsteam", "beheer", "clientondersteuner")

Created = tuple[int, Any, dict[str, str]]


def wire(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, media_type="application/json", headers=headers)


def created(location: str, body: dict[str, Any], versie: int | None = None) -> Created:
    headers = {"Location": f"/api/v1{location}"}
    if versie is not None:
        headers["ETag"] = etag(versie)
    return 201, body, headers


async def idempotent(
    request: Request,
    principal: Principal,
    key: str | None,
    body: BaseModel | None,
    handler: Callable[[AsyncConnection], Awaitable[Created]],
) -> Response:
    """Run ``handler`` in one transaction, once per Idempotency-Key."""
    payload = body.model_dump(mode="json") if body is not None else None
    fp = fingerprint("POST", request.url.path, payload)
    return await run_idempotent(request.app.state.db, idempotency_keys, principal, key, fp, handler)
