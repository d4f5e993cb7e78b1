"""pgbench running a route's own statements, beside the API's figure (``tests/bench/seeded.py``)."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.bench.run import p99


@dataclass(frozen=True)
class Pgbench:
    tps: float
    p99_ms: float  # PostgreSQL alone at the same concurrency: the floor of the API's p99


def _p99_ms(logs: Path) -> float:
    """The 99th percentile of the per-transaction latencies pgbench logged (``--log``: one
    file per thread, the third field the latency in microseconds)."""
    micros = sorted(int(line.split()[2]) for f in logs.glob("pgbench_log*") for line in f.open())
    return p99([m / 1000 for m in micros])


# pgbench reads ":name" as a variable even inside a string literal ('HH24:MI:SS'). Such a
# literal is sent as a concatenation with chr(58), in parentheses so a cast after it still
# applies to the whole; the planner folds it back into the constant.
_LITERAL = re.compile(r"'(?:[^']|'')*'")
_VARIABLE_LIKE = re.compile(r"(?<!:):(?=[A-Za-z_])")


def _no_variables(literal: re.Match[str]) -> str:
    text = literal.group(0)
    if not _VARIABLE_LIKE.search(text):
        return text
    return "(" + _VARIABLE_LIKE.sub("' || chr(58) || '", text) + ")"


def script(sql: list[str]) -> str:
    """The pgbench script of the route's statements, one transaction per request."""
    if len(sql) > 1:  # as the service runs them: a set_config(..., true) holds for its query
        sql = ["BEGIN", *sql, "COMMIT"]
    return "".join(_LITERAL.sub(_no_variables, s.replace("\n", " ")) + ";\n" for s in sql)


def pgbench(
    dsn: str, sql: list[str], seconds: int, conns: int, settings: dict[str, str] | None = None
) -> Pgbench:
    """pgbench running ``sql``, its sessions with the service's own ``settings`` (as its pool's
    connections have them), each statement prepared once per session and then executed, as
    the service's connections run it from the driver's statement cache (asyncpg prepares every
    statement): PostgreSQL's best case for the statement. The simple protocol, which earlier
    figures in docs/performance.md used, plans the statement again for every request."""
    with tempfile.TemporaryDirectory() as work:
        route = Path(work) / "route.sql"
        route.write_text(script(sql))
        options = " ".join(f"-c {k}={v}" for k, v in (settings or {}).items())
        command = ["pgbench", "-n", "-M", "prepared", "-c", str(conns), "-j", "2"]
        command += ["-T", str(seconds), "--log", f"--log-prefix={work}/pgbench_log"]
        command += ["-f", str(route), dsn]
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
