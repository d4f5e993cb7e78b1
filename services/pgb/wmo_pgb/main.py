"""The pgb service."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_pgb.settings import PgbSettings
from wmo_pgb.version import API_VERSION
from wmo_shared.app import build_app


def create_app(settings: PgbSettings | None = None) -> FastAPI:
    settings = settings or PgbSettings()
    return build_app(
        name="pgb",
        title="Wmo Pgb API",
        version=API_VERSION,
        description="Pgb-plan, pgb-toets en budget (Wmo 2015).",
        settings=settings,
        routers=[],
    )
