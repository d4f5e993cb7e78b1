"""pgbench running a route's own statements, beside the API's figure (``tests/bench/seeded.py``)."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile


def pgbench(
    dsn: str, sql: list[str], seconds: int, conns: int, settings: dict[str, str] | None = None
) -> float:
    """Transactions per second of pgbench running ``sql`` (one transaction per request), its
    sessions with the service's own ``settings`` (as its pool's connections have them)."""
    if len(sql) > 1:  # as the service runs them: a set_config(..., true) holds for its query
        sql = ["BEGIN", *sql, "COMMIT"]
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write("".join(s.replace("\n", " ") + ";\n" for s in sql))
        script = f.name
    options = " ".join(f"-c {k}={v}" for k, v in (settings or {}).items())
    out = subprocess.run(
        ["pgbench", "-n", "-c", str(conns), "-j", "2", "-T", str(seconds), "-f", script, dsn],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PGOPTIONS": options},
    ).stdout
    m = re.search(r"tps = ([0-9.]+)", out)
    return float(m.group(1)) if m else 0.0
