"""An outage is told apart from a wrong statement (503 versus 400 or 500)."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from wmo_shared.db.availability import database_unavailable


class _Orig(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _caused_by(cause: BaseException) -> Exception:
    try:
        raise RuntimeError("wrapped") from cause
    except RuntimeError as exc:
        return exc


def _raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (DBAPIError("SELECT 1", {}, _Orig("XX000"), connection_invalidated=True), True),
        (DBAPIError("SELECT 1", {}, _Orig("08006")), True),
        (DBAPIError("SELECT 1", {}, _Orig("57P01")), True),
        (DBAPIError("SELECT 1", {}, _Orig("53300")), True),
        (DBAPIError("INSERT", {}, _Orig("22003")), False),
        (DBAPIError("INSERT", {}, _Orig("23505")), False),
        (asyncpg.exceptions.CannotConnectNowError("starting up"), True),
        (_caused_by(asyncpg.exceptions.ConnectionDoesNotExistError("gone")), True),
        (PoolTimeout("QueuePool limit reached"), True),
        (DisconnectionError("closed"), True),
        (_raised(ConnectionRefusedError(111, "refused")), False),  # not from the driver
        (_raised(FileNotFoundError("x")), False),
        (ValueError("x"), False),
    ],
)
def test_outage_or_not(exc: BaseException, expected: bool) -> None:
    assert database_unavailable(exc) is expected
