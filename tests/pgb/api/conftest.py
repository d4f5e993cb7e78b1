"""Fixtures of the pgb API tests: the real finance app served over HTTP by uvicorn in a
background thread, and a pgb app whose finance_url points there (the budget's tariff call
crosses a real socket). Intake is the session's in-process app, over ASGI: a pgb-plan or
pgb-verzoek on an aanvraag rests on a real intake aanvraag (issue 12.1)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import uvicorn

from tests.pgb.api import helpers
from tests.support.aanvragen import app_van, verbind
from tests.support.stack import TestDatabase, app_client, settings_for


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def finance_url(db: TestDatabase) -> Iterator[str]:
    from wmo_finance.main import create_app

    app = create_app(settings_for("finance", db, outbox_enabled="false"))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, name="finance-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("finance did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="package", autouse=True)
def _intake(intake: httpx.AsyncClient) -> Iterator[httpx.AsyncClient]:
    """The in-process intake app, where ``helpers.aanvraag_van`` files real aanvragen."""
    helpers.INTAKE.append(intake)
    yield intake
    helpers.INTAKE.remove(intake)


async def _met_intake(
    client: httpx.AsyncClient, intake: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    voor = verbind(client, intake=intake)
    yield client
    app_van(client).state.clients.update(voor)


@pytest.fixture(scope="session")
async def pgb_api(
    db: TestDatabase, finance_url: str, intake: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """The pgb app with finance reachable over HTTP and the in-process intake."""
    from wmo_pgb.main import create_app

    app = create_app(settings_for("pgb", db, finance_url=finance_url, outbox_enabled="false"))
    async with app_client(app) as client:
        async for c in _met_intake(client, intake):
            yield c


@pytest.fixture(scope="session")
async def pgb_zonder_finance(
    db: TestDatabase, intake: httpx.AsyncClient
) -> AsyncIterator[httpx.AsyncClient]:
    """The pgb app with finance down (nothing listens on its port)."""
    from wmo_pgb.main import create_app

    url = f"http://127.0.0.1:{_free_port()}"
    app = create_app(settings_for("pgb", db, finance_url=url, outbox_enabled="false"))
    async with app_client(app) as client:
        async for c in _met_intake(client, intake):
            yield c
