"""The indicatie service."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_indicatie.api import adviezen, indicaties
from wmo_indicatie.service.beleid import valideer_alle_normenkaders
from wmo_indicatie.settings import IndicatieSettings
from wmo_indicatie.version import API_VERSION
from wmo_shared.app import build_app


async def _check_policies(app: FastAPI) -> None:
    valideer_alle_normenkaders()


def create_app(settings: IndicatieSettings | None = None) -> FastAPI:
    settings = settings or IndicatieSettings()
    return build_app(
        name="indicatie",
        title="Wmo Indicatie API",
        version=API_VERSION,
        description="Indicatiestelling begeleiding volgens het normenkader (Wmo 2015).",
        settings=settings,
        routers=[adviezen.router, indicaties.router],
        on_startup=[_check_policies],
    )
