"""Benchmark of an export run at gemeente scale: throughput (rows/s) and peak memory.

``--export`` picks the export: ``cak`` (default; finance's CAK mutations → JSON Lines), ``svb``
(pgb's SVB toekenningen → TKB CSV) or ``toewijzingen`` (intake's toewijzingen → one WMO301 per
toewijzing); the real mode exists for ``cak`` only.

Two modes:

``python -m wmo_exchange.bench`` (default, the real thing): inserts a backlog of ``--rows``
(100,000) CAK mutations directly into finance's CAK mutation table through the finance owner
role (``--dsn`` or env ``FINANCE_MIGRATION_DATABASE_URL``), then runs ``wmo-exchange cak
export`` as a separate process against the running finance service (``make run``; URL from
``--finance-url`` / ``WMO_FINANCE_URL``, default http://127.0.0.1:8004) with a fresh cursor
store, and prints rows, seconds, rows/s, the CLI's peak RSS and the output size. Refuses (exit
2) when finance has no CAK mutation table yet.

``python -m wmo_exchange.bench --synthetic``: the same CLI run against a synthetic feed over
local HTTP (``wmo_exchange.devfeed``): measures the CLI alone, with no service or database.
It runs 10% of the rows first, so the two peaks show that memory does not grow with the backlog.

Only prints figures; nothing asserts on timings.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from wmo_exchange.devfeed import SyntheticFeed, bsn_for

EXIT_NO_TABLE = 2

# The CLI in a child process that reports on stderr at the end its own peak RSS (Linux: KiB)
# and CPU seconds, and those of its worker processes (the largest peak of one worker; the CPU of
# all of them).
_CHILD = (
    "import resource, sys\n"
    "from wmo_exchange.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "use = resource.getrusage(resource.RUSAGE_SELF)\n"
    "kids = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(f'\\nPEAK_RSS_KIB={use.ru_maxrss} CPU_S={use.ru_utime + use.ru_stime} '\n"
    "    f'WORKER_PEAK_RSS_KIB={kids.ru_maxrss} WORKER_CPU_S={kids.ru_utime + kids.ru_stime}\\n')\n"
    "sys.exit(code)\n"
)

# export → (command group, consumer = summary prefix, data file pattern or None for messages)
EXPORTS = {
    "cak": ("cak", "cak-mutaties", "cak-mutaties-*.jsonl"),
    "svb": ("svb", "svb-tkb", "svb-tkb-*.csv"),
    "toewijzingen": ("toewijzingen", "toewijzingen", None),
}


def run_cli(
    base_url: str, token: str, limit: int, workdir: Path, export: str = "cak"
) -> dict[str, Any]:
    """One export as a child process; its wall time, its own peak RSS and its summary."""
    group, consumer, pattern = EXPORTS[export]
    cmd = [
        sys.executable,
        "-c",
        _CHILD,
        group,
        "export",
        "--out",
        str(workdir / "out"),
        "--state-dir",
        str(workdir / "state"),
        "--base-url",
        base_url,
        "--token",
        token,
        "--limit",
        str(limit),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)  # noqa: S603
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout.decode() + proc.stderr.decode())
        raise SystemExit(f"export failed with exit code {proc.returncode}")
    tail = "PEAK_RSS_KIB=" + proc.stderr.decode().rsplit("\nPEAK_RSS_KIB=", 1)[1]
    figures = {k: float(v) for k, v in (f.split("=") for f in tail.split())}
    summary_file = max((workdir / "out").glob(f"{consumer}-*.samenvatting.json"))
    summary = json.loads(summary_file.read_text())
    size = (
        sum(p.stat().st_size for p in (workdir / "out").glob(pattern))
        if pattern
        else sum(p.stat().st_size for p in (workdir / "out").glob("*/*.xml"))
    )
    return {
        "rows": summary["rijen"],
        "pages": summary["paginas"],
        "seconds": seconds,
        "cpu_seconds": figures["CPU_S"] + figures["WORKER_CPU_S"],
        "main_cpu_seconds": figures["CPU_S"],
        "peak_rss_mib": figures["PEAK_RSS_KIB"] / 1024,
        "worker_peak_rss_mib": figures["WORKER_PEAK_RSS_KIB"] / 1024,
        "file_mib": size / 2**20,
        "messages": summary.get("berichten"),
    }


def report(label: str, r: dict[str, Any]) -> None:
    rate = r["rows"] / r["seconds"] if r["seconds"] else 0.0
    peak = f"{r['peak_rss_mib']:.0f} MiB"
    cpu = f"CLI CPU {r['cpu_seconds']:.1f} s"
    if r["worker_peak_rss_mib"]:
        peak += f" (each worker process at most {r['worker_peak_rss_mib']:.0f} MiB)"
        cpu += f", of which {r['main_cpu_seconds']:.1f} s in the main process"
    output = f"file {r['file_mib']:.1f} MiB"
    if r.get("messages") is not None:
        output = f"{r['messages']:,} messages, {r['file_mib']:.1f} MiB"
    print(
        f"{label}: {r['rows']:,} rows in {r['pages']} pages, {r['seconds']:.1f} s "
        f"({cpu}), {rate:,.0f} rows/s, peak RSS of the CLI {peak}, "
        f"{output}",
        flush=True,
    )


def _unsigned_token(gemeente: str) -> str:
    """The synthetic feed does not check tokens; the CLI only reads the gemeente claim."""
    import base64

    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none'})}.{part({'gemeente': gemeente})}.x"


def run_synthetic(rows: int, limit: int, export: str) -> None:
    token = _unsigned_token("0085")
    # both runs' output is removed at the end, not in between: on a file system without a
    # journal (as here) ext4 skips inodes freed in the last 30 seconds when it allocates one,
    # so files made just after 100,000 were removed cost several times as much to create
    with tempfile.TemporaryDirectory() as tmp:
        for n in (max(rows // 10, 1), rows):
            with SyntheticFeed(n, kind=export) as feed:
                result = run_cli(feed.url, token, limit, Path(tmp) / str(n), export)
                report(f"{export}, synthetic feed, {n:,} rows", result)


# --- against the running finance service -------------------------------------------------------


def cak_table() -> Any | None:
    """finance's CAK mutation table, found by name in its metadata (None while it is absent)."""
    from wmo_finance.db import models

    for table in models.metadata.tables.values():
        if "cak" in table.name and "mutatie" in table.name:
            return table
    return None


