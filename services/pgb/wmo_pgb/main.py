"""The pgb service."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_pgb.api import (
    avg_inzageverzoeken,
    beleidswaarden,
    besluiten,
    budget_beschikkingen,
    budgetcijfers,
    budgetten,
    dossier_verzoeken,
    pgb_plannen,
    pgb_verzoeken,
    svb,
    toetsingen,
    vernietigingskandidaten,
)
from wmo_pgb.db.models import outbox
from wmo_pgb.domain.policy import SECTION, PgbBeleid
from wmo_pgb.service.feedlezers import FEEDS
from wmo_pgb.settings import PgbSettings
from wmo_pgb.version import API_VERSION
from wmo_shared.app import build_app
from wmo_shared.policy import default_registry


def create_app(settings: PgbSettings | None = None) -> FastAPI:
    settings = settings or PgbSettings()
    # Every pgb.yaml must be valid before the service takes a request.
    default_registry().validate_sections(SECTION, PgbBeleid)
    app = build_app(
        name="pgb",
        title="Wmo Pgb API",
        version=API_VERSION,
        description="Pgb-plan, pgb-toets en budget (Wmo 2015).",
        settings=settings,
        routers=[
            pgb_plannen.router,
            pgb_verzoeken.router,
            toetsingen.router,
            besluiten.router,
            budgetten.router,
            svb.router,
            budget_beschikkingen.router,
            beleidswaarden.router,
            dossier_verzoeken.router,
            avg_inzageverzoeken.router,
            budgetcijfers.router,
            vernietigingskandidaten.router,
        ],
        peers={"finance": settings.finance_url, "intake": settings.intake_url},
        outbox=outbox,
    )
    # How far the readers of its feeds are, for the alert WmoFeedAchterstand (issue 17.1).
    app.state.scrape_hooks = [FEEDS.scrape]
    return app
