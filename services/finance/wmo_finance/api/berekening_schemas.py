"""Wire schemas of the calculations: eigen bijdrage what-if (FIN-08/09), vervoer (FIN-10) and
the bouwplan check (FIN-11)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_finance.api.tegemoetkoming_schemas import TermijnRead
from wmo_finance.domain.eigen_bijdrage import HulpmiddelVorm
from wmo_finance.domain.soorten import Bouwvorm, Ruimtehulpmiddel, Vertrek, VoorzieningSoort
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn


class EigenBijdrageBerekeningCreate(WireModel):
    """``grondslag``: ``tegemoetkoming`` (FIN-08: a fixed amount a month, capped by the amount
    granted and the maximum duration of its kind) or ``hulpmiddel`` (FIN-09: a hulpmiddel of the
    contracted supplier, in ownership up to the line, else on loan; the CAK's abonnementstarief
    a month up to the kostprijs)."""

    grondslag: Literal["tegemoetkoming", "hulpmiddel"]
    peildatum: dt.date
    ingangsdatum: dt.date = Field(description="Eerste maand van de eigen bijdrage")
    voorziening: VoorzieningSoort | None = Field(
        default=None, description="Verplicht bij grondslag tegemoetkoming"
    )
    toegekend_bedrag: Decimal | None = Field(
        default=None, ge=0, max_digits=12, decimal_places=2, description="Bij tegemoetkoming"
    )
    kostprijs: Decimal | None = Field(
        default=None, ge=0, max_digits=12, decimal_places=2, description="Bij hulpmiddel"
    )
    einddatum_gebruik: dt.date | None = None


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


class VervoersvergoedingCreate(WireModel):
    bsn: Bsn | None = Field(default=None, description="Verplicht bij toekennen")
    aanvraag_id: uuid.UUID | None = None
    peildatum: dt.date
    collectief_vervoer_medisch_onmogelijk: bool
    echtpaar: bool = False
    ander_vervoermiddel: bool = Field(
        default=False, description="Scootmobiel, rolstoel of gehandicaptenparkeerkaart"
    )
    intramuraal: bool = False
    gemotiveerde_kilometers: int | None = Field(default=None, ge=0, le=100000)
    toekennen: bool = Field(default=False, description="Vastleggen als toekenning")


class VervoersvergoedingRead(WireModel):
    id: uuid.UUID | None = Field(description="Alleen bij een vastgelegde toekenning")
    toegekend: bool
    kilometers: int
    tarief_per_km: Decimal
    factor: Decimal
    jaarbedrag: Decimal
    regels: list[RegelRead]


class GevraagdVertrekIn(WireModel):
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Decimal = Field(ge=0, le=10000)
    hulpmiddelen: list[Ruimtehulpmiddel] = Field(default_factory=list, max_length=10)


class BouwplanToetsingCreate(WireModel):
    peildatum: dt.date
    vertrekken: list[GevraagdVertrekIn] = Field(min_length=1, max_length=30)
    pad_m2: Decimal | None = Field(default=None, ge=0, le=10000)


class VertrekToetsRead(WireModel):
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Decimal
    norm_m2: Decimal
    extra_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal
    over_m2: Decimal
    binnen_norm: bool


class PadToetsRead(WireModel):
    gevraagd_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal
    over_m2: Decimal
    binnen_norm: bool


class BouwplanToetsingRead(WireModel):
    binnen_norm: bool
    vertrekken: list[VertrekToetsRead]
    pad: PadToetsRead | None
    regels: list[RegelRead]
