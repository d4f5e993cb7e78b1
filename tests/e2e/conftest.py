"""The e2e stack: the four services as real uvicorn processes on free ports against the session
database (module-scoped: each test module gets its own processes)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import asyncpg
import pytest

from tests.support.stack import TestDatabase
from wmo_dev.stack import wait_ready
from wmo_shared.db.bootstrap import SERVICES


def _free_ports(n: int) -> list[int]:
    """n distinct free ports: the sockets stay open until all are chosen, so the operating
    system cannot hand out one port twice."""
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Stack:
    def __init__(self, db: TestDatabase) -> None:
        self.ports = dict(zip(SERVICES, _free_ports(len(SERVICES)), strict=True))
        self.env = dict(db.env)
        for svc in SERVICES:
            p = svc.upper()
            self.env[f"{p}_PUBLIC_URL"] = self.url(svc)
            self.env[f"{p}_JSON_LOGS"] = "false"
            self.env[f"{p}_OUTBOX_POLL_SECONDS"] = "0.2"
            for other in SERVICES:
                if other != svc:
                    self.env[f"{p}_{other.upper()}_URL"] = self.url(other)
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def url(self, svc: str) -> str:
        return f"http://127.0.0.1:{self.ports[svc]}"

    def start(self, svc: str) -> None:
        self.procs[svc] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                f"wmo_{svc}.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.ports[svc]),
                "--no-access-log",
            ],
            env={**os.environ, **self.env},
        )

    def kill(self, svc: str) -> None:
        proc = self.procs.pop(svc)
        proc.kill()
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


async def _park_earlier_events(db: TestDatabase) -> None:
    """Events left in intake's outbox by the in-process API tests (relay off there) are test
    data for receivers that never saw their cases: mark them handled so that they do not hold
    up (in order per destination) the events of this run."""
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "UPDATE intake.outbox SET afgeleverd = now(), "
            "laatste_fout = 'niet afgeleverd: achtergelaten door eerdere tests' "
            "WHERE afgeleverd IS NULL"
        )
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def stack(db: TestDatabase) -> Iterator[Stack]:
    asyncio.run(_park_earlier_events(db))
    s = Stack(db)
    try:
        for svc in SERVICES:
            s.start(svc)
        wait_ready([s.url(svc) for svc in SERVICES], timeout=90)
        yield s
    finally:
        s.stop()
