"""A PostgreSQL of the test's own (not the session one), for tests that stop, kill or restart
the database: bootstrapped and migrated like production, on a fixed port and data folder so it
can be started again where it was."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.support.stack import KEY_FILE, TEST_DB, TestDatabase, migrations_dir
from wmo_dev import postgres
from wmo_dev.stack import dev_passwords, service_env
from wmo_shared.db.bootstrap import SERVICES, bootstrap
from wmo_shared.db.migrate import upgrade


def _parent_pid(pid: str) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rpartition(")")[2].split()[1])


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


class OwnDatabase:
    def __init__(self, *, durable: bool, services: Sequence[str] = SERVICES) -> None:
        if not Path("/proc/self/stat").exists():
            pytest.skip("needs /proc to find the server's processes")
        self.durable = durable
        self.root = Path(tempfile.mkdtemp(prefix="wmo-pg-own-"))
        self.data = self.root / "data"
        self.cluster = postgres.start(data_dir=self.data, durable=durable)
        try:
            asyncio.run(bootstrap(self.cluster.admin_dsn, TEST_DB, dev_passwords()))
            env = service_env(
                self.cluster.port, db_name=TEST_DB, key_file=KEY_FILE, environment="test"
            )
            for svc in services:
                upgrade(migrations_dir(svc), env[f"{svc.upper()}_MIGRATION_DATABASE_URL"], svc)
        except BaseException:
            self.close()
            raise
        self.database = TestDatabase(self.cluster, self.cluster.admin_dsn, env)

    def start(self) -> None:
        """Start it again, on the same port and data (crash recovery runs when it was killed)."""
        self.cluster = postgres.start(
            data_dir=self.data, port=self.cluster.port, durable=self.durable
        )

    def stop(self) -> None:
        self.cluster.stop()

    def kill(self) -> None:
        """SIGKILL of the postmaster and of every server process: a crash, nothing flushed on
        the way out."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        children = [int(p.name) for p in Path("/proc").iterdir() if _parent_pid(p.name) == pid]
        for victim in (pid, *children):
            try:
                os.kill(victim, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in (pid, *children)):
            if time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not die")
            time.sleep(0.05)

    def close(self) -> None:
        self.cluster.stop()
        shutil.rmtree(self.root, ignore_errors=True)
