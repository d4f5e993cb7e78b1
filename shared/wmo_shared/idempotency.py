"""``Idempotency-Key`` for POSTs: a retry with the same key returns the first answer and
creates nothing twice (draft-ietf-httpapi-idempotency-key-header). The one helper every
service write uses.

A service write is ``write_once(db, table, principal, request, Model, work)``: ``work`` runs in
the one transaction of the write and returns a ``Written`` (the resource, where it lives, its
version). The key is claimed with an insert in that same transaction, so two concurrent requests
with one key serialise on the primary key: the second waits, then replays the first's stored
answer. A key is scoped to (gemeente, sub, key): the same user with a token for another gemeente
never sees the first gemeente's answer. A key reused for a different request is a 409 problem;
a key older than ``KEY_TTL`` has expired and is treated as new.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Header, Request
from pydantic import BaseModel
from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.problems import Conflict, invalid

M = TypeVar("M", bound=BaseModel)

# How long a stored answer is replayed. A client retries within minutes; a day covers an
# exchange script that is rerun the next morning. Documented in the README.
KEY_TTL = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Written(Generic[M]):
    """What a service write returns: the resource, where it lives (below /api/v1) and its
    version (sent as ETag). ``replayed`` marks an answer repeated for a known key."""

    body: M
    location: str | None = None
    version: int | None = None
    status: int = 201
    replayed: bool = False

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.location is not None:
            headers["Location"] = f"/api/v1{self.location}"
        if self.version is not None:
            headers["ETag"] = f'W/"{self.version}"'
        if self.replayed:
            headers["Idempotent-Replayed"] = "true"
        return headers


@dataclass(frozen=True)
class WriteRequest:
    """The Idempotency-Key of a write (or none) and the fingerprint of what was asked."""

    key: str | None
    fingerprint: str


def fingerprint(method: str, path: str, body: Any) -> str:
    raw = json.dumps([method, path, body], sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()


async def _write_request(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Unieke sleutel per bedoeld verzoek; een herhaling geeft het eerste "
            "antwoord (24 uur bewaard).",
            max_length=200,
        ),
    ] = None,
) -> WriteRequest:
    if idempotency_key is not None and not idempotency_key.strip():
        raise invalid("Idempotency-Key", "De Idempotency-Key mag niet leeg zijn.", "leeg")
    raw = await request.body()  # cached by Starlette: FastAPI has read it already
    try:
        body: Any = json.loads(raw) if raw else None
    except ValueError:
        body = raw.decode("utf-8", "replace")
    return WriteRequest(idempotency_key, fingerprint(request.method, request.url.path, body))


IdempotentWrite = Annotated[WriteRequest, Depends(_write_request)]
"""Route parameter for every write: reads ``Idempotency-Key`` and fingerprints the request."""

NO_KEY = WriteRequest(None, "")
"""For writes a service makes on its own behalf (no client retry to recognise)."""


Work = Callable[[AsyncConnection], Awaitable[Written[M]]]


async def write_once(
    db: Database,
    table: Table,
    principal: Principal,
    request: WriteRequest,
    model: type[M],
    work: Work[M],
) -> Written[M]:
    """Run ``work`` in one transaction, once per (gemeente, sub, Idempotency-Key)."""
    async with db.transaction() as conn:
        if request.key is None:
            return await work(conn)
        scope = (
            table.c.gemeente == principal.gemeente,
            table.c.sub == principal.sub,
            table.c.sleutel == request.key,
        )
        stored = await _claim(conn, table, principal, request, scope)
        if stored is not None:
            return stored_written(model, stored)
        written = await work(conn)
        await conn.execute(
            update(table)
            .where(*scope)
            .values(
                status_code=written.status,
                response=json.loads(written.body.model_dump_json(by_alias=True)),
                headers={
                    "location": written.location,
                    "version": written.version,
                },
            )
        )
        return written


async def eerder_antwoord(
    db: Database, table: Table, principal: Principal, request: WriteRequest, model: type[M]
) -> Written[M] | None:
    """The stored answer of an earlier, finished request with this key and the same body, or
    None. For writes that call other services before their transaction: a retry gets its first
    answer back without asking those services again (which may be down by now). Reads only;
    ``write_once`` still decides (and refuses a reused key with another body)."""
    if request.key is None:
        return None
    async with db.transaction() as conn:
        row = (
            await conn.execute(
                select(
                    table.c.fingerprint, table.c.status_code, table.c.response, table.c.headers
                ).where(
                    table.c.gemeente == principal.gemeente,
                    table.c.sub == principal.sub,
                    table.c.sleutel == request.key,
                    table.c.status_code != 0,
                    table.c.aangemaakt >= func.now() - KEY_TTL,
                )
            )
        ).first()
    if row is None or row.fingerprint != request.fingerprint:
        return None
    return stored_written(model, row)


async def _claim(
    conn: AsyncConnection,
    table: Table,
    principal: Principal,
    request: WriteRequest,
    scope: tuple[Any, ...],
) -> Any:
    """Claim the key; return the stored row when the key was used before (and has not
    expired), ``None`` when this request is the first."""
    values: dict[str, Any] = {
        "gemeente": principal.gemeente,
        "sub": principal.sub,
        "sleutel": request.key,
        "fingerprint": request.fingerprint,
        "status_code": 0,
        "response": {},
    }
    claimed = await conn.execute(
        insert(table).values(**values).on_conflict_do_nothing().returning(table.c.sleutel)
    )
    if claimed.first() is not None:
        return None
    row = (
        await conn.execute(
            select(
                table.c.fingerprint,
                table.c.status_code,
                table.c.response,
                table.c.headers,
                (table.c.aangemaakt < func.now() - KEY_TTL).label("verlopen"),
            )
            .where(*scope)
            .with_for_update()
        )
    ).one()
    if row.verlopen:
        await conn.execute(delete(table).where(*scope))
        await conn.execute(insert(table).values(**values))
        return None
    if row.fingerprint != request.fingerprint:
        raise Conflict(
            "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
            code="idempotency-key-hergebruikt",
        )
    return row


def stored_written(model: type[M], row: Any) -> Written[M]:
    headers = row.headers or {}
    return Written(
        body=model.model_validate(row.response),
        location=headers.get("location"),
        version=headers.get("version"),
        status=row.status_code,
        replayed=True,
    )
