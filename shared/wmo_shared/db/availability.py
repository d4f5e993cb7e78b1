"""Is the database out of reach? Told apart from a statement that was wrong, so that an outage
is answered 503 with Retry-After (``wmo_shared.problems``) and not 500; and did it refuse a
value (a 400)?"""

from __future__ import annotations

import traceback

import asyncpg
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# SQLSTATEs that say "the server is not there for you now": connection exceptions (class 08),
# admin / crash shutdown, starting up, too many connections.
_UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "53300"})
_DRIVER_MODULES = ("asyncpg", "sqlalchemy")


def _raised_in_driver(exc: BaseException) -> bool:
    return any(
        any(f"/{m}/" in frame.filename for m in _DRIVER_MODULES)
        for frame in traceback.extract_tb(exc.__traceback__)
    )


def database_unavailable(exc: BaseException) -> bool:
    """Does ``exc`` (or what caused it) say the service's database cannot be reached — down,
    restarting, refusing connections, a connection lost, the pool exhausted — rather than that
    a statement was wrong?"""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, DisconnectionError | PoolTimeout):
            return True
        sqlstate = getattr(current, "sqlstate", None)
        if isinstance(sqlstate, str) and (
            sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES
        ):
            return True
        if isinstance(current, asyncpg.exceptions.ConnectionDoesNotExistError):
            return True
        if isinstance(current, OSError) and _raised_in_driver(current):
            return True  # refused, reset, unreachable, or the connect timed out
        if isinstance(current, DBAPIError) and current.orig is not None:
            current = current.orig  # the driver's error (its own cause: asyncpg's, with SQLSTATE)
        else:
            current = current.__cause__ or current.__context__
    return False


# query_canceled: the statement ran into statement_timeout (or was cancelled by an operator).
_CANCELED_SQLSTATE = "57014"


def statement_timed_out(exc: BaseException) -> bool:
    """Did PostgreSQL cancel the statement behind ``exc`` (the statement timeout)?"""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) == _CANCELED_SQLSTATE:
            return True
        if isinstance(current, DBAPIError) and current.orig is not None:
            current = current.orig
        else:
            current = current.__cause__ or current.__context__
    return False


def rejected_value(exc: BaseException) -> str | None:
    """The SQLSTATE (class 22) of a value the database refused, from the driver's error or
    the one SQLAlchemy wraps; "22000" for a value asyncpg could not even encode for its
    parameter (out of range for the column's type); None for any other error."""
    orig = getattr(exc, "orig", None) if isinstance(exc, DBAPIError) else exc
    cause = getattr(orig, "__cause__", None)
    for error in (orig, cause):
        sqlstate = getattr(error, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate.startswith("22"):
            return sqlstate
        # asyncpg's own DataError (an InterfaceError that is a ValueError): a parameter it
        # could not encode, e.g. an integer beyond the column's bigint
        if isinstance(error, asyncpg.exceptions.InterfaceError) and isinstance(error, ValueError):
            return "22000"
    return None
