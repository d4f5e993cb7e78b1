"""``make bench``: load-test each service on a real stack and print the figures.

Starts its own throw-away PostgreSQL and the four services (one uvicorn worker each, as in
production per pod), creates the data a scenario reads, then drives per service an
authenticated, audited read and a write with 32 concurrent connections. Uses ``wrk`` when it
is installed (apt-get install wrk: the load generator then costs the services no Python CPU);
otherwise an asyncio httpx load generator, whose own CPU use on a 2-core machine lowers the
figures. Prints requests/s, p50 and p99 latency, errors, and each service's peak RSS.
Tests never assert on timings; this script only prints.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

import httpx
import psutil

from tests.bench.scenarios import SCENARIOS, Scenario, bsn_from
from tests.bench.workers import production_env, production_pythons
from wmo_dev import postgres
from wmo_dev.stack import KEY_FILE, PORTS, prepare_database, start_services, wait_ready
from wmo_shared.auth import mint_dev_token
from wmo_shared.db.bootstrap import SERVICES

# The numbers the generated BSNs are made of (``bsn_from``: eight digits and a check digit).
# From 20,000,000 up: ``make seed-data`` gives its cases first digits 1000000 + n, so below
# 2,000,000 for a million cases. A random start per benchmark process: a run on the kept make-run
# database (``--seeded --local``) does not meet the clients the run before it created (it
# did: 4,551 of its writes were 409 client-bestaat-al).
_BASE = [random.randrange(20_000_000, 50_000_000, 1_000_000)]


def _next_base() -> int:
    """Disjoint number ranges per load run (a run writes far fewer than a million)."""
    _BASE[0] += 1_000_000
    return _BASE[0]


def fill(body: str, n: int) -> str:
    return body.replace("{n}", str(n)).replace("{bsn}", bsn_from(n))


@dataclass
class Result:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class PeakRss(threading.Thread):
    """Peak resident memory per worker, and its peak private part (USS: RSS without the pages
    of shared libraries that other processes on the machine map as well; read from smaps, so
    once a second, not every 0.1 s)."""

    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.procs = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak = dict.fromkeys(pids, 0)
        self.peak_private = dict.fromkeys(pids, 0)
        self.running = True

    def run(self) -> None:
        tick = 0
        while self.running:
            for name, proc in self.procs.items():
                try:
                    self.peak[name] = max(self.peak[name], proc.memory_info().rss)
                    if tick % 10 == 0:
                        uss = proc.memory_full_info().uss
                        self.peak_private[name] = max(self.peak_private[name], uss)
                except psutil.Error:
                    pass
            tick += 1
            time.sleep(0.1)


_WRK_LUA = """
local body = os.getenv("WRK_BODY")
local function bsn(n)
  while true do
    local s = string.format("%08d", n % 100000000)
    local total = 0
    for i = 1, 8 do total = total + tonumber(s:sub(i, i)) * (10 - i) end
    local c = total % 11
    if c ~= 10 then return s .. tostring(c) end
    n = n + 1
  end
end
local base = tonumber(os.getenv("WRK_BASE"))
local method = os.getenv("WRK_METHOD")
local token = os.getenv("WRK_TOKEN")
counter = 0
request = function()
  counter = counter + 1
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if method == "POST" then
    local n = base + counter * 3
    local filled = body:gsub("{n}", tostring(n)):gsub("{bsn}", bsn(n))
    return wrk.format("POST", nil, headers, filled)
  end
  return wrk.format("GET", nil, headers, nil)
