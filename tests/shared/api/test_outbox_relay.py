"""The outbox relay against intake's real outbox table: at least once, in order per
destination, the event id as Idempotency-Key, back-off on 5xx, a refused event parked without
blocking the rest. (The peer is a stub transport here; tests/e2e runs the real receivers.)"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx
import jwt
import pytest

from tests.support.jwks import PRODUCTION
from tests.support.stack import TestDatabase
from wmo_intake.db.models import outbox
from wmo_shared.client import ServiceClient
from wmo_shared.db.engine import Database
from wmo_shared.outbox import PARKED, OutboxRelay, enqueue
from wmo_shared.service_tokens import ServiceTokens
from wmo_shared.settings import ServiceSettings


@pytest.fixture
async def database(db: TestDatabase) -> Database:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:  # earlier tests leave undelivered events (their relay is off): not ours to send
        await conn.execute("UPDATE intake.outbox SET afgeleverd = now() WHERE afgeleverd IS NULL")
    finally:
        await conn.close()
    database = Database(db.url("intake"), pool_size=2, max_overflow=0)
    yield database
    await database.dispose()


def _relay(database: Database, handler: Callable[[httpx.Request], httpx.Response]) -> OutboxRelay:
    settings = ServiceSettings(dev_key_file="/tmp/wmo-test-jwt-key.pem")
    client = ServiceClient("peer", "http://peer", transport=httpx.MockTransport(handler), retries=0)
    return OutboxRelay(database, outbox, {"peer": client}, ServiceTokens(settings, "intake"))


async def _enqueue(database: Database, n: int) -> list[uuid.UUID]:
    ids = []
    async with database.transaction() as conn:
        for i in range(n):
            ids.append(
                await enqueue(
                    conn,
                    outbox,
                    event_type="test",
                    destination="peer",
                    path="/api/v1/ontvanger",
                    gemeente="0085",
                    payload={"n": i},
                )
            )
    return ids


async def _state(db: TestDatabase, ids: list[uuid.UUID]) -> list[tuple[bool, int, bool]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT event_id, afgeleverd IS NOT NULL AS af, pogingen, volgende_poging "
            "FROM intake.outbox WHERE event_id = ANY($1::uuid[])",
            ids,
        )
    finally:
        await conn.close()
    by_id = {r["event_id"]: r for r in rows}
    return [
        (by_id[i]["af"], by_id[i]["pogingen"], by_id[i]["volgende_poging"] >= PARKED) for i in ids
    ]


async def _retry_now(db: TestDatabase, ids: list[uuid.UUID]) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "UPDATE intake.outbox SET volgende_poging = now() WHERE event_id = ANY($1::uuid[])", ids
        )
    finally:
        await conn.close()


async def test_delivers_in_order_with_event_id_as_idempotency_key(
    database: Database, db: TestDatabase
) -> None:
    seen: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.headers["Idempotency-Key"], request.headers["Authorization"][:7]))
        return httpx.Response(201, json={})

    ids = await _enqueue(database, 3)
    assert await _relay(database, handler).deliver_pending() == 3
    assert [k for k, _ in seen] == [str(i) for i in ids]
    assert {a for _, a in seen} == {"Bearer "}
    assert await _state(db, ids) == [(True, 1, False)] * 3
    assert await _relay(database, handler).deliver_pending() == 0  # nothing twice


async def test_unavailable_peer_delays_and_keeps_order(
    database: Database, db: TestDatabase
) -> None:
    calls: list[str] = []

    def down(request: httpx.Request) -> httpx.Response:
        calls.append(request.headers["Idempotency-Key"])
        return httpx.Response(503, json={"detail": "down"})

    ids = await _enqueue(database, 2)
    assert await _relay(database, down).deliver_pending() == 0
    assert calls == [str(ids[0])]  # the second waits behind the first
    assert await _state(db, ids) == [(False, 1, False), (False, 0, False)]

    await _retry_now(db, ids)
    assert await _relay(database, lambda r: httpx.Response(201, json={})).deliver_pending() == 2
    assert await _state(db, ids) == [(True, 2, False), (True, 1, False)]


async def test_refused_event_is_parked_and_does_not_block(
    database: Database, db: TestDatabase
) -> None:
    ids = await _enqueue(database, 2)

    def refuse_first(request: httpx.Request) -> httpx.Response:
        if request.headers["Idempotency-Key"] == str(ids[0]):
            return httpx.Response(400, json={"status": 400, "detail": "onbekend"})
        return httpx.Response(201, json={})

    assert await _relay(database, refuse_first).deliver_pending() == 1
    assert await _state(db, ids) == [(False, 1, True), (True, 1, False)]
    assert await _relay(database, refuse_first).deliver_pending() == 0  # parked stays parked


async def _laatste_fout(db: TestDatabase, event_id: uuid.UUID) -> str:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        return await conn.fetchval(
            "SELECT laatste_fout FROM intake.outbox WHERE event_id = $1", event_id
        )
    finally:
        await conn.close()


async def test_a_missing_or_refused_service_token_waits_instead_of_parking(
    database: Database, db: TestDatabase, tmp_path: Path
) -> None:
    """The event is fine, this service's credentials are not: it waits (back-off, laatsteFout
    says why) until the operator puts the token in place, instead of being parked."""
    settings = ServiceSettings(**PRODUCTION, service_token_dir=tmp_path)
    sent: list[str] = []

    def peer(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["Authorization"])
        return httpx.Response(201, json={})

    client = ServiceClient("peer", "http://peer", transport=httpx.MockTransport(peer), retries=0)
    relay = OutboxRelay(database, outbox, {"peer": client}, ServiceTokens(settings, "intake"))
    (event,) = await _enqueue(database, 1)  # for gemeente 0085
    assert await relay.deliver_pending() == 0
    assert sent == [] and await _state(db, [event]) == [(False, 1, False)]
    assert "geen service-token voor gemeente 0085" in await _laatste_fout(db, event)

    claims = {"gemeente": "0085", "exp": time.time() + 600}
    token = jwt.encode(claims, "een-sleutel-van-de-oidc-provider-32b", algorithm="HS256")
    (tmp_path / "0085").write_text(token)
    unauthorized = _relay(database, lambda r: httpx.Response(401, json={"detail": "verlopen"}))
    await _retry_now(db, [event])
    assert await unauthorized.deliver_pending() == 0
    assert await _state(db, [event]) == [(False, 2, False)]  # a 401 is not the event's fault

    await _retry_now(db, [event])
    assert await relay.deliver_pending() == 1
    assert sent == [f"Bearer {token}"]


async def test_one_relay_at_a_time_keeps_the_order_across_replicas(
    database: Database, db: TestDatabase
) -> None:
    """A second replica's relay does nothing while the first holds the outbox."""
    ids = await _enqueue(database, 1)
    sent: list[str] = []

    def ok(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["Idempotency-Key"])
        return httpx.Response(201, json={})

    conn = await asyncpg.connect(db.asyncpg_dsn("intake"))
    try:
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(hashtext('intake.outbox'))")
            assert await _relay(database, ok).deliver_pending() == 0
        assert await _relay(database, ok).deliver_pending() == 1
    finally:
        await conn.close()
    assert sent == [str(ids[0])]


