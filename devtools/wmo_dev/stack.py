"""Development orchestration behind ``make run``, ``make migrate`` and ``make token``.

``run``: start (or reuse) the local PostgreSQL under ``.local/pgdata``, create schemas and roles,
migrate every service, create the development signing key (once, before any service starts:
the services never race to create it), start the four services with uvicorn, print their URLs
and a development token, and stop everything on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from wmo_dev import postgres
from wmo_shared.auth import ensure_dev_key, mint_dev_token
from wmo_shared.db.bootstrap import SERVICES, bootstrap
from wmo_shared.http_server import UVICORN_ARGS

PORTS = {"intake": 8001, "pgb": 8002, "indicatie": 8003, "finance": 8004}
DB_NAME = "wmo"
LOCAL = Path(".local")
KEY_FILE = LOCAL / "dev-jwt-key.pem"


def dev_passwords() -> dict[str, str]:
    # The embedded server trusts local connections; the roles still separate the schemas.
    return {f"{s}_{kind}": f"dev-{s}-{kind}" for s in SERVICES for kind in ("owner", "app")}


def service_env(
    port: int,
    *,
    db_name: str = DB_NAME,
    ports: dict[str, int] = PORTS,
    key_file: Path = KEY_FILE,
    environment: str = "development",
    socket_dir: Path | None = None,
) -> dict[str, str]:
    """Environment variables for all four services against the cluster on ``port``; with
    ``socket_dir``, through the cluster's Unix-domain socket in that directory (the services
    on the same machine as the embedded server: ``make run``, ``make bench``)."""
    env: dict[str, str] = {}
    pw = dev_passwords()
    # Loopback to a local throw-away server: no TLS handshake (asyncpg would try it first). A
    # Unix socket costs each query a fraction of the loopback TCP stack, which on one machine
    # runs in the sending process: ~10% more pages per second at a million cases (issue 17.3).
    where = f"@127.0.0.1:{port}/{db_name}?ssl=disable"
    if socket_dir is not None:
        where = f"@/{db_name}?host={quote(str(socket_dir), safe='/')}&port={port}&ssl=disable"
    for svc in SERVICES:
        p = svc.upper()
        app_url = f"postgresql+asyncpg://{svc}_app:{pw[svc + '_app']}{where}"
        owner_url = f"postgresql+asyncpg://{svc}_owner:{pw[svc + '_owner']}{where}"
        env[f"{p}_DATABASE_URL"] = app_url
        env[f"{p}_MIGRATION_DATABASE_URL"] = owner_url
        env[f"{p}_ENVIRONMENT"] = environment
        env[f"{p}_DEV_KEY_FILE"] = str(key_file.resolve())
        env[f"{p}_PUBLIC_URL"] = f"http://127.0.0.1:{ports[svc]}"
        for other in SERVICES:
            if other != svc:
                env[f"{p}_{other.upper()}_URL"] = f"http://127.0.0.1:{ports[other]}"
    return env


def migrate_all(env: dict[str, str]) -> None:
    for svc in SERVICES:
        subprocess.run(
            [sys.executable, "-m", f"wmo_{svc}.migrate"], check=True, env={**os.environ, **env}
        )


def prepare_database(
    cluster: postgres.Cluster, db_name: str = DB_NAME, ports: dict[str, int] = PORTS
) -> dict[str, str]:
    asyncio.run(bootstrap(cluster.admin_dsn, db_name, dev_passwords()))
    env = service_env(
        cluster.port, db_name=db_name, ports=ports, socket_dir=cluster.data_dir.parent
    )
    migrate_all(env)
    return env


def start_services(
    env: dict[str, str],
    *,
    log_json: bool = False,
    ports: dict[str, int] = PORTS,
    pythons: dict[str, str] | None = None,
) -> dict[str, subprocess.Popen[bytes]]:
    """``pythons``: per service another interpreter than this one (the benchmark's
    production-shaped environments, tests/bench/workers.py)."""
    procs = {}
    for svc in SERVICES:
        svc_env = {**os.environ, **env, f"{svc.upper()}_JSON_LOGS": "true" if log_json else "false"}
        procs[svc] = subprocess.Popen(
            [
                (pythons or {}).get(svc, sys.executable),
                "-m",
                "uvicorn",
                f"wmo_{svc}.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(ports[svc]),
                *UVICORN_ARGS,
            ],
            env=svc_env,
            preexec_fn=_end_with_parent,
        )
    return procs


def _end_with_parent() -> None:
    """In the service's process before it starts: SIGTERM when this process ends, also by
    kill -9, so no service outlives the stack and holds its port (Linux; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def wait_ready(urls: list[str], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending and time.monotonic() < deadline:
        for url in list(pending):
            try:
                if httpx.get(f"{url}/health/ready", timeout=1.0).status_code == 200:
                    pending.remove(url)
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    if pending:
        raise RuntimeError(f"not ready in time: {pending}")


class _Stop(Exception):
    """SIGTERM: stop everything, as Ctrl-C does."""


def _raise_stop(*_: object) -> None:
    # Once: a second SIGTERM (a supervisor's, and uv forwarding its own) arriving while the
    # first unwinds would escape the cleanup below and leave the services running.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise _Stop


def cmd_run(args: argparse.Namespace) -> None:
    ports = dict(PORTS)
    if args.ports:
        values = [int(p) for p in args.ports.split(",")]
        if len(values) != len(SERVICES):
            raise SystemExit(f"--ports needs {len(SERVICES)} ports: {', '.join(SERVICES)}")
        ports = dict(zip(SERVICES, values, strict=True))
    # From here on Ctrl-C and SIGTERM both unwind through the finally below.
    signal.signal(signal.SIGTERM, _raise_stop)
    LOCAL.mkdir(exist_ok=True)
    cluster = postgres.start(data_dir=(LOCAL / "pgdata").resolve(), durable=True)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        env = prepare_database(cluster, ports=ports)
        # The key exists before any service starts: four services creating it at once would
        # each sign with their own, and reject the others' tokens until a restart.
        ensure_dev_key(KEY_FILE)
        procs = start_services(env, ports=ports)
        wait_ready([f"http://127.0.0.1:{p}" for p in ports.values()])
        token = mint_dev_token(
            KEY_FILE, sub="dev-gebiedsteam", roles=["gebiedsteam"], gemeente="0085"
        )
        print("\nWmo backend is running (Ctrl-C stops everything):")
        for svc, port in ports.items():
            print(f"  {svc:<10} http://127.0.0.1:{port}/api/v1/openapi.json")
        print(f"  postgres   postgresql://postgres@127.0.0.1:{cluster.port}/{DB_NAME}")
        print("\nDevelopment token (role gebiedsteam, gemeente 0085, valid 8 hours):")
        print(f"  export TOKEN={token}\n", flush=True)
        while True:
            for svc, proc in procs.items():
                if proc.poll() is not None:
                    print(f"{svc} stopped with exit code {proc.returncode}", file=sys.stderr)
                    return
            time.sleep(0.3)
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for proc in procs.values():
            proc.terminate()
        for proc in procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        cluster.stop()
        print("stopped: services and PostgreSQL", flush=True)


def cmd_migrate(_: argparse.Namespace) -> None:
    LOCAL.mkdir(exist_ok=True)
    cluster = postgres.start(data_dir=(LOCAL / "pgdata").resolve(), durable=True)
    try:
        prepare_database(cluster)
        print("migrations: all services at head")
    finally:
        cluster.stop()


def cmd_token(args: argparse.Namespace) -> None:
    extra = {"agb": args.agb} if args.agb else None
    print(
        mint_dev_token(
            KEY_FILE,
            sub=args.sub or f"dev-{args.role}",
            roles=args.role.split(","),
            gemeente=args.gemeente,
            extra=extra,
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="wmo-dev")
    sub = parser.add_subparsers(required=True)
    run = sub.add_parser("run", help="start PostgreSQL and the four services")
    run.add_argument(
        "--ports",
        default=None,
        help="ports of intake,pgb,indicatie,finance (default 8001,8002,8003,8004)",
    )
    run.set_defaults(fn=cmd_run)
    sub.add_parser("migrate", help="bootstrap and migrate the local database").set_defaults(
        fn=cmd_migrate
    )
    tok = sub.add_parser("token", help="print a development token")
    tok.add_argument("--role", default="gebiedsteam")
    tok.add_argument("--gemeente", default="0085")
    tok.add_argument("--sub", default=None)
    tok.add_argument("--agb", default=None)
    tok.set_defaults(fn=cmd_token)
    args = parser.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
