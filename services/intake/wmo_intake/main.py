"""The intake service: melding, onderzoek, aanvraag, beschikking, opdracht."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_intake.api import (
    aanvragen,
    avg_inzageverzoeken,
    beleidswaarden,
    beschikkingen,
    bezwaren,
    clienten,
    clientondersteuning,
    clientwijzigingen,
    dossiers,
    huishouden,
    indicatie_adviezen,
    ingebrekestellingen,
    iwmo_berichten,
    klachten,
    managementinformatie,
    meldingen,
    onderzoeken,
    opdrachten,
    opmerkingen,
    termijnaanpassingen,
    toewijzingen,
    vernietigingskandidaten,
    verslagen,
    vertegenwoordigers,
    werkvoorraad,
)
from wmo_intake.db.models import outbox
from wmo_intake.service.beleid import valideer_alle
from wmo_intake.settings import IntakeSettings
from wmo_intake.version import API_VERSION
from wmo_shared.app import build_app


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    settings = settings or IntakeSettings()
    # Every intake.yaml must be valid before the service takes a request.
    valideer_alle()
    return build_app(
        name="intake",
        title="Wmo Intake API",
        version=API_VERSION,
        description="Melding, onderzoek, aanvraag, beschikking en opdracht (Wmo 2015).",
        settings=settings,
        routers=[
            clienten.router,
            clientwijzigingen.router,
            vertegenwoordigers.router,
            huishouden.router,
            meldingen.router,
            clientondersteuning.router,
            opmerkingen.router,
            onderzoeken.router,
            indicatie_adviezen.router,
            verslagen.router,
            aanvragen.router,
            beschikkingen.router,
            opdrachten.router,
            toewijzingen.router,
            iwmo_berichten.router,
            werkvoorraad.router,
            termijnaanpassingen.router,
            bezwaren.router,
            ingebrekestellingen.router,
            klachten.router,
            dossiers.router,
            avg_inzageverzoeken.router,
            beleidswaarden.router,
            vernietigingskandidaten.router,
            managementinformatie.router,
        ],
        peers={
            "pgb": settings.pgb_url,
            "indicatie": settings.indicatie_url,
            "finance": settings.finance_url,
        },
        outbox=outbox,
    )
