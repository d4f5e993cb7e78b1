"""The service's async engine (asyncpg), created at start-up, never at import."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine


class Database:
    """Holds the engine; routes open a transaction or an autocommit connection per unit of work."""

    def __init__(self, url: str, *, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.engine: AsyncEngine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_pre_ping=False,
            pool_recycle=1800,
        )
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

    async def ping(self) -> None:
        async with self.autocommit_engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def dispose(self) -> None:
        await self.engine.dispose()
