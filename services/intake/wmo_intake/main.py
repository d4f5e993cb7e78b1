"""The intake service: melding, onderzoek, aanvraag, beschikking, opdracht."""

from __future__ import annotations

from fastapi import FastAPI

from wmo_intake.api import (
    aanbiedermeldingen,
    aanbieders,
    aanvragen,
    algemene_voorzieningen,
    avg_inzageverzoeken,
    behandelingen,
    beleidswaarden,
    beschikkingen,
    bezwaren,
    clienten,
    clientondersteuning,
    clientwijzigingen,
    doorverwijzingen,
    dossiers,
    evaluaties,
    huishouden,
    hulpmiddelen,
    indicatie_adviezen,
    ingebrekestellingen,
    iwmo_berichten,
    iwmo_verzoeken,
    klachten,
    managementinformatie,
    mantelzorgers,
    mantelzorgwaarderingen,
    meldingen,
    onderzoeken,
    opdrachten,
    opmerkingen,
    signaleringen,
    termijnaanpassingen,
    toewijzingen,
    vernietigingen,
    vernietigingskandidaten,
    verslagen,
    vertegenwoordigers,
    werkvoorraad,
    wisselingen,
    zoekopdrachten,
)
from wmo_intake.db import clientzoeken
from wmo_intake.db.models import outbox
from wmo_intake.domain.grenzen import MAX_IWMO_BERICHT_BYTES
from wmo_intake.service.beleid import valideer_alle
from wmo_intake.service.brief import BRIEFPROCES
from wmo_intake.service.feedlezers import FEEDS
from wmo_intake.service.werkvoorraad_metriek import termijnen_verlopen
from wmo_intake.settings import IntakeSettings
from wmo_intake.version import API_VERSION
from wmo_shared.app import Hook, build_app


def _letter_process(settings: IntakeSettings) -> tuple[Hook, Hook]:
    async def start(app: FastAPI) -> None:
        BRIEFPROCES.in_process = settings.letter_process
        BRIEFPROCES.idle_seconds = settings.letter_process_idle_seconds
        BRIEFPROCES.letters_per_process = settings.letter_process_letters

    async def stop(app: FastAPI) -> None:
        await BRIEFPROCES.aclose()

    return start, stop


def create_app(settings: IntakeSettings | None = None) -> FastAPI:
    settings = settings or IntakeSettings()
    # Every intake.yaml (and the finance.yaml norms intake reads) must be valid before the
    # service takes a request.
    valideer_alle()
    start_letters, stop_letters = _letter_process(settings)
    app = build_app(
        name="intake",
        title="Wmo Intake API",
        version=API_VERSION,
        description="Melding, onderzoek, aanvraag, beschikking en opdracht (Wmo 2015).",
        settings=settings,
        # Matched in this order among the routers a path can reach (wmo_shared.route_index):
        # the routes under /clienten come from several routers, the first match wins.
        routers=[
            clienten.router,
            werkvoorraad.router,
            zoekopdrachten.router,
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
            termijnaanpassingen.router,
            bezwaren.router,
            ingebrekestellingen.router,
            klachten.router,
            behandelingen.router,
            signaleringen.router,
            evaluaties.router,
            aanbieders.router,
            aanbiedermeldingen.router,
            wisselingen.router,
            iwmo_verzoeken.router,
            algemene_voorzieningen.router,
            doorverwijzingen.router,
            mantelzorgers.router,
            mantelzorgwaarderingen.router,
            beleidswaarden.router,
            hulpmiddelen.router,
            dossiers.router,
            avg_inzageverzoeken.router,
            vernietigingskandidaten.router,
            vernietigingen.router,
            managementinformatie.router,
        ],
        session_settings=clientzoeken.SESSIE,
        # A provider's monthly declaratie is megabytes of XML (domain.grenzen).
        body_limits={"/iwmo-berichten": MAX_IWMO_BERICHT_BYTES},
        peers={
            "pgb": settings.pgb_url,
            "indicatie": settings.indicatie_url,
            "finance": settings.finance_url,
        },
        outbox=outbox,
        on_startup=[start_letters],
        on_shutdown=[stop_letters],
    )
    # Overdue terms per gemeente and soort, for the alert WmoTermijnenVerlopen (issue 17.1).
    app.state.scrape_hooks = [termijnen_verlopen, FEEDS.scrape]  # and how far feed readers are
    return app
