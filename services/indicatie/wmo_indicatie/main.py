"""The indicatie service."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from wmo_indicatie.api import (
    adviezen,
    avg_inzageverzoeken,
    beleidswaarden,
    dossier_verzoeken,
    indicaties,
    vernietigingskandidaten,
)
from wmo_indicatie.domain.vastlegging import IndicatieOngeldig
from wmo_indicatie.service.beleid import valideer_alle_normenkaders
from wmo_indicatie.settings import IndicatieSettings
from wmo_indicatie.version import API_VERSION
from wmo_shared.app import build_app
from wmo_shared.problems import InvalidParam, problem_response


async def _check_policies(app: FastAPI) -> None:
    valideer_alle_normenkaders()


async def _indicatie_ongeldig(request: Request, exc: Exception) -> Response:
    """Like every ``Weigering``, but each violation keeps its own code in invalidParams (the
    shared handler gives all fields the one code of the refusal)."""
    assert isinstance(exc, IndicatieOngeldig)
    return problem_response(
        request,
        status=400,
        code=exc.code,
        title="Het verzoek is in strijd met een regel.",
        detail=exc.toelichting,
        invalid_params=[
            InvalidParam(name=v.field, code=v.code, reason=v.reason) for v in exc.violations
        ],
        rules=exc.rule_ids,
    )


def create_app(settings: IndicatieSettings | None = None) -> FastAPI:
    settings = settings or IndicatieSettings()
    app = build_app(
        name="indicatie",
        title="Wmo Indicatie API",
        version=API_VERSION,
        description="Indicatiestelling begeleiding volgens het normenkader (Wmo 2015).",
        settings=settings,
        routers=[
            adviezen.router,
            indicaties.router,
            dossier_verzoeken.router,
            avg_inzageverzoeken.router,
            beleidswaarden.router,
            vernietigingskandidaten.router,
        ],
        peers={"intake": settings.intake_url},
        on_startup=[_check_policies],
    )
    app.add_exception_handler(IndicatieOngeldig, _indicatie_ongeldig)
    return app
