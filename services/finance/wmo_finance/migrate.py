"""``python -m wmo_finance.migrate``: bring schema ``finance`` to the newest revision."""

from __future__ import annotations

from pathlib import Path

from wmo_finance.db.models import SCHEMA
from wmo_finance.settings import FinanceSettings
from wmo_shared.db.migrate import upgrade

MIGRATIONS = Path(__file__).parent / "migrations"


def main() -> None:
    settings = FinanceSettings()
    upgrade(MIGRATIONS, settings.migration_database_url or settings.database_url, SCHEMA)


if __name__ == "__main__":
    main()
