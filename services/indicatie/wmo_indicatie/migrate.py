"""``python -m wmo_indicatie.migrate``: bring schema ``indicatie`` to the newest revision."""

from __future__ import annotations

from pathlib import Path

from wmo_indicatie.db.models import SCHEMA
from wmo_indicatie.settings import IndicatieSettings
from wmo_shared.db.migrate import upgrade

MIGRATIONS = Path(__file__).parent / "migrations"


def main() -> None:
    settings = IndicatieSettings()
    upgrade(MIGRATIONS, settings.migration_database_url or settings.database_url, SCHEMA)


if __name__ == "__main__":
    main()
