"""Test support: one throw-away PostgreSQL per test run, bootstrapped and migrated like
production (separate roles, schemas and Alembic histories), and apps over real connections."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from wmo_dev import postgres
from wmo_dev.stack import dev_passwords, service_env
from wmo_shared.auth import mint_dev_token
from wmo_shared.db.bootstrap import SERVICES, bootstrap
from wmo_shared.db.migrate import upgrade

TEST_DB = "wmo_test"
KEY_FILE = Path(os.environ.get("WMO_TEST_KEY_FILE", "/tmp/wmo-test-jwt-key.pem"))


@dataclass
class TestDatabase:
    __test__ = False
    cluster: postgres.Cluster | None
    admin_dsn: str
    env: dict[str, str]

    def url(self, service: str, kind: str = "app") -> str:
        key = "DATABASE_URL" if kind == "app" else "MIGRATION_DATABASE_URL"
        return self.env[f"{service.upper()}_{key}"]

    def asyncpg_dsn(self, service: str, kind: str = "app") -> str:
        return (
            self.url(service, kind)
            .replace("postgresql+asyncpg://", "postgresql://")
            .replace("ssl=disable", "sslmode=disable")
        )


def migrations_dir(service: str) -> Path:
    import importlib

    pkg = importlib.import_module(f"wmo_{service}")
    return Path(pkg.__file__).parent / "migrations"  # type: ignore[arg-type]


def start_test_database() -> TestDatabase:
    # Throw-away: the one cluster that may trade durability for speed.
    cluster = postgres.start(durable=False)
    asyncio.run(bootstrap(cluster.admin_dsn, TEST_DB, dev_passwords()))
    env = service_env(cluster.port, db_name=TEST_DB, key_file=KEY_FILE, environment="test")
    for svc in SERVICES:
        upgrade(migrations_dir(svc), env[f"{svc.upper()}_MIGRATION_DATABASE_URL"], svc)
    return TestDatabase(cluster, cluster.admin_dsn, env)


def token(
    role: str = "gebiedsteam", gemeente: str = "0085", sub: str | None = None, **extra: Any
) -> str:
    return mint_dev_token(
        KEY_FILE,
        sub=sub or f"test-{role}",
        roles=role.split(","),
        gemeente=gemeente,
        extra=extra or None,
    )


def auth(role: str = "gebiedsteam", gemeente: str = "0085", **extra: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(role, gemeente, **extra)}"}


def settings_for(service: str, db: TestDatabase, **overrides: Any) -> Any:
    import importlib

    module = importlib.import_module(f"wmo_{service}.settings")
    cls = next(
        getattr(module, name)
        for name in dir(module)
        if name.endswith("Settings") and name != "ServiceSettings"
    )
    prefix = service.upper() + "_"
    values = {k[len(prefix) :].lower(): v for k, v in db.env.items() if k.startswith(prefix)}
    values.update(json_logs="false", **overrides)
    return cls(**values)


@asynccontextmanager
async def app_client(app: FastAPI, check_contract: bool = True) -> AsyncIterator[httpx.AsyncClient]:
    """The app over ASGI; with ``check_contract`` every JSON 2xx answer is validated against
    the schema its route publishes (tests/support/contract.py)."""
    from tests.support.contract import OpenApiContract

    hooks = {"response": [OpenApiContract(app.openapi()).async_hook]} if check_contract else {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", event_hooks=hooks
        ) as client:
            yield client
