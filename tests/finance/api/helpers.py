"""Test data for the finance API tests: unique BSNs and codes per run (the DB is shared)."""

from __future__ import annotations

import itertools
import random
import string
from typing import Any

import asyncpg

from tests.support.stack import TestDatabase

_teller = itertools.count(random.randrange(10**6, 9 * 10**6, 1000))


def bsn() -> str:
    """A fresh valid BSN (11-proef)."""
    while True:
        base = f"{next(_teller) % 10**8:08d}"
        total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
        last = total % 11
        if last != 10:
            return base + str(last)


def productcode() -> str:
    """A random 5-character productcode no policy uses."""
    return "Q" + "".join(random.choices(string.ascii_uppercase + string.digits, k=4))


async def fetch(db: TestDatabase, sql: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn("finance", "owner"))
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


def problem(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = r.json()
    return body


def param_names(body: dict[str, Any]) -> list[str]:
    return [p["name"] for p in body.get("invalidParams") or []]
