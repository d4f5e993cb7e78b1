"""``python -m wmo_pgb.migrate``: bring schema ``pgb`` to the newest revision."""

from __future__ import annotations

from pathlib import Path

from wmo_pgb.db.models import SCHEMA
from wmo_pgb.settings import PgbSettings
from wmo_shared.db.migrate import upgrade

MIGRATIONS = Path(__file__).parent / "migrations"


def main() -> None:
    settings = PgbSettings()
    upgrade(MIGRATIONS, settings.migration_database_url or settings.database_url, SCHEMA)


if __name__ == "__main__":
    main()
