"""Small helpers shared by the routers: JSON responses and the idempotent-create wrapper."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_finance.db.models import idempotency_keys
from wmo_shared.auth import Principal
from wmo_shared.idempotency import fingerprint, run_idempotent
from wmo_shared.jsonresponse import dumps

Handler = Callable[[AsyncConnection], Awaitable[tuple[int, Any, dict[str, str]]]]


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, media_type="application/json", headers=headers)


async def idempotent(
    request: Request,
    principal: Principal,
    key: str | None,
    body: BaseModel | None,
    handler: Handler,
) -> Response:
    """Run ``handler`` in one transaction; a retry with the same Idempotency-Key replays."""
    fp = fingerprint(
        request.method,
        request.url.path,
        body.model_dump(mode="json") if body is not None else None,
    )
    return await run_idempotent(request.app.state.db, idempotency_keys, principal, key, fp, handler)