async def test_no_transaction_is_open_while_a_peer_is_called(
    database: Database, db: TestDatabase
) -> None:
    """The outbox is the retry: the relay calls the peer with no transaction (and so no row
    lock) of its own open, and tries each event once per pass even with a retrying client."""
    ids = await _enqueue(database, 2)
    seen: list[tuple[str, int]] = []

    async def peer(request: httpx.Request) -> httpx.Response:
        conn = await asyncpg.connect(db.admin_dsn)  # a superuser sees every session's state
        try:
            open_transactions = await conn.fetchval(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE usename = 'intake_app' AND xact_start IS NOT NULL"
            )
        finally:
            await conn.close()
        seen.append((request.headers["Idempotency-Key"], open_transactions))
        return httpx.Response(503, json={"detail": "down"})

    settings = ServiceSettings(dev_key_file="/tmp/wmo-test-jwt-key.pem")
    client = ServiceClient("peer", "http://peer", transport=httpx.MockTransport(peer), backoff=0)
    assert client.policy.retries > 0
    relay = OutboxRelay(database, outbox, {"peer": client}, ServiceTokens(settings, "intake"))
    assert await relay.deliver_pending() == 0
    assert seen == [(str(ids[0]), 0)]  # one try, none open; the second waits behind the first
    assert await _state(db, ids) == [(False, 1, False), (False, 0, False)]


async def test_a_delivery_is_a_span_of_the_writers_trace_and_says_when_it_failed(
    database: Database,
) -> None:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.trace import StatusCode

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    trace_id, parent = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
    async with database.transaction() as conn:
        await conn.execute(
            outbox.insert().values(
                event_id=uuid.uuid4(),
                event_type="test",
                destination="peer",
                path="/api/v1/ontvanger",
                gemeente="0085",
                payload={},
                traceparent=f"00-{trace_id}-{parent}-01",
            )
        )
    settings = ServiceSettings(dev_key_file="/tmp/wmo-test-jwt-key.pem")
    down = httpx.MockTransport(lambda r: httpx.Response(503, json={"detail": "onderhoud"}))
    client = ServiceClient("peer", "http://peer", transport=down, retries=0)
    relay = OutboxRelay(
        database,
        outbox,
        {"peer": client},
        ServiceTokens(settings, "intake"),
        tracer_provider=provider,
    )
    assert await relay.deliver_pending() == 0
    (span,) = exporter.get_finished_spans()
    assert span.name == "outbox test -> peer"
    assert f"{span.context.trace_id:032x}" == trace_id and f"{span.parent.span_id:016x}" == parent
    assert span.status.status_code is StatusCode.ERROR and "503" in span.status.description
