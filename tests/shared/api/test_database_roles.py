"""Each service's role can use its own schema only, and the audit log is append-only."""

from __future__ import annotations

import asyncpg
import pytest

from tests.support.stack import TestDatabase
from wmo_shared.db.bootstrap import SERVICES


async def test_intake_role_cannot_read_pgb_tables(db: TestDatabase) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.fetch("SELECT * FROM pgb.audit")
    finally:
        await conn.close()


@pytest.mark.parametrize("service", SERVICES)
async def test_app_role_cannot_change_audit_rows(db: TestDatabase, service: str) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn(service))
    try:
        await conn.execute(
            f"INSERT INTO {service}.audit (sub, rol, gemeente, actie, resource_type) "
            "VALUES ('t', 'beheer', '0085', 'test', 'test')"
        )
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(f"UPDATE {service}.audit SET sub = 'x'")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(f"DELETE FROM {service}.audit")
    finally:
        await conn.close()


async def test_even_the_owner_cannot_rewrite_audit(db: TestDatabase) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM intake.audit")
    finally:
        await conn.close()


@pytest.mark.parametrize("service", SERVICES)
async def test_version_table_lives_in_own_schema(db: TestDatabase, service: str) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn(service, "owner"))
    try:
        version = await conn.fetchval(f"SELECT version_num FROM {service}.alembic_version")
    finally:
        await conn.close()
    assert version
