"""Create the database, and per service a schema with two login roles.

``<svc>_owner`` owns the schema and runs the migrations; ``<svc>_app`` is what the running
service logs in as: it may use its own schema only, and never update or delete audit rows.
Run once per environment with a superuser (``make run``/``make test`` do it for the embedded
server; docker-compose and Kubernetes run it as a job). Idempotent.
"""

from __future__ import annotations

import argparse
import asyncio
import os

import asyncpg

SERVICES = ("intake", "pgb", "indicatie", "finance")
# Extensions a service's migrations rely on, created in that service's schema by the superuser
# who bootstraps (the owner roles may not create extensions): intake's fuzzy name search.
EXTENSIONS = {"intake": ("pg_trgm",)}


def _q(ident: str) -> str:
    if not ident.replace("_", "").isalnum():  # a check, not an assert: -OO drops asserts
        raise ValueError(f"not an identifier: {ident!r}")
    return '"' + ident + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


async def bootstrap(admin_dsn: str, database: str, passwords: dict[str, str]) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await conn.execute(f"CREATE DATABASE {_q(database)}")
    finally:
        await conn.close()
    base, _, _ = admin_dsn.rpartition("/")
    conn = await asyncpg.connect(f"{base}/{database}")
    try:
        await conn.execute(f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC")
        await conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        for svc in SERVICES:
            owner, app = f"{svc}_owner", f"{svc}_app"
            for role, pw in ((owner, passwords[owner]), (app, passwords[app])):
                if await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role):
                    await conn.execute(f"ALTER ROLE {_q(role)} WITH LOGIN PASSWORD {_lit(pw)}")
                else:
                    await conn.execute(f"CREATE ROLE {_q(role)} WITH LOGIN PASSWORD {_lit(pw)}")
                await conn.execute(f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(role)}")
            await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {_q(svc)} AUTHORIZATION {_q(owner)}")
            await conn.execute(f"REVOKE ALL ON SCHEMA {_q(svc)} FROM PUBLIC")
            await conn.execute(f"GRANT USAGE ON SCHEMA {_q(svc)} TO {_q(app)}")
            # No search_path to the service schema: every name is schema-qualified, and with
            # the schema on the search_path PostgreSQL reports foreign keys unqualified, which
            # makes Alembic's drift check see differences that are not there.
            await conn.execute(f"ALTER ROLE {_q(owner)} RESET search_path")
            await conn.execute(f"ALTER ROLE {_q(app)} RESET search_path")
            await conn.execute(
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA {_q(svc)} "
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {_q(app)}"
            )
            await conn.execute(
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA {_q(svc)} "
                f"GRANT USAGE, SELECT ON SEQUENCES TO {_q(app)}"
            )
            for extension in EXTENSIONS.get(svc, ()):
                await conn.execute(
                    f"CREATE EXTENSION IF NOT EXISTS {_q(extension)} SCHEMA {_q(svc)}"
                )
    finally:
        await conn.close()


def passwords_from_env(default: str | None = None) -> dict[str, str]:
    """``WMO_DB_PASSWORD_<ROLE>`` per role; ``default`` only for throw-away local servers."""
    out = {}
    for svc in SERVICES:
        for role in (f"{svc}_owner", f"{svc}_app"):
            pw = os.environ.get(f"WMO_DB_PASSWORD_{role.upper()}", default)
            if not pw:
                raise SystemExit(f"WMO_DB_PASSWORD_{role.upper()} is not set")
            out[role] = pw
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--admin-dsn", default=os.environ.get("WMO_ADMIN_DSN"), required=False)
    parser.add_argument("--database", default=os.environ.get("WMO_DB_NAME", "wmo"))
    args = parser.parse_args()
    if not args.admin_dsn:
        raise SystemExit("--admin-dsn or WMO_ADMIN_DSN is required")
    asyncio.run(bootstrap(args.admin_dsn, args.database, passwords_from_env()))
    print("bootstrap: schemas and roles in place")


if __name__ == "__main__":
    main()
