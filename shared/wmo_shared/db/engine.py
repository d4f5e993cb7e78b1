"""The service's async engine (asyncpg), created at start-up, never at import.

A connection the server has closed (a restart, a failover, an outage now over) is never handed
to a request: on checkout the pool looks whether the driver saw the connection close (free: no
round trip) and pings one that sat idle for a while (the server may have gone away without a
word); a broken one is replaced before any statement runs. So the first request after the
database returns succeeds, without the three round trips ``pool_pre_ping`` costs on every
checkout. Connecting gives up after ``connect_timeout`` seconds, so an unreachable database
gives a quick 503 (``wmo_shared.problems``) instead of a hanging request.

Every statement runs under a server-side ``statement_timeout`` set on each connection as it is
opened (asyncpg ``server_settings``, no extra round trip): PostgreSQL itself cancels a statement
that runs longer, so neither a slow query nor a lock wait holds a connection and a worker for
ever; the request is answered 503 (``wmo_shared.problems``). A request whose client went away is
cancelled by ``wmo_shared.middleware``; asyncpg then sends PostgreSQL a cancel request for the
statement it was running. ``client_connection_check_interval`` makes the server look, during a
long statement, whether the client's socket is still there (a killed worker, a dropped pool).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, cast

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.util.concurrency import greenlet_spawn

from wmo_shared.db.direct import DriverStatement

# A connection idle longer than this is pinged before use (busy ones are not: they were used
# moments ago, and a closed socket shows without a round trip).
IDLE_PING_SECONDS = 30.0
_IDLE_SINCE = "wmo_idle_since"


def _replace_broken_connections(engine: AsyncEngine) -> None:
    pool = engine.sync_engine.pool

    @event.listens_for(pool, "checkin")
    def _checked_in(dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        driver = getattr(dbapi_connection, "driver_connection", None)
        if driver is not None and driver.is_closed():
            raise DisconnectionError("the server closed this connection")
        idle_since = record.info.pop(_IDLE_SINCE, None)
        if idle_since is not None and time.monotonic() - idle_since > IDLE_PING_SECONDS:
            try:
                dbapi_connection.ping()
            except Exception as exc:
                raise DisconnectionError("an idle connection no longer answers") from exc


def server_settings(
    *, statement_timeout_ms: int = 0, client_check_interval_ms: int = 0
) -> dict[str, str]:
    """The session settings every connection of the pool starts with."""
    return {
        "statement_timeout": str(statement_timeout_ms),
        "client_connection_check_interval": str(client_check_interval_ms),
        # No JIT compilation: a request's statement reads a page or a row, and a plan costed
        # above jit_above_cost (a generic plan that guesses a tenth of a table) spent 18 ms
        # compiling for a 0.6 ms page at a million rows (issue 17.3).
        "jit": "off",
    }


class Database:
    """Holds the engine; routes open a transaction or an autocommit connection per unit of work."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 10,
        max_overflow: int = 10,
        connect_timeout: float = 5.0,
        statement_timeout_ms: int = 0,
        client_check_interval_ms: int = 0,
        session_settings: Mapping[str, str] | None = None,
    ) -> None:
        """``statement_timeout_ms``: the server cancels a statement that runs longer (0: no
        limit); ``client_check_interval_ms``: how often the server checks, during a statement,
        that the connection is still there (0: only when it next writes to it);
        ``session_settings``: the service's own settings for every connection (e.g. an
        extension's threshold), sent as the connection opens."""
        self.statement_timeout_ms = statement_timeout_ms
        self.engine: AsyncEngine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_pre_ping=False,  # see the module docstring: checked on checkout, cheaper
            pool_recycle=1800,
            connect_args={
                "timeout": connect_timeout,
                "server_settings": {
                    **server_settings(
                        statement_timeout_ms=statement_timeout_ms,
                        client_check_interval_ms=client_check_interval_ms,
                    ),
                    **(session_settings or {}),
                },
            },
        )
        _replace_broken_connections(self.engine)
        self._pool = self.engine.sync_engine.pool
        # Single statements (a read plus its audit row in one CTE) need no BEGIN/COMMIT.
        self.autocommit_engine: AsyncEngine = self.engine.execution_options(
            isolation_level="AUTOCOMMIT"
        )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def single_statement(self) -> AsyncIterator[AsyncConnection]:
        async with self.autocommit_engine.connect() as conn:
            yield conn

    async def fetch_row(
        self, statement: DriverStatement, params: Mapping[str, Any]
    ) -> Mapping[str, Any] | None:
        """The one row (or None) of a hot single statement, straight on the driver
        (``wmo_shared.db.direct``): a connection from the pool, no transaction."""
        rows = await self._on_driver(statement, params, "fetchrow")
        return cast("Mapping[str, Any] | None", rows)

    async def fetch_rows(
        self, statement: DriverStatement, params: Mapping[str, Any]
    ) -> list[Mapping[str, Any]]:
        """Every row of a hot single statement (a feed page), as ``fetch_row``."""
        return cast("list[Mapping[str, Any]]", await self._on_driver(statement, params, "fetch"))

    async def _on_driver(
        self, statement: DriverStatement, params: Mapping[str, Any], method: str
    ) -> Any:
        sql, args = statement.arguments(self.engine.dialect, params)
        fairy = await greenlet_spawn(self._pool.connect)
        driver: Any = fairy.driver_connection
        try:
            return await getattr(driver, method)(sql, *args)
        except BaseException:
            if driver.is_closed():
                fairy.invalidate()  # never back into the pool: the next checkout opens anew
            raise
        finally:
            await greenlet_spawn(fairy.close)

    async def ping(self) -> None:
        async with self.autocommit_engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()
