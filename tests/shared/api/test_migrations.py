"""Models and migrations do not drift; a fresh database migrates to head (the session fixture
did that on an empty database)."""

from __future__ import annotations

import importlib

import pytest

from tests.support.stack import TestDatabase
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.db.migrate import drift


@pytest.mark.parametrize("service", SERVICES)
async def test_models_match_migrations(db: TestDatabase, service: str) -> None:
    models = importlib.import_module(f"wmo_{service}.db.models")
    diff = await drift(db.url(service, "owner"), models.metadata, service)
    assert diff == [], f"{service}: models and migrations differ: {diff}"
