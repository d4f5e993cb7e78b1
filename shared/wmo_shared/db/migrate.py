"""Alembic, one history per service with its version table in the service's own schema.

Each service has ``migrations/`` (env.py + versions) inside its package and a small
``python -m wmo_<svc>.migrate`` that calls :func:`upgrade`. Migrations run as a separate step
before the app starts (``make migrate``, a Kubernetes Job, a compose one-shot), as the schema
owner; the app never creates tables.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine


def make_config(script_location: Path, url: str, schema: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    cfg.attributes["schema"] = schema
    return cfg


def upgrade(script_location: Path, url: str, schema: str, revision: str = "head") -> None:
    command.upgrade(make_config(script_location, url, schema), revision)


def include_object(schema: str) -> Any:
    def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table":
            return bool(getattr(obj, "schema", None) == schema)
        return True

    return _include


def include_name(schema: str) -> Any:
    """Reflect only the service's own schema: its role may not even look into the others."""

    def _include(name: str | None, type_: str, parent_names: Any) -> bool:
        if type_ == "schema":
            return name == schema
        return True

    return _include


def run_env(metadata: MetaData, schema: str) -> None:
    """The body of every service's ``migrations/env.py``."""
    from alembic import context

    cfg = context.config
    url = cfg.get_main_option("sqlalchemy.url")
    assert url

    def do_run(connection: Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_object=include_object(schema),
            include_name=include_name(schema),
            compare_type=True,
            compare_server_default=False,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        # Migrations may run long (an index on a big table): no statement timeout, whatever the
        # role's or the database's default.
        engine = create_async_engine(
            url,
            poolclass=pool.NullPool,
            connect_args={"server_settings": {"statement_timeout": "0"}},
        )
        async with engine.connect() as conn:
            await conn.run_sync(do_run)
            await conn.commit()
        await engine.dispose()

    if context.is_offline_mode():
        context.configure(
            url=url, target_metadata=metadata, version_table_schema=schema, literal_binds=True
        )
        with context.begin_transaction():
            context.run_migrations()
    else:
        asyncio.run(run())


async def drift(url: str, metadata: MetaData, schema: str) -> list[Any]:
    """Differences between the models and the migrated database (empty = no drift)."""
    engine = create_async_engine(url, poolclass=pool.NullPool)

    def _compare(connection: Connection) -> list[Any]:
        ctx = MigrationContext.configure(
            connection,
            opts={
                "include_schemas": True,
                "include_object": include_object(schema),
                "include_name": include_name(schema),
                "compare_type": True,
                "version_table_schema": schema,
            },
        )
        return list(compare_metadata(ctx, metadata))

    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_compare)
    finally:
        await engine.dispose()


# --- operations the first migration of every service runs ------------------------------------


def audit_guard_sql(schema: str) -> list[str]:
    """Make the audit log append-only: no UPDATE/DELETE/TRUNCATE for the app role, and a trigger
    that refuses them for anyone (the owner included), so the history a bezwaar relies on holds."""
    app = f"{schema}_app"
    return [
        f'REVOKE UPDATE, DELETE, TRUNCATE ON "{schema}".audit FROM "{app}"',
        f"""CREATE FUNCTION "{schema}".audit_is_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit rows are append-only' USING ERRCODE = 'insufficient_privilege';
            END $$""",
        f"""CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "{schema}".audit
            FOR EACH ROW EXECUTE FUNCTION "{schema}".audit_is_append_only()""",
        f"""CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "{schema}".audit
            FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".audit_is_append_only()""",
    ]


def scope_idempotency_keys_per_gemeente(schema: str) -> None:
    """Migration step every service shares (issue 11): idempotency keys per (gemeente, sub,
    sleutel) and an index for expiry. Stored answers are transient, so old ones are dropped."""
    from alembic import op

    op.execute(f"TRUNCATE {schema}.idempotency_keys")
    op.drop_constraint("idempotency_keys_pkey", "idempotency_keys", schema=schema)
    op.execute(f"ALTER TABLE {schema}.idempotency_keys ADD COLUMN gemeente varchar(4) NOT NULL")
    op.create_primary_key(
        "idempotency_keys_pkey", "idempotency_keys", ["gemeente", "sub", "sleutel"], schema=schema
    )
    op.create_index(
        "ix_idempotency_keys_aangemaakt", "idempotency_keys", ["aangemaakt"], schema=schema
    )


def unscope_idempotency_keys(schema: str) -> None:
    from alembic import op

    op.execute(f"TRUNCATE {schema}.idempotency_keys")
    op.drop_index("ix_idempotency_keys_aangemaakt", "idempotency_keys", schema=schema)
    op.drop_constraint("idempotency_keys_pkey", "idempotency_keys", schema=schema)
    op.drop_column("idempotency_keys", "gemeente", schema=schema)
    op.create_primary_key(
        "idempotency_keys_pkey", "idempotency_keys", ["sleutel", "sub"], schema=schema
    )


def add_outbox_operations(schema: str) -> None:
    """Migration step of the services with an outbox (issues 12, 17): discarding a refused
    event with a reason, and the trace context that follows an event to its receiver."""
    import sqlalchemy as sa
    from alembic import op

    op.add_column("outbox", sa.Column("verworpen", sa.DateTime(timezone=True)), schema=schema)
    op.add_column("outbox", sa.Column("verworpen_reden", sa.Text()), schema=schema)
    op.add_column("outbox", sa.Column("verworpen_door", sa.String(200)), schema=schema)
    op.add_column("outbox", sa.Column("traceparent", sa.String(64)), schema=schema)
    op.create_index("ix_outbox_gemeente_id", "outbox", ["gemeente", "id"], schema=schema)


def drop_outbox_operations(schema: str) -> None:
    from alembic import op

    op.drop_index("ix_outbox_gemeente_id", "outbox", schema=schema)
    for column in ("traceparent", "verworpen_door", "verworpen_reden", "verworpen"):
        op.drop_column("outbox", column, schema=schema)


def create_feed_lezers(schema: str) -> None:
    """Migration step of the services with a feed (issue 17.1, feed lag)."""
    import sqlalchemy as sa
    from alembic import op

    op.create_table(
        "feed_lezers",
        sa.Column("feed", sa.String(40), primary_key=True),
        sa.Column("gemeente", sa.String(4), primary_key=True),
        sa.Column("positie", sa.BigInteger(), nullable=False),
        sa.Column("gelezen_op", sa.DateTime(timezone=True), nullable=False),
        schema=schema,
    )


def drop_feed_lezers(schema: str) -> None:
    from alembic import op

    op.drop_table("feed_lezers", schema=schema)
