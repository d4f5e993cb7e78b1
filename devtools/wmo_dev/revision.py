"""``make revision SERVICE=intake MESSAGE="..."``: autogenerate an Alembic revision for one
service against a throw-away database migrated to head."""

from __future__ import annotations

import argparse
import asyncio
import importlib
from pathlib import Path

from alembic import command

from wmo_dev import postgres
from wmo_dev.stack import dev_passwords, service_env
from wmo_shared.db.bootstrap import bootstrap
from wmo_shared.db.migrate import make_config, upgrade


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("service")
    parser.add_argument("message")
    args = parser.parse_args()
    pkg = importlib.import_module(f"wmo_{args.service}")
    script = Path(pkg.__file__).parent / "migrations"  # type: ignore[arg-type]
    cluster = postgres.start()
    try:
        asyncio.run(bootstrap(cluster.admin_dsn, "wmo", dev_passwords()))
        url = service_env(cluster.port)[f"{args.service.upper()}_MIGRATION_DATABASE_URL"]
        upgrade(script, url, args.service)
        command.revision(
            make_config(script, url, args.service), message=args.message, autogenerate=True
        )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
