"""One source of truth for what a Wmo database holds: ``wmo_shared.db.bootstrap``.

The CloudNativePG cluster cannot run that Python (its roles are managed by the operator), so
``deploy/bootstrap_sql.py`` generates the SQL it runs at initdb from it. These tests keep the
committed SQL current, and show that a database set up by the SQL grants exactly what one set up
by the Python bootstrap grants, before and after every service's migrations (which make the
audit tables insert/select only for the app role).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from typing import Any

import asyncpg

from deploy.bootstrap_sql import DATABASE_PLACEHOLDER, TARGET, generate
from tests.deploy.render import ROOT
from tests.support.stack import TEST_DB, TestDatabase, migrations_dir
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.db.migrate import upgrade

SQL_DB = "wmo_from_generated_sql"


def test_the_committed_sql_is_what_the_python_bootstrap_generates() -> None:
    assert TARGET.read_text() == generate(), "run: python deploy/bootstrap_sql.py"
    check = subprocess.run(
        [sys.executable, "deploy/bootstrap_sql.py", "--check"], cwd=ROOT, capture_output=True
    )
    assert check.returncode == 0, check.stderr


def test_the_generated_sql_creates_no_database_and_holds_no_password() -> None:
    sql = generate()
    statements = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    assert "CREATE DATABASE" not in statements
    assert "PASSWORD" not in statements.upper()
    for svc in SERVICES:
        assert f'CREATE SCHEMA IF NOT EXISTS "{svc}" AUTHORIZATION "{svc}_owner"' in sql


PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


async def _grants(dsn: str, database: str) -> dict[str, Any]:
    conn = await asyncpg.connect(dsn)
    try:
        roles = [f"{s}_{k}" for s in SERVICES for k in ("owner", "app")]
        schemas = await conn.fetch(
            "SELECT nspname, pg_get_userbyid(nspowner) AS owner, nspacl::text[] AS acl "
            "FROM pg_namespace WHERE nspname = ANY($1::text[]) ORDER BY nspname",
            [*SERVICES, "public"],
        )
        defaults = await conn.fetch(
            "SELECT pg_get_userbyid(d.defaclrole) AS role, n.nspname, d.defaclobjtype, "
            "d.defaclacl::text[] AS acl FROM pg_default_acl d "
            "JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2, 3"
        )
        datacl = await conn.fetchval(
            "SELECT datacl::text[] FROM pg_database WHERE datname = $1", database
        )
        tables = await conn.fetch(
            "SELECT n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner) AS owner "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'S', 'v') "
            "ORDER BY 1, 2",
            list(SERVICES),
        )
        privileges = {}
        for t in tables:
            name = f'"{t["nspname"]}"."{t["relname"]}"'
            for role in roles:
                if t["relkind"] == "S":
                    checks = [
                        (
                            p,
                            await conn.fetchval(
                                "SELECT has_sequence_privilege($1, $2, $3)", role, name, p
                            ),
                        )
                        for p in ("USAGE", "SELECT", "UPDATE")
                    ]
                else:
                    checks = [
                        (
                            p,
                            await conn.fetchval(
                                "SELECT has_table_privilege($1, $2, $3)", role, name, p
                            ),
                        )
                        for p in PRIVILEGES
                    ]
                privileges[(name, role)] = tuple(p for p, ok in checks if ok)
        return {
            "schemas": [dict(r) for r in schemas],
            "defaults": [dict(r) for r in defaults],
            "database": sorted(datacl or []),
            "tables": [dict(r) for r in tables],
            "privileges": privileges,
        }
    finally:
        await conn.close()


async def _recreate(admin_dsn: str) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{SQL_DB}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{SQL_DB}"')
    finally:
        await conn.close()


async def _run_sql(dsn: str, sql: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _on(dsn: str, database: str) -> str:
    base, _, query = dsn.partition("?")
    base = base.rpartition("/")[0] + "/" + database
    return f"{base}?{query}" if query else base


def test_the_sql_grants_exactly_what_the_python_bootstrap_grants(db: TestDatabase) -> None:
    admin = db.admin_dsn
    asyncio.run(_recreate(admin))
    try:
        sql = generate().replace(f'"{DATABASE_PLACEHOLDER}"', f'"{SQL_DB}"')
        # CloudNativePG runs it once; it is idempotent all the same.
        asyncio.run(_run_sql(_on(admin, SQL_DB), sql))
        asyncio.run(_run_sql(_on(admin, SQL_DB), sql))
        for svc in SERVICES:
            owner_url = db.url(svc, "owner")
            upgrade(migrations_dir(svc), _on(owner_url, SQL_DB), svc)
        from_python = asyncio.run(_grants(_on(admin, TEST_DB), TEST_DB))
        from_sql = asyncio.run(_grants(_on(admin, SQL_DB), SQL_DB))
        assert len(from_sql["tables"]) > 4 * 3 and from_sql["defaults"], "compares something"
        rename = {"database": [a.replace(SQL_DB, TEST_DB) for a in from_sql["database"]]}
        assert {**from_sql, **rename} == from_python
        # And what that means for the audit log: the service appends and reads, nothing more.
        for svc in SERVICES:
            audit = from_sql["privileges"][(f'"{svc}"."audit"', f"{svc}_app")]
            assert audit == ("SELECT", "INSERT"), svc
    finally:
        asyncio.run(_drop(admin))


async def _drop(admin_dsn: str) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{SQL_DB}" WITH (FORCE)')
    finally:
        await conn.close()
