"""The finance service."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_finance.api import (
    avg_inzageverzoeken,
    beleidswaarden,
    bouwplan_toetsingen,
    cak,
    dossier_verzoeken,
    eenmalige_pgbs,
    eigen_bijdrage_berekeningen,
    financiele_cijfers,
    onderhoudsvergoedingen,
    tarieven,
    tegemoetkomingen,
    vernietigingskandidaten,
    vervoersvergoedingen,
)
from wmo_finance.service.beleid import valideer_beleid
from wmo_finance.service.feedlezers import FEEDS
from wmo_finance.settings import FinanceSettings
from wmo_finance.version import API_VERSION
from wmo_shared.app import build_app


async def _valideer_beleid(app: FastAPI) -> None:
    valideer_beleid()


def create_app(settings: FinanceSettings | None = None) -> FastAPI:
    settings = settings or FinanceSettings()
    app = build_app(
        name="finance",
        title="Wmo Finance API",
        version=API_VERSION,
        description=(
            "Tarieven, financiële tegemoetkoming, eigen bijdrage, vervoer en "
            "woonvoorzieningen (Wmo 2015)."
        ),
        settings=settings,
        routers=[
            tarieven.router,
            tegemoetkomingen.router,
            onderhoudsvergoedingen.router,
            eigen_bijdrage_berekeningen.router,
            vervoersvergoedingen.router,
            bouwplan_toetsingen.router,
            cak.router,
            eenmalige_pgbs.router,
            dossier_verzoeken.router,
            avg_inzageverzoeken.router,
            financiele_cijfers.router,
            beleidswaarden.router,
            vernietigingskandidaten.router,
        ],
        on_startup=[_valideer_beleid],
    )
    # How far the readers of its feeds are, for the alert WmoFeedAchterstand (issue 17.1).
    app.state.scrape_hooks = [FEEDS.scrape]
    return app
