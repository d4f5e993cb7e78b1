"""Transactional outbox: state changes other services must know are written as outbox rows in
the same transaction as the change, and a relay delivers them at least once, in order per
destination, with back-off between passes (one try per event per pass, outside any
transaction). Receivers are idempotent: the event id travels as the
``Idempotency-Key`` and the receiver records it in its inbox. A receiver being down delays
delivery; nothing is lost.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import structlog
from opentelemetry.trace import StatusCode
from sqlalchemy import Table, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared.client import RemoteError, ServiceClient
from wmo_shared.db.engine import Database
from wmo_shared.service_tokens import ServiceTokenMissing, ServiceTokens
from wmo_shared.tracing import current_traceparent, delivery_span

log = structlog.get_logger("wmo.outbox")
MAX_BACKOFF = dt.timedelta(minutes=5)
# A refused event (a 4xx that will not heal by itself) is parked: it no longer blocks the later
# events of its destination, and waits for an operator (laatste_fout says why; to retry, set
# volgende_poging back to now()). Retried events keep their order per destination.
PARKED = dt.datetime(9999, 12, 31, tzinfo=dt.UTC)
_TRY_LOCK = text("SELECT pg_try_advisory_lock(hashtext(:name))")
_UNLOCK = text("SELECT pg_advisory_unlock(hashtext(:name))")


async def enqueue(
    conn: AsyncConnection,
    outbox: Table,
    *,
    event_type: str,
    destination: str,
    path: str,
    gemeente: str,
    payload: dict[str, Any],
    event_id: uuid.UUID | None = None,
) -> uuid.UUID:
    event_id = event_id or uuid.uuid4()
    await conn.execute(
        insert(outbox).values(
            event_id=event_id,
            event_type=event_type,
            destination=destination,
            path=path,
            gemeente=gemeente,
            payload={**payload, "eventId": str(event_id), "eventType": event_type},
            traceparent=current_traceparent(),
        )
    )
    return event_id


async def first_delivery(
    conn: AsyncConnection, inbox: Table, event_id: uuid.UUID, event_type: str
) -> bool:
    """Record a received event; False when it was received before (a redelivery: do nothing)."""
    result = await conn.execute(
        insert(inbox)
        .values(event_id=event_id, event_type=event_type)
        .on_conflict_do_nothing()
        .returning(inbox.c.event_id)
    )
    return result.first() is not None


class OutboxRelay:
    def __init__(
        self,
        db: Database,
        outbox: Table,
        clients: dict[str, ServiceClient],
        tokens: ServiceTokens,
        *,
        poll_seconds: float = 1.0,
        batch: int = 50,
        tracer_provider: Any = None,
    ) -> None:
        self.db = db
        # With tracing on, each delivery is a span in the trace of the request that wrote the
        # event (its stored traceparent): one beschikking's trace shows its deliveries.
        self.tracer_provider = tracer_provider
        self.outbox = outbox
        self.clients = clients
        self.tokens = tokens
        self.poll_seconds = poll_seconds
        self.batch = batch
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="outbox-relay")

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _loop(self) -> None:
        while True:
            try:
                delivered = await self.deliver_pending()
            except Exception as exc:
                log.error("outbox_relay_failed", error=str(exc))
                delivered = 0
            if delivered == 0:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
                except TimeoutError:
                    pass
                self._wake.clear()

    async def deliver_pending(self) -> int:
        """One pass: deliver the due rows in id order, one attempt each; a failing destination
        waits for the next pass so its later events never overtake the failed one.

        The outbox is the retry: no transaction and no row lock is held while a peer is called,
        and a call is tried once (the next pass, after the back-off, is the next try). Only the
        session-level advisory lock that keeps one relay per outbox stays held for the pass."""
        async with self.db.autocommit_engine.connect() as conn:
            # One relay at a time per outbox, whatever the number of replicas: otherwise a
            # second replica would deliver the next rows and overtake the first's batch.
            if not (await conn.execute(_TRY_LOCK, {"name": self._lock_name})).scalar():
                return 0
            try:
                return await self._pass(conn)
            finally:
                try:
                    await conn.execute(_UNLOCK, {"name": self._lock_name})
                except BaseException:
                    # Closing the connection releases the lock on the server side.
                    await conn.invalidate()
                    raise

    @property
    def _lock_name(self) -> str:
        return f"{self.outbox.schema}.{self.outbox.name}"

    async def _pass(self, conn: AsyncConnection) -> int:
        o = self.outbox
        delivered = 0
        blocked: set[str] = set()
        # The claim: a plain read (autocommit, no transaction stays open).
        rows = (
            await conn.execute(
                select(o)
                .where(o.c.afgeleverd.is_(None), o.c.volgende_poging < PARKED)
                .order_by(o.c.id)
                .limit(self.batch)
            )
        ).all()
        claimed = dt.datetime.now(dt.UTC)
        for row in rows:
            if row.destination in blocked:
                continue
            if row.volgende_poging > claimed:
                blocked.add(row.destination)
                continue
            if self.tracer_provider is None:
                error = await self._send(row)
            else:
                name = f"outbox {row.event_type} -> {row.destination}"
                with delivery_span(row.traceparent, name, self.tracer_provider) as span:
                    error = await self._send(row)
                    if error is not None:  # the trace shows the failed attempt and why
                        span.set_status(StatusCode.ERROR, error[1][:300])
            now = dt.datetime.now(dt.UTC)
            # Each outcome is one UPDATE: its own short transaction.
            if error is None:
                await conn.execute(
                    update(o)
                    .where(o.c.id == row.id)
                    .values(afgeleverd=now, pogingen=row.pogingen + 1, laatste_fout=None)
                )
                delivered += 1
                continue
            permanent, message = error
            backoff = min(MAX_BACKOFF, dt.timedelta(seconds=2 ** min(row.pogingen, 8)))
            await conn.execute(
                update(o)
                .where(o.c.id == row.id)
                .values(
                    pogingen=row.pogingen + 1,
                    volgende_poging=PARKED if permanent else now + backoff,
                    laatste_fout=message[:2000],
                )
            )
            if permanent:
                log.error(
                    "outbox_event_parked",
                    event_id=str(row.event_id),
                    destination=row.destination,
                    error=message[:300],
                )
                continue
            blocked.add(row.destination)
            log.warning(
                "outbox_delivery_failed",
                event_id=str(row.event_id),
                destination=row.destination,
                attempt=row.pogingen + 1,
                error=message[:300],
            )
        return delivered

    async def _send(self, row: Any) -> tuple[bool, str] | None:
        client = self.clients.get(row.destination)
        if client is None:
            return True, f"no client for destination {row.destination}"
        try:
            await client.request(
                "POST",
                row.path,
                token=self.tokens.token(row.gemeente),
                json=row.payload,
                headers={"Idempotency-Key": str(row.event_id)},
                retries=0,  # the outbox is the retry: the next pass, after the back-off
            )
        except ServiceTokenMissing as exc:
            return False, exc.detail  # configuration: it heals when the token is in place
        except RemoteError as exc:
            # A 4xx other than a timeout or throttle will not heal by itself: park it and let an
            # operator look (laatste_fout); anything else is retried with back-off. A 401 is
            # about this service's token (expired on its way, or the receiver does not know the
            # provider's new key yet), not about the event.
            permanent = 400 <= exc.status < 500 and exc.status not in (401, 408, 425, 429)
            return permanent, str(exc)
        return None
