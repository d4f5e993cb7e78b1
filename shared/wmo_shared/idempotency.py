"""``Idempotency-Key`` for POSTs: a retry with the same key returns the first answer and
creates nothing twice (draft-ietf-httpapi-idempotency-key-header).

The key is claimed with an insert in the same transaction as the work, so two concurrent
requests with one key serialise on the primary key: the second waits, then replays the first's
stored answer. A key reused for a different request is a 409 problem.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Header
from sqlalchemy import Table, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import Conflict, invalid

Result = tuple[int, Any, dict[str, str]]
Handler = Callable[[AsyncConnection], Awaitable[Result]]

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="Unieke sleutel per bedoeld verzoek; een herhaling geeft het eerste antwoord.",
        max_length=200,
    ),
]


def fingerprint(method: str, path: str, body: Any) -> str:
    raw = json.dumps([method, path, body], sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()


def _response(status: int, body: Any, headers: dict[str, str]) -> Response:
    return Response(
        dumps(body) if body is not None else b"",
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


async def run_idempotent(
    db: Database,
    table: Table,
    principal: Principal,
    key: str | None,
    fp: str,
    handler: Handler,
) -> Response:
    if key is not None and not key.strip():
        raise invalid("Idempotency-Key", "De Idempotency-Key mag niet leeg zijn.", "leeg")
    async with db.transaction() as conn:
        if key is None:
            status, body, headers = await handler(conn)
            return _response(status, body, headers)
        claimed = await conn.execute(
            insert(table)
            .values(sleutel=key, sub=principal.sub, fingerprint=fp, status_code=0, response={})
            .on_conflict_do_nothing()
            .returning(table.c.sleutel)
        )
        if claimed.first() is None:
            row = (
                await conn.execute(
                    select(
                        table.c.fingerprint, table.c.status_code, table.c.response, table.c.headers
                    ).where(table.c.sleutel == key, table.c.sub == principal.sub)
                )
            ).one()
            if row.fingerprint != fp:
                raise Conflict(
                    "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
                    code="idempotency-key-hergebruikt",
                )
            return _response(
                row.status_code, row.response, {**row.headers, "Idempotent-Replayed": "true"}
            )
        status, body, headers = await handler(conn)
        await conn.execute(
            update(table)
            .where(table.c.sleutel == key, table.c.sub == principal.sub)
            .values(status_code=status, response=json.loads(dumps(body)), headers=headers)
        )
        return _response(status, body, headers)
