"""Wire schemas of the eigen bijdrage: the schedule stored on a granted tegemoetkoming (FIN-08)
and the what-if calculation (FIN-08, FIN-09)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_finance.domain.eigen_bijdrage import HulpmiddelVorm
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.schemas.grenzen import Geld, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class TermijnRead(WireModel):
    volgnummer: int
    datum: dt.date
    bedrag: Decimal
    gedeeltelijk: bool


class EigenBijdrageSchemaRead(WireModel):
    """FIN-08: the eigen bijdrage on a tegemoetkoming, month by month, capped."""

    tegemoetkoming_id: uuid.UUID
    versie: int
    voorziening: VoorzieningSoort
    ingangsdatum: dt.date
    per_maand: Decimal
    plafond: Decimal
    max_maanden: int | None
    aantal_maanden: int
    totaal: Decimal
    einddatum: dt.date | None
    einddatum_gebruik: dt.date | None = Field(
        default=None, description="Einde van het gebruik zoals de beschikking het meldde"
    )
    termijnen: list[TermijnRead]
    regels: list[RegelRead]


class EigenBijdrageBerekeningCreate(WireModel):
    """``grondslag``: ``tegemoetkoming`` (FIN-08: a fixed amount a month, capped by the amount
    granted and the maximum duration of its kind) or ``hulpmiddel`` (FIN-09: a hulpmiddel of the
    contracted supplier, in ownership up to the line, else on loan; the CAK's abonnementstarief
    a month up to the kostprijs)."""

    grondslag: Literal["tegemoetkoming", "hulpmiddel"]
    peildatum: Zaakdatum
    ingangsdatum: Zaakdatum = Field(description="Eerste maand van de eigen bijdrage")
    voorziening: VoorzieningSoort | None = Field(
        default=None, description="Verplicht bij grondslag tegemoetkoming"
    )
    toegekend_bedrag: Geld | None = Field(default=None, description="Bij tegemoetkoming")
    kostprijs: Geld | None = Field(default=None, description="Bij hulpmiddel")
    einddatum_gebruik: Zaakdatum | None = None
    laatst_bekend_tarief_doortrekken: bool = Field(
        default=False,
        description="Bij hulpmiddel: jaren waarvoor het abonnementstarief nog niet bekend is "
        "doorrekenen met het laatst bekende (een aanname, in de regels vermeld); zonder: een "
        "400 die het ontbrekende tarief noemt",
    )


class EigenBijdrageBerekeningRead(WireModel):
    grondslag: Literal["tegemoetkoming", "hulpmiddel"]
    verschuldigd: bool
    vorm: HulpmiddelVorm | None = Field(description="FIN-09: eigendom of bruikleen")
    plafond: Decimal | None
    max_maanden: int | None
    aantal_maanden: int
    totaal: Decimal
    einddatum: dt.date | None
    termijnen: list[TermijnRead]
    regels: list[RegelRead]
