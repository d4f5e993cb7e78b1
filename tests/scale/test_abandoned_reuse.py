"""A statement abandoned at any moment (its request cancelled: the client went away) never fails
the next statements on the same pooled connection, and the pool logs no error for it (issue
17.3). asyncpg sends PostgreSQL a cancel request for the abandoned statement; if that cancel
could reach the backend after the connection had gone back to the pool, it would cancel a
stranger's statement (SQLSTATE 57014, answered 503). With one pooled connection and one
overflow, the next statements run on the abandoned one's connection at once, or on an overflow
connection that is closed as it comes back. No timings are asserted."""

from __future__ import annotations

import asyncio
import logging
import random

import pytest
from sqlalchemy import text

from tests.support.stack import TestDatabase
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database

ROUNDS = 300


async def test_an_abandoned_statement_never_fails_the_next_one(
    db: TestDatabase, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    database = Database(db.url("intake"), pool_size=1, max_overflow=1, statement_timeout_ms=5000)
    slaap = text("SELECT pg_sleep(:s)")
    een = DriverStatement(text("SELECT 1 AS een"))
    kapot: list[BaseException] = []
    rng = random.Random(17)

    async def afgebroken(manier: int, seconden: float) -> None:
        # the three ways a statement runs: on the driver, in a transaction, in autocommit
        if manier == 0:
            await database.fetch_row(DriverStatement(slaap), {"s": seconden})
        elif manier == 1:
            async with database.transaction() as conn:
                await conn.execute(slaap, {"s": seconden})
        else:
            async with database.single_statement() as conn:
                await conn.execute(slaap, {"s": seconden})

    async def daarna() -> None:
        try:
            for _ in range(3):
                row = await database.fetch_row(een, {})
                assert row is not None and row["een"] == 1
        except BaseException as exc:  # what the stranger would have seen
            kapot.append(exc)

    try:
        for ronde in range(ROUNDS):
            taak = asyncio.create_task(afgebroken(ronde % 3, rng.uniform(0.0005, 0.004)))
            await asyncio.sleep(rng.uniform(0, 0.005))  # before, during or after the statement
            taak.cancel()
            anderen = [asyncio.create_task(daarna()) for _ in range(3)]
            try:
                await taak
            except asyncio.CancelledError:
                pass
            await asyncio.gather(*anderen)
    finally:
        await database.dispose()
    assert not kapot, [repr(exc) for exc in kapot[:5]]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors[:5]]