def row_values(n: int, gemeente: str, run: str) -> dict[str, Any]:
    """Column values by the snake_case names of ``CakMutatie`` (and common extras)."""
    now = dt.datetime.now(dt.UTC)
    return {
        "id": uuid.uuid4(),
        "event_id": uuid.uuid4(),
        "soort": "start",
        "gemeente": gemeente,
        "bsn": bsn_for(n),
        "geboortedatum": dt.date(1950, 1, 1) + dt.timedelta(days=n % 20_000),
        "huishouden_id": uuid.uuid4(),
        "beschikking_id": uuid.uuid4(),
        "maatwerkvoorziening_id": uuid.uuid4(),
        "productcategorie": "01",
        "productcode": "01A01",
        "leveringsvorm": "zin",
        "ingangsdatum": dt.date(2026, 1, 1),
        "einddatum": None,
        "kostprijs": None,
        "abonnementstarief": Decimal("21.80"),
        "geregistreerd_op": now,
        "aangemaakt_op": now,
        "bron": f"bench-{run}",
    }


def asyncpg_dsn(url: str) -> str:
    """A SQLAlchemy URL of the services (``postgresql+asyncpg://…?ssl=disable``) for asyncpg."""
    return url.replace("postgresql+asyncpg://", "postgresql://").replace(
        "ssl=disable", "sslmode=disable"
    )


async def insert_backlog(dsn: str, table: Any, rows: int, gemeente: str) -> int:
    import asyncpg

    run = uuid.uuid4().hex[:8]
    sample = row_values(1, gemeente, run)
    columns: list[str] = []
    missing: list[str] = []
    for column in table.columns:
        generated = (
            column.server_default is not None
            or column.identity is not None
            or (column.primary_key and column.autoincrement is True)
        )
        if column.name in sample and not (generated and column.name in ("volgnummer", "id")):
            columns.append(column.name)
        elif not generated and not column.nullable:
            missing.append(column.name)
    if missing:
        raise SystemExit(
            f"{table.fullname}: no benchmark value for required column(s) {missing}; "
            "extend row_values() in wmo_exchange/bench.py"
        )
    conn = await asyncpg.connect(asyncpg_dsn(dsn))
    try:
        batch = 10_000
        for start in range(1, rows + 1, batch):
            records = []
            for n in range(start, min(start + batch, rows + 1)):
                values = row_values(n, gemeente, run)
                records.append(tuple(values[c] for c in columns))
            await conn.copy_records_to_table(
                table.name, schema_name=table.schema, columns=columns, records=records
            )
    finally:
        await conn.close()
    return rows


def run_finance(args: argparse.Namespace) -> int:
    table = cak_table()
    if table is None:
        print(
            "finance has no CAK mutation table yet (services/finance/wmo_finance/db/models.py);"
            " run with --synthetic to measure the CLI alone"
        )
        return EXIT_NO_TABLE
    dsn = args.dsn or os.environ.get("FINANCE_MIGRATION_DATABASE_URL")
    if not dsn:
        raise SystemExit("give --dsn or FINANCE_MIGRATION_DATABASE_URL (finance owner role)")
    token = args.token or os.environ.get("WMO_TOKEN")
    if not token:
        from wmo_shared.auth import mint_dev_token

        key = Path(os.environ.get("FINANCE_DEV_KEY_FILE", ".local/dev-jwt-key.pem"))
        token = mint_dev_token(
            key, sub="bench-exchange", roles=["financien", "systeem"], gemeente=args.gemeente
        )
    started = time.perf_counter()
    asyncio.run(insert_backlog(dsn, table, args.rows, args.gemeente))
    print(
        f"inserted {args.rows:,} rows into {table.fullname} in "
        f"{time.perf_counter() - started:.1f} s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        report(
            f"finance {args.finance_url}", run_cli(args.finance_url, token, args.limit, Path(tmp))
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wmo_exchange.bench", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--limit", type=int, default=1000, help="page size of the export")
    parser.add_argument("--synthetic", action="store_true", help="no service: a synthetic feed")
    parser.add_argument("--export", choices=sorted(EXPORTS), default="cak")
    parser.add_argument("--dsn", help="finance owner DSN (default FINANCE_MIGRATION_DATABASE_URL)")
    parser.add_argument(
        "--finance-url", default=os.environ.get("WMO_FINANCE_URL", "http://127.0.0.1:8004")
    )
    parser.add_argument("--token", help="token for the feed (default: a minted dev token)")
    parser.add_argument("--gemeente", default="0085")
    args = parser.parse_args(argv)
    if args.synthetic:
        run_synthetic(args.rows, args.limit, args.export)
        return 0
    if args.export != "cak":
        raise SystemExit("the real mode measures the CAK export only; use --synthetic")
    return run_finance(args)


if __name__ == "__main__":
    sys.exit(main())
