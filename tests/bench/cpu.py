"""Python CPU per request of the audited reads, in-process (no load generator, no network).

Starts a throw-away PostgreSQL, creates the document each read returns (as ``make bench``
does), then calls each app directly over ASGI (32 requests in flight, like the bench) and
prints the process CPU per request (µs: the app, SQLAlchemy and asyncpg, not PostgreSQL) and
the size of the answer.
With ``--profile`` it prints the top of a cProfile of the same loop and its time per package
(cProfile counts wall time: "builtins" includes the socket calls that wait on PostgreSQL;
``CPU_PROFILE_FILTER=fastapi`` limits the top to matching files). Only prints; on a shared
machine the figures move by some 10%, so compare services measured in one run.

    python3 -m uv run --frozen python -m tests.bench.cpu [--only pgb] [--profile]

``--only werkvoorraad`` and ``--only zoek`` measure intake's lists instead: a werkvoorraad page
of 50 terms (GET) and a search by name with 20 cliënten on the page (POST). ``--only svb-feed``
and ``--only cak-feed`` measure a middle page of 100 of pgb's and finance's feeds (the feed
loaded by ``wmo_dev.seed``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import importlib
import json
import os
import pstats
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
import httpx
import uvloop

from tests.bench.scenarios import SCENARIOS, _pgb_plan_body, _tegemoetkoming_body, bsn_from
from tests.support.stack import TestDatabase, settings_for, start_test_database, token

Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def _scope(path: str, headers: list[tuple[bytes, bytes]], method: str = "GET") -> dict[str, Any]:
    path, _, query = path.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }


async def _get(
    app: Asgi, path: str, headers: list[tuple[bytes, bytes]], post: bytes | None = None
) -> tuple[int, bytes]:
    status = 0
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": post or b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(_scope(path, headers, "GET" if post is None else "POST"), receive, send)
    return status, bytes(body)


async def _setup(service: str, client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    """The id of the document the read returns: the bench's own, made without peers."""
    scenario = next(s for s in SCENARIOS if s.service == service)
    if service == "intake":
        body: dict[str, Any] = {
            "bsn": bsn_from(424242),
            "voornamen": "Bench",
            "achternaam": "Mark",
            "geboortedatum": "1950-01-01",
        }
        path = "/api/v1/clienten"
    elif service == "pgb":
        body, path = {**_pgb_plan_body(), "bsn": bsn_from(464646)}, "/api/v1/pgb-plannen"
    elif service == "finance":
        body = _tegemoetkoming_body()
        path = "/api/v1/tegemoetkomingen"
    else:
        raise ValueError(service)
    r = await client.post(path, json=body, headers=headers)
    r.raise_for_status()
    assert scenario.read_path.startswith(path)
    return str(r.json()["id"])


# The lists and feeds (issue 17.3): (service, path, POST body or None) after ``_lijst``; a
# feed's path gets the cursor of its middle page appended.
LIJSTEN = {
    "werkvoorraad": ("intake", "/api/v1/werkvoorraad?limit=50&peildatum=2026-03-20", None),
    "zoek": (
        "intake",
        "/api/v1/clienten/zoekopdrachten",
        b'{"naam": "Bench Lijstmark", "limit": 20}',
    ),
    "svb-feed": ("pgb", "/api/v1/svb-toekenningen?limit=100&cursor=", None),
    "cak-feed": ("finance", "/api/v1/cak-mutaties?limit=100&cursor=", None),
}
# A feed's table, a gemeente and the seed size that puts some 300 rows in it (the seed makes
# no CAK mutation in 0085).
FEEDS = {
    "pgb": ("pgb.svb_toekenningen", "0085", 7200),
    "finance": ("finance.cak_mutaties", "0687", 3600),
}


async def _feed(db: TestDatabase, service: str) -> str:
    """Load ``service``'s feed (``wmo_dev.seed``) and give the cursor of the page after its
    gemeente's first 100 rows."""
    from wmo_dev import seed
    from wmo_pgb.domain.cursor import encode_cursor

    table, gemeente, size = FEEDS[service]
    conn = await asyncpg.connect(db.admin_dsn.rsplit("/", 1)[0] + "/wmo_test")
    try:
        async with conn.transaction():
            await seed.seed_service(conn, service, size, 7_000_000)
        na = await conn.fetchval(
            f"SELECT volgnummer FROM {table} WHERE gemeente = $1 "
            "ORDER BY volgnummer OFFSET 99 LIMIT 1",
            gemeente,
        )
    finally:
        await conn.close()
    return encode_cursor(na) if service == "pgb" else str(na)