end
done = function(summary, latency, requests)
  io.write(string.format("JSON{\\"requests\\":%d,\\"errors\\":%d,\\"seconds\\":%f,\\"p50\\":%f,\\"p99\\":%f}\\n",
    summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def run_wrk(url: str, method: str, body: str, token: str, seconds: int, conns: int) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(_WRK_LUA)
        script = f.name
    env = {
        **os.environ,
        "WRK_BODY": body,
        "WRK_METHOD": method,
        "WRK_TOKEN": token,
        "WRK_BASE": str(_next_base()),
    }
    # A request is given up after 30 s, not wrk's default 2 s: a slow route (the yearly
    # management information under 32 connections) is measured, not counted as errors.
    command = ["wrk", "-t", "1", "-c", str(conns), "-d", f"{seconds}s", "--timeout", "30s"]
    out = subprocess.run(
        [*command, "--latency", "-s", script, url],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    data = json.loads(out.split("JSON", 1)[1].strip().splitlines()[0])
    non2xx = 0
    for line in out.splitlines():
        if "Non-2xx" in line:
            non2xx = int(line.split(":")[1])
    return Result(
        "", data["requests"], data["errors"] + non2xx, data["seconds"], data["p50"], data["p99"]
    )


async def run_httpx(
    url: str, method: str, body: str, token: str, seconds: int, conns: int
) -> Result:
    latencies: list[float] = []
    errors = 0
    counter = 0
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    deadline = time.perf_counter() + seconds
    base = _next_base()
    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:

        async def worker() -> None:
            nonlocal errors, counter
            while time.perf_counter() < deadline:
                counter += 1
                start = time.perf_counter()
                content = fill(body, base + counter * 3) if method == "POST" else None
                r = await client.request(method, url, headers=headers, content=content)
                latencies.append((time.perf_counter() - start) * 1000)
                if r.status_code >= 400:
                    errors += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(conns)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    return Result(
        "", len(latencies), errors, elapsed, statistics.median(latencies or [0]), p99(latencies)
    )


def p99(ordered: list[float]) -> float:
    """The 99th percentile of latencies sorted ascending (0 when there are none)."""
    return ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0


def drive(scenario: Scenario, base: str, token: str, seconds: int, conns: int) -> list[Result]:
    setup = scenario.setup(base, token)
    results = []
    for name, method, path, body in (
        ("read", "GET", scenario.read_path.format(**setup), ""),
        ("write", "POST", scenario.write_path, scenario.write_body),
    ):
        url = base + path
        # Warm-up: connection pools, caches, JIT-less but lazy imports.
        for _ in range(20):
            httpx.request(
                method,
                url,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                content=fill(body, 5_000_000 + _ * 7) if method == "POST" else None,
            )
        if shutil.which("wrk"):
            r = run_wrk(url, method, body, token, seconds, conns)
        else:
            r = asyncio.run(run_httpx(url, method, body, token, seconds, conns))
        r.name = (
            f"{scenario.service} {name} {method} {scenario.read_path if name == 'read' else path}"
        )
        results.append(r)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", default=None, help="one service")
    parser.add_argument(
        "--seeded",
        action="store_true",
        help="against volume data, each request next to pgbench (tests/bench/seeded.py)",
    )
    parser.add_argument("--size", type=int, default=20_000, help="--seeded: cases to seed")
    parser.add_argument(
        "--local", action="store_true", help="--seeded: the make run database (make seed-data)"
    )
    args = parser.parse_args()
    if args.seeded:
        from tests.bench.seeded import main as seeded

        seeded(
            size=args.size,
            local=args.local,
            seconds=args.seconds,
            conns=args.connections,
            only=args.only,
        )
        return
    cluster = postgres.start()
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        env = prepare_database(cluster)
        pythons = production_pythons(SERVICES)
        env.update(production_env(pythons))
        procs = start_services(env, log_json=True, pythons=pythons)
        wait_ready([f"http://127.0.0.1:{p}" for p in PORTS.values()])
        monitor = PeakRss({name: p.pid for name, p in procs.items()})
        monitor.start()
        all_results: list[Result] = []
        for scenario in SCENARIOS:
            if args.only and scenario.service != args.only:
                continue
            token = mint_dev_token(KEY_FILE, sub="bench", roles=scenario.roles, gemeente="0085")
            base = f"http://127.0.0.1:{PORTS[scenario.service]}"
            all_results.extend(drive(scenario, base, token, args.seconds, args.connections))
        monitor.running = False
        tool = "wrk" if shutil.which("wrk") else "httpx (install wrk for truer figures)"
        print(
            f"\nload: {args.connections} connections, {args.seconds}s per row, one worker per "
            f"service, generator {tool}"
        )
        print(f"{'scenario':<58} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for r in all_results:
            print(f"{r.name:<58} {r.rps:>8.0f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {r.errors:>7}")
        print("\npeak memory per service (one worker): resident (RSS), private (USS)")
        for name, rss in monitor.peak.items():
            uss = monitor.peak_private[name]
            print(f"  {name:<10} {rss / 1024 / 1024:>6.1f} MB  {uss / 1024 / 1024:>6.1f} MB")
    finally:
        for p in procs.values():
            p.terminate()
        for p in procs.values():
            p.wait(timeout=10)
        cluster.stop()


if __name__ == "__main__":
    main()
    sys.exit(0)
