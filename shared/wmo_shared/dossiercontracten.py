"""Wire contracts of a resident's dossier (issue 14.1) and the AVG inzage (issue 14.5): what
intake asks of indicatie, pgb and finance about one person, and what they answer. Kept apart
from ``wmo_shared.contracts`` (which they build on) so each file stays one concept."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from wmo_shared.contracts import (
    EigenBijdrageRegime,
    IndicatieBesluit,
    Leveringsvorm,
    PgbBesluit,
    TegemoetkomingSoort,
)
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn

# --- the dossier of a resident (issue 14.1): each service's part, asked by intake -------------


class DossierVerzoek(WireModel):
    """``POST <svc> /api/v1/dossier-verzoeken`` (roles gebiedsteam, beheer; own gemeente only,
    every row read audited): the BSN in the body, never in a URL."""

    bsn: Bsn


class IndicatieDossier(WireModel):
    """indicatie's part of a dossier: every recorded version of the person's indicaties."""

    indicaties: list[IndicatieBesluit]


class PgbDossierPlan(WireModel):
    """One pgb-plan with its besluit and budget, and what was spent of it (SVB)."""

    besluit: PgbBesluit
    besteed_bedrag: Decimal | None = Field(
        default=None,
        description="Besteed volgens de geaccepteerde budgetafsluitingen van de SVB; leeg "
        "zolang er geen is",
    )
    overschreden: bool = Field(description="Een besteding boven het budget is gesignaleerd")


class PgbDossier(WireModel):
    """pgb's part of a dossier: the person's pgb-plannen, besluiten, budgets and spending."""

    plannen: list[PgbDossierPlan]


class TegemoetkomingDossier(WireModel):
    """One financiële tegemoetkoming as finance holds it (also when only ``berekend``)."""

    id: uuid.UUID
    soort: TegemoetkomingSoort
    status: str
    aanvraag_id: uuid.UUID | None = None
    bedrag: Decimal
    betaald_bedrag: Decimal
    besluitdatum: dt.date | None = None
    eigen_bijdrage: EigenBijdrageRegime | None = None


class CakVoorzieningDossier(WireModel):
    """The eigen-bijdrage regime of one maatwerkvoorziening in the CAK register (FIN-12)."""

    maatwerkvoorziening_id: uuid.UUID
    beschikking_id: uuid.UUID
    productcode: str
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    eigen_bijdrage: bool
    regime: Literal["abonnementstarief", "tegemoetkoming", "geen"]
    abonnementstarief: Decimal | None = None
    per_maand: Decimal | None = None
    bijdrage_vanaf: dt.date | None = None
    bijdrage_tot: dt.date | None = None


class EenmaligPgbDossier(WireModel):
    """One one-off pgb the gemeente pays straight to the supplier (FIN-05), with its payment."""

    id: uuid.UUID
    soort: TegemoetkomingSoort
    aanvraag_id: uuid.UUID | None = None
    besluitdatum: dt.date
    bedrag: Decimal
    leverancier: str = Field(description="Aan wie de gemeente betaalt")
    betaalstatus: Literal["open", "betaald", "geannuleerd"] = Field(
        description="open: nog niet betaald; geannuleerd: de beschikking eindigde voor de betaling"
    )
    betaaldatum: dt.date | None = None
    beeindigd_door: uuid.UUID | None = Field(
        default=None, description="De intrekking of herziening die het eenmalig pgb beëindigde"
    )
    gevolg: Literal["betaling-geannuleerd", "terugvordering-ter-beoordeling"] | None = Field(
        default=None,
        description="Wat het einde betekende: de betaling geannuleerd, of (al betaald) een "
        "terugvordering waarover de gemeente beslist",
    )


class FinanceDossier(WireModel):
    """finance's part of a dossier: tegemoetkomingen, one-off pgb's paid to the supplier and
    the eigen-bijdrage regime."""

    tegemoetkomingen: list[TegemoetkomingDossier]
    eenmalige_pgbs: list[EenmaligPgbDossier] = Field(default_factory=list)
    eigen_bijdrage: list[CakVoorzieningDossier]


# --- the AVG inzage (issue 14.5): what each service holds about a person, and who saw it -----


class AvgInzageVerzoek(WireModel):
    """``POST <svc> /api/v1/avg-inzageverzoeken`` (role beheer; own gemeente only, audited)."""

    bsn: Bsn


class AuditRegel(WireModel):
    """One row of a service's audit log: who (sub, role, gemeente) did what, when."""

    tijdstip: dt.datetime
    sub: str
    rol: str
    gemeente: str
    actie: str
    resource_type: str
    resource_id: str | None = None
    request_id: str | None = None


class AvgInzageDeel(WireModel):
    """What one service holds about the person (per table its rows, camelCase columns) and
    every audit row about those rows."""

    gegevens: dict[str, list[dict[str, Any]]]
    audit: list[AuditRegel]
