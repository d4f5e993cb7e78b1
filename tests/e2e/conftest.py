"""The e2e stack: the four services as real uvicorn processes on free ports against the session
database, started once per test session (at the first e2e test) and stopped after the last
one, so its outbox relays do not deliver the events other test packages leave behind."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import asyncpg
import pytest

from tests.support.live import Stack
from tests.support.stack import TestDatabase

__all__ = ["Stack"]

_running: list[Stack] = []


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


@pytest.fixture(scope="session")
def stack(db: TestDatabase) -> Iterator[Stack]:
    asyncio.run(_park_earlier_events(db))
    s = Stack(db.env)
    _running.append(s)
    try:
        s.ensure_running()
        yield s
    finally:
        s.stop()


@pytest.fixture(autouse=True)
def _all_services_up(request: pytest.FixtureRequest) -> None:
    """Before each test: all four up again (a test that killed one and failed before starting
    it again does not take the next tests down with it)."""
    if "stack" in request.fixturenames:
        request.getfixturevalue("stack").ensure_running()


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After the last test that uses the stack, stop it: the tests that follow (other
    packages) must not have four relays delivering their outbox rows."""
    if not _running:
        return
    if nextitem is not None and "stack" in getattr(nextitem, "fixturenames", ()):
        return
    for s in _running:
        s.stop()  # a later e2e test that needs it again gets it restarted (ensure_running)
