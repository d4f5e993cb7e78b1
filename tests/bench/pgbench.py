"""pgbench running a route's own statements, beside the API's figure (``tests/bench/seeded.py``)."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Pgbench:
    tps: float
    p99_ms: float  # PostgreSQL alone at the same concurrency: the floor of the API's p99


def _p99_ms(logs: Path) -> float:
    """The 99th percentile of the per-transaction latencies pgbench logged (``--log``: one
    file per thread, the third field the latency in microseconds)."""
    latencies = sorted(int(line.split()[2]) for f in logs.glob("pgbench_log*") for line in f.open())
    if not latencies:
        return 0.0
    return latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] / 1000


def pgbench(
    dsn: str, sql: list[str], seconds: int, conns: int, settings: dict[str, str] | None = None
) -> Pgbench:
    """pgbench running ``sql`` (one transaction per request), its sessions with the service's
    own ``settings`` (as its pool's connections have them)."""
    if len(sql) > 1:  # as the service runs them: a set_config(..., true) holds for its query
        sql = ["BEGIN", *sql, "COMMIT"]
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "route.sql"
        script.write_text("".join(s.replace("\n", " ") + ";\n" for s in sql))
        options = " ".join(f"-c {k}={v}" for k, v in (settings or {}).items())
        command = ["pgbench", "-n", "-c", str(conns), "-j", "2", "-T", str(seconds)]
        command += ["--log", f"--log-prefix={work}/pgbench_log", "-f", str(script), dsn]
        out = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=True,
            cwd=work,
            env={**os.environ, "PGOPTIONS": options},
        ).stdout
        m = re.search(r"tps = ([0-9.]+)", out)
        return Pgbench(float(m.group(1)) if m else 0.0, _p99_ms(Path(work)))
