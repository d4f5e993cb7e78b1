"""Every statement runs under a statement timeout, answered 503 problem+json when it runs out;
a request its client abandoned stops its query (issue 17.3). No timings are asserted: the
deadlines below only bound how long a test waits for something that must happen."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from tests.support.live import free_ports
from tests.support.slow_app import create_app
from tests.support.stack import KEY_FILE, TestDatabase, app_client, settings_for
from wmo_dev.stack import wait_ready
from wmo_shared.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
# The three ways a statement runs: in a transaction, in autocommit, and on the driver (the hot
# audited reads, ``Database.fetch_row``).
_MANIEREN = ({"transactie": "false"}, {"transactie": "true"}, {"driver": "true"})


def _settings(db: TestDatabase, **overrides: Any) -> ServiceSettings:
    values: dict[str, Any] = {
        "database_url": db.url("intake"),
        "json_logs": False,
        "dev_key_file": KEY_FILE,
        "outbox_enabled": False,
    }
    values.update(overrides)
    return ServiceSettings(**values)


async def _running(admin_dsn: str, merk: str) -> int:
    """How many statements carrying ``merk`` PostgreSQL is running now."""
    conn = await asyncpg.connect(admin_dsn)
    try:
        n = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
            f"%/* {merk} */%",
        )
        return int(n)
    finally:
        await conn.close()


async def _until(check: Callable[[], Awaitable[bool]], what: str, deadline: float = 30) -> None:
    end = time.monotonic() + deadline
    while not await check():
        if time.monotonic() > end:
            raise AssertionError(f"not within {deadline} s: {what}")
        await asyncio.sleep(0.05)


async def test_every_connection_has_the_configured_statement_timeout(db: TestDatabase) -> None:
    async with app_client(create_app(_settings(db, statement_timeout_ms=1234))) as c:
        r = await c.get("/api/v1/instellingen")
    assert r.status_code == 200, r.text
    assert r.json()["statement_timeout"] == "1234ms"
    assert r.json()["client_connection_check_interval"] == "2s"


async def test_a_service_takes_its_timeout_from_its_own_setting(db: TestDatabase) -> None:
    from wmo_intake.main import create_app as intake_app

    os.environ["INTAKE_STATEMENT_TIMEOUT_MS"] = "4321"
    try:
        settings = settings_for("intake", db, outbox_enabled="false")
        # settings_for passes the test env explicitly; the variable is read for what it omits
        assert type(settings)().statement_timeout_ms == 4321
    finally:
        del os.environ["INTAKE_STATEMENT_TIMEOUT_MS"]
    app = intake_app(settings_for("intake", db, outbox_enabled="false", statement_timeout_ms=4321))
    async with app.router.lifespan_context(app):
        async with app.state.db.single_statement() as conn:
            shown = (await conn.exec_driver_sql("SHOW statement_timeout")).scalar_one()
    assert shown == "4321ms"


async def test_a_statement_over_the_timeout_is_a_503_problem(db: TestDatabase) -> None:
    async with app_client(create_app(_settings(db, statement_timeout_ms=100))) as c:
        for manier in _MANIEREN:
            r = await c.get("/api/v1/traag", params={"seconden": 30, "merk": "te-lang", **manier})
            assert r.status_code == 503, r.text
            assert r.headers["content-type"] == "application/problem+json"
            assert int(r.headers["Retry-After"]) > 0
            body = r.json()
            assert body["code"] == "tijdslimiet-overschreden" and body["status"] == 503
        # the connection that timed out is fine for the next request
        ok = await c.get("/api/v1/traag", params={"seconden": 0, "merk": "daarna"})
        assert ok.status_code == 200, ok.text
    assert await _running(db.admin_dsn, "te-lang") == 0


async def test_an_abandoned_request_in_process_stops_its_query(db: TestDatabase) -> None:
    """The ASGI app called directly: the server reports http.disconnect while the statement runs
    (in a transaction and without one); the statement stops, the pool stays usable."""
    app = create_app(_settings(db, statement_timeout_ms=600_000))
    async with app_client(app) as c:
        for manier in _MANIEREN:
            merk = f"weg-{uuid.uuid4()}"
            gone = asyncio.Event()
            sent: list[dict[str, Any]] = []
            messages = [{"type": "http.request", "body": b"", "more_body": False}]

            async def receive(
                messages: list[dict[str, Any]] = messages, gone: asyncio.Event = gone
            ) -> dict[str, Any]:
                if messages:
                    return messages.pop()
                await gone.wait()
                return {"type": "http.disconnect"}

            async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
                sent.append(message)

            query = "&".join(
                [f"seconden=600&merk={merk}", *(f"{k}={v}" for k, v in manier.items())]
            ).encode()
            scope = {
                "type": "http",
                "asgi": {"version": "3.0", "spec_version": "2.3"},
                "http_version": "1.1",
                "method": "GET",
                "scheme": "http",
                "path": "/api/v1/traag",
                "raw_path": b"/api/v1/traag",
                "query_string": query,
                "root_path": "",
                "headers": [(b"host", b"test")],
                "client": ("127.0.0.1", 1),
                "server": ("test", 80),
                "state": {},
                "app": app,
            }
            request = asyncio.create_task(app(scope, receive, send))

            async def started(merk: str = merk) -> bool:
                return await _running(db.admin_dsn, merk) == 1

            async def stopped(merk: str = merk) -> bool:
                return await _running(db.admin_dsn, merk) == 0

            await _until(started, "the statement runs")
            gone.set()  # the client goes away
            done, _ = await asyncio.wait({request}, timeout=30)
            assert request in done, "the abandoned request still runs"
            request.result()  # it ended without raising
            await _until(stopped, "the abandoned statement stops")
            assert not sent, sent  # nothing is sent to a client that is gone
            ok = await c.get("/api/v1/traag", params={"seconden": 0, "merk": "daarna"})
            assert ok.status_code == 200, ok.text


def test_an_abandoned_request_through_uvicorn_stops_its_query(db: TestDatabase) -> None:
    """The real path: a uvicorn process, a client that sends a request for a 10-minute
    statement and closes its socket once PostgreSQL runs it."""
    [port] = free_ports(1)
    env = {
        **os.environ,
        "DATABASE_URL": db.url("intake"),
        "STATEMENT_TIMEOUT_MS": "600000",
        "DEV_KEY_FILE": str(KEY_FILE),
        "JSON_LOGS": "true",
        "OUTBOX_ENABLED": "false",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "tests.support.slow_app:create_app",
            "--factory",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    merk = f"weg-{uuid.uuid4()}"
    try:
        wait_ready([url], timeout=60)  # raises when uvicorn does not come up
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(
            f"GET /api/v1/traag?seconden=600&merk={merk}&transactie=true HTTP/1.1\r\n"
            f"Host: 127.0.0.1:{port}\r\n\r\n".encode()
        )

        async def started() -> bool:
            return await _running(db.admin_dsn, merk) == 1

        async def stopped() -> bool:
            return await _running(db.admin_dsn, merk) == 0

        asyncio.run(_until(started, "the statement runs"))
        sock.close()  # the client gives up
        asyncio.run(_until(stopped, "the abandoned statement stops"))
        # the worker goes on serving
        r = httpx.get(f"{url}/api/v1/traag", params={"seconden": 0, "merk": "daarna"}, timeout=15)
        assert r.status_code == 200, r.text
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert "Exception in ASGI application" not in out, out
    assert '"status": 499' in out or '"status":499' in out, out


async def test_intake_connections_carry_the_name_search_threshold(db: TestDatabase) -> None:
    """A search by name is one statement: the word-similarity threshold its ``<%`` reads is
    set on every intake connection as it opens, not per transaction."""
    from wmo_intake.db.clientzoeken import DREMPEL
    from wmo_intake.main import create_app as intake_app

    app = intake_app(settings_for("intake", db, outbox_enabled="false"))
    async with app.router.lifespan_context(app):
        async with app.state.db.single_statement() as conn:
            await conn.exec_driver_sql("SELECT intake.word_similarity('jan', 'jansen')")
            shown = await conn.exec_driver_sql("SHOW pg_trgm.word_similarity_threshold")
            assert float(shown.scalar_one()) == DREMPEL
