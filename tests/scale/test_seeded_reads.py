"""The volume data of ``make seed-data`` is data the services can read (issue 17.2): a small
load of ``wmo_dev.seed`` in its own database, every kind of row it writes read back through
each service's API (in-process, contract-checked). A generator that writes rows a read model
rejects would make ``make bench SEEDED=1`` measure 500s instead of reads."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator, Callable, Iterator

import asyncpg
import httpx
import pytest

from tests.support.stack import (
    KEY_FILE,
    TestDatabase,
    app_client,
    auth,
    migrations_dir,
    settings_for,
)
from wmo_dev import seed
from wmo_dev.stack import dev_passwords, service_env
from wmo_shared.db.bootstrap import SERVICES, bootstrap
from wmo_shared.db.migrate import upgrade

SEEDED_DB = "wmo_seeded"
# 96 cases: every status (n % 8), every leveringsvorm (n % 3) in every gemeente (n % 4).
SIZE = 96


def _md5_uuid(kind: str, n: int) -> str:
    import hashlib
    import uuid

    return str(uuid.UUID(hashlib.md5(f"{kind}{n}".encode()).hexdigest()))


@pytest.fixture(scope="module")
def seeded(db: TestDatabase) -> Iterator[TestDatabase]:
    assert db.cluster is not None
    asyncio.run(bootstrap(db.admin_dsn, SEEDED_DB, dev_passwords()))
    env = service_env(db.cluster.port, db_name=SEEDED_DB, key_file=KEY_FILE, environment="test")
    for svc in SERVICES:
        upgrade(migrations_dir(svc), env[f"{svc.upper()}_MIGRATION_DATABASE_URL"], svc)
    database = TestDatabase(None, db.admin_dsn, env)

    async def load() -> None:
        for svc in SERVICES:
            conn = await asyncpg.connect(database.asyncpg_dsn(svc, "owner"))
            try:
                async with conn.transaction():
                    await seed.seed_service(conn, svc, SIZE)
            finally:
                await conn.close()

    asyncio.run(load())
    yield database


async def _client(service: str, database: TestDatabase) -> AsyncIterator[httpx.AsyncClient]:
    main = importlib.import_module(f"wmo_{service}.main")
    app = main.create_app(settings_for(service, database, outbox_enabled="false"))
    async with app_client(app) as client:
        yield client


def _cases(condition: Callable[[int], bool]) -> list[tuple[int, str]]:
    """(n, gemeente) of the seeded cases for which ``condition`` holds."""
    return [(n, seed.GEMEENTEN[n % 4]) for n in range(1, SIZE + 1) if condition(n)]


def _alle(n: int) -> bool:
    return True


def _met_beschikking(n: int) -> bool:
    """seed.MET_BESCHIKKING"""
    return n % 8 in (4, 5, 6, 7)


def _zin(n: int) -> bool:
    return _met_beschikking(n) and n % 3 == 0


def _pgb(n: int) -> bool:
    return _met_beschikking(n) and n % 3 == 1


def _tegemoetkoming(n: int) -> bool:
    return _met_beschikking(n) and n % 3 == 2


async def _read_all(
    service: str, database: TestDatabase, paths: list[tuple[str, str]]
) -> list[str]:
    """GET every (path, gemeente); the failures as text (all of them, not only the first)."""
    failures = []
    async for client in _client(service, database):
        for path, gemeente in paths:
            answer = await client.get(path, headers=auth("gebiedsteam", gemeente))
            if answer.status_code != 200:
                failures.append(f"{path}: {answer.status_code} {answer.text[:200]}")
    return failures


async def test_intake_reads_every_seeded_row(seeded: TestDatabase) -> None:
    paths = [(f"/api/v1/clienten/{_md5_uuid('client', n)}", g) for n, g in _cases(_alle)]
    paths += [(f"/api/v1/meldingen/{_md5_uuid('melding', n)}", g) for n, g in _cases(_alle)]
    paths += [
        (f"/api/v1/aanvragen/{_md5_uuid('aanvraag', n)}", g)
        for n, g in _cases(lambda n: n % 8 >= 2)
    ]
    paths += [
        (f"/api/v1/beschikkingen/{_md5_uuid('beschikking', n)}", g)
        for n, g in _cases(_met_beschikking)
    ]
    paths += [(f"/api/v1/opdrachten/{_md5_uuid('opdracht', n)}", g) for n, g in _cases(_zin)]
    paths += [
        (f"/api/v1/{lijst}", g) for lijst in ("opdrachten", "werkvoorraad") for g in seed.GEMEENTEN
    ]
    failures = await _read_all("intake", seeded, paths)
    async for client in _client("intake", seeded):
        for g in seed.GEMEENTEN:
            feed = await client.get("/api/v1/toewijzingen", headers=auth("beheer", g))
            if feed.status_code != 200:
                failures.append(f"toewijzingen {g}: {feed.status_code} {feed.text[:200]}")
    assert not failures, "\n".join(failures)


async def test_pgb_reads_every_seeded_row(seeded: TestDatabase) -> None:
    pgb_cases = _cases(_pgb)
    paths = [(f"/api/v1/budgetten/{_md5_uuid('budget', n)}", g) for n, g in pgb_cases]
    paths += [(f"/api/v1/pgb-plannen/{_md5_uuid('pgb_plan', n)}", g) for n, g in pgb_cases]
    paths += [(f"/api/v1/pgb-plannen/{_md5_uuid('pgb_plan', n)}/besluit", g) for n, g in pgb_cases]
    failures = await _read_all("pgb", seeded, paths)
    async for client in _client("pgb", seeded):
        for g in seed.GEMEENTEN:
            feed = await client.get("/api/v1/svb-toekenningen", headers=auth("financien", g))
            if feed.status_code != 200:
                failures.append(f"svb-toekenningen {g}: {feed.status_code} {feed.text[:200]}")
    assert not failures, "\n".join(failures)


async def test_indicatie_reads_every_seeded_row(seeded: TestDatabase) -> None:
    paths = [
        (f"/api/v1/indicaties/{_md5_uuid('indicatie', n)}", g) for n, g in _cases(_met_beschikking)
    ]
    failures = await _read_all("indicatie", seeded, paths)
    assert not failures, "\n".join(failures)


async def test_finance_reads_every_seeded_row(seeded: TestDatabase) -> None:
    paths = [
        (f"/api/v1/tegemoetkomingen/{_md5_uuid('tegemoetkoming', n)}", g)
        for n, g in _cases(_tegemoetkoming)
    ]
    failures = await _read_all("finance", seeded, paths)
    async for client in _client("finance", seeded):
        for g in seed.GEMEENTEN:
            feed = await client.get("/api/v1/cak-mutaties", headers=auth("financien", g))
            if feed.status_code != 200:
                failures.append(f"cak-mutaties {g}: {feed.status_code} {feed.text[:200]}")
    assert not failures, "\n".join(failures)
