"""A service with one test-only route that keeps PostgreSQL busy (``pg_sleep``), for the tests
that a statement runs under the statement timeout and that a request its client abandoned
stops its query. Settings from the environment without prefix (``DATABASE_URL``,
``STATEMENT_TIMEOUT_MS``, ``DEV_KEY_FILE``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request
from sqlalchemy import text

from wmo_shared.app import build_app
from wmo_shared.db.direct import DriverStatement
from wmo_shared.settings import ServiceSettings

router = APIRouter()


@router.get("/traag")
async def traag(
    request: Request,
    seconden: Annotated[float, Query(ge=0, le=3600)],
    merk: Annotated[str, Query(pattern=r"^[a-z0-9-]{1,64}$")],
    transactie: bool = False,
    driver: bool = False,
) -> dict[str, str]:
    """Sleeps ``seconden`` in PostgreSQL; ``merk`` ends up in the statement text, so a test
    finds it in pg_stat_activity. In a transaction, in autocommit, or (``driver``) as a hot
    single statement on the driver (``Database.fetch_row``)."""
    db = request.app.state.db
    statement = text(f"SELECT pg_sleep(:s) /* {merk} */")
    if driver:
        await db.fetch_row(DriverStatement(statement), {"s": seconden})
    elif transactie:
        async with db.transaction() as conn:
            await conn.execute(statement, {"s": seconden})
    else:
        async with db.single_statement() as conn:
            await conn.execute(statement, {"s": seconden})
    return {"klaar": merk}


@router.get("/instellingen")
async def instellingen(request: Request) -> dict[str, str]:
    async with request.app.state.db.single_statement() as conn:
        timeout = (await conn.exec_driver_sql("SHOW statement_timeout")).scalar_one()
        check = (await conn.exec_driver_sql("SHOW client_connection_check_interval")).scalar_one()
    return {"statement_timeout": timeout, "client_connection_check_interval": check}


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    return build_app(
        name="traag",
        title="traag",
        version="1.0.0",
        description="keeps the database busy on purpose",
        settings=settings or ServiceSettings(),
        routers=[router],
    )
