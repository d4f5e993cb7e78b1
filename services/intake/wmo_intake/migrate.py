"""``python -m wmo_intake.migrate``: bring schema ``intake`` to the newest revision."""

from __future__ import annotations

from pathlib import Path

from wmo_intake.db.models import SCHEMA
from wmo_intake.settings import IntakeSettings
from wmo_shared.db.migrate import upgrade

MIGRATIONS = Path(__file__).parent / "migrations"


def main() -> None:
    settings = IntakeSettings()
    upgrade(MIGRATIONS, settings.migration_database_url or settings.database_url, SCHEMA)


if __name__ == "__main__":
    main()
