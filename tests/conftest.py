from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from hypothesis import HealthCheck, settings

from tests.support.stack import TestDatabase, app_client, settings_for, start_test_database

# Tests never assert timings: no per-example deadline, and no failure when a loaded CI machine
# generates inputs slowly (both are Hypothesis' timing checks).
settings.register_profile(
    "wmo", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("wmo")


@pytest.fixture(scope="session")
def db() -> Iterator[TestDatabase]:
    database = start_test_database()
    os.environ.update({k: v for k, v in database.env.items() if k.endswith("_DEV_KEY_FILE")})
    try:
        yield database
    finally:
        if database.cluster is not None:
            database.cluster.stop()


# Services whose every JSON answer in the tests is checked against their published OpenAPI.
CONTRACT_CHECKED: set[str] = {"intake", "pgb", "indicatie", "finance"}


async def _client(service: str, db: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    import importlib

    main = importlib.import_module(f"wmo_{service}.main")
    app = main.create_app(settings_for(service, db, outbox_enabled="false"))
    async with app_client(app, check_contract=service in CONTRACT_CHECKED) as client:
        yield client


@pytest.fixture(scope="session")
async def intake(db: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client("intake", db):
        yield c


@pytest.fixture(scope="session")
async def pgb(db: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client("pgb", db):
        yield c


@pytest.fixture(scope="session")
async def indicatie(db: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client("indicatie", db):
        yield c


@pytest.fixture(scope="session")
async def finance(db: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client("finance", db):
        yield c
