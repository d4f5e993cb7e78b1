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
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib
import json
import os
import pstats
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import uvloop

from tests.bench.scenarios import SCENARIOS, _pgb_plan_body, _tegemoetkoming_body, bsn_from
from tests.support.stack import TestDatabase, settings_for, start_test_database, token

Asgi = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def _scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }


async def _get(app: Asgi, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    status = 0
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(_scope(path, headers), receive, send)
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


async def measure(
    db: TestDatabase, service: str, n: int, profile: bool, concurrency: int = 32
) -> None:
    main = importlib.import_module(f"wmo_{service}.main")
    # JSON request logs, as the services log in production and in ``make bench``.
    settings = settings_for(service, db, outbox_enabled="false").model_copy(
        update={"json_logs": True}
    )
    app = main.create_app(settings)
    scenario = next(s for s in SCENARIOS if s.service == service)
    bearer = token(",".join(scenario.roles))
    auth = {"Authorization": f"Bearer {bearer}"}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            doc_id = await _setup(service, client, auth)
        path = scenario.read_path.format(id=doc_id)
        headers = [(b"host", b"t"), (b"authorization", f"Bearer {bearer}".encode())]
        for _ in range(200):
            status, body = await _get(app, path, headers)
        assert status == 200, (status, body[:300])
        json.loads(body)
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()

        async def caller() -> None:
            for _ in range(n // concurrency):
                await _get(app, path, headers)

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
        f"CPU {service:<10} GET {scenario.read_path:<32} {cpu / n * 1e6:>7.0f} µs CPU/request "
        f"({system * 1e6:.0f} in the kernel) {wall / n * 1e6:>7.0f} µs wall  {len(body):>6} bytes"
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
        for service in ("intake", "pgb", "finance"):
            if args.only in (None, service):
                # uvicorn runs the services on uvloop (its "auto" loop): so does this loop.
                uvloop.run(measure(db, service, args.n, args.profile, args.connections))
    finally:
        if db.cluster is not None:
            db.cluster.stop()


if __name__ == "__main__":
    main()