async def _lijst(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """60 cliënten of one name, each with a melding (its onderzoekstermijn in the
    werkvoorraad), received on different days so the terms differ."""
    for n in range(60):
        body = {
            "bsn": bsn_from(515151 + 10 * n),
            "voornamen": "Bench",
            "achternaam": "Lijstmark",
            "geboortedatum": "1950-01-01",
            "adres": {"straat": "Dorpsstraat", "huisnummer": str(n + 1), "postcode": "8431AB"},
        }
        r = await client.post("/api/v1/clienten", json=body, headers=headers)
        r.raise_for_status()
        melding = {
            "clientId": r.json()["id"],
            "ontvangstdatum": (dt.date(2026, 2, 1) + dt.timedelta(days=n % 40)).isoformat(),
            "kanaal": "huisarts",
            "hulpvraag": "Bench",
        }
        key = {"Idempotency-Key": str(uuid.uuid4())}
        r = await client.post("/api/v1/meldingen", json=melding, headers={**headers, **key})
        r.raise_for_status()


async def measure(
    db: TestDatabase, service: str, n: int, profile: bool, concurrency: int = 32
) -> None:
    lijst = LIJSTEN.get(service)
    case, service = service, lijst[0] if lijst else service
    main = importlib.import_module(f"wmo_{service}.main")
    # JSON request logs, as the services log in production and in ``make bench``.
    settings = settings_for(service, db, outbox_enabled="false").model_copy(
        update={"json_logs": True}
    )
    app = main.create_app(settings)
    scenario = next(s for s in SCENARIOS if s.service == service)
    if lijst and service in FEEDS:
        bearer = token("financien", FEEDS[service][1])
    else:
        bearer = token(",".join(scenario.roles))
    auth = {"Authorization": f"Bearer {bearer}"}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            if lijst and service in FEEDS:
                _, path, post = lijst
                path += await _feed(db, service)
            elif lijst:
                await _lijst(client, auth)
                _, path, post = lijst
            else:
                doc_id = await _setup(service, client, auth)
                path, post = scenario.read_path.format(id=doc_id), None
        headers = [(b"host", b"t"), (b"authorization", f"Bearer {bearer}".encode())]
        if post is not None:
            headers.append((b"content-type", b"application/json"))
        for _ in range(200):
            status, body = await _get(app, path, headers, post)
        assert status == 200, (status, body[:300])
        json.loads(body)
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()

        async def caller() -> None:
            for _ in range(n // concurrency):
                await _get(app, path, headers, post)

        cpu, wall = time.process_time(), time.perf_counter()
        times = os.times()
        await asyncio.gather(*(caller() for _ in range(concurrency)))
        after = os.times()
        system = (after.system - times.system) / (n // concurrency * concurrency)
        n = n // concurrency * concurrency
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if profiler:
            profiler.disable()
    print(
        f"CPU {case:<12} {'POST' if post else 'GET':<4} {path.partition('?')[0]:<32} "
        f"{cpu / n * 1e6:>7.0f} µs CPU/request ({system * 1e6:.0f} in the kernel) "
        f"{wall / n * 1e6:>7.0f} µs wall  {len(body):>6} bytes"
    )
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(os.environ.get("CPU_PROFILE_FILTER", ""), 40)
        by_package: dict[str, float] = {}
        for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
            package = _package(filename)
            by_package[package] = by_package.get(package, 0.0) + tottime
        total = sum(by_package.values())
        for package, seconds in sorted(by_package.items(), key=lambda kv: -kv[1]):
            print(f"{package:<28} {seconds / n * 1e6:>7.1f} µs/request {seconds / total:>6.1%}")


def _package(filename: str) -> str:
    """Where a profiled function lives: a site-package's name, the stdlib module or our file."""
    if "site-packages/" in filename:
        return filename.split("site-packages/")[1].split("/")[0]
    if "/wmo_" in filename:
        return "wmo_" + filename.split("/wmo_")[1]
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    return "stdlib " + filename.rsplit("/", 1)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=None)
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--connections", type=int, default=32, help="requests in flight")
    args = parser.parse_args()
    db = start_test_database()
    try:
        for service in ("intake", "pgb", "finance", *LIJSTEN):
            if args.only == service or (args.only is None and service not in LIJSTEN):
                # uvicorn runs the services on uvloop (its "auto" loop): so does this loop.
                uvloop.run(measure(db, service, args.n, args.profile, args.connections))
    finally:
        if db.cluster is not None:
            db.cluster.stop()


if __name__ == "__main__":
    main()
