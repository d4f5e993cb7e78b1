"""Wire schemas of the evaluatie of a running maatwerkvoorziening (issue 14.4)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.evaluatie import Duurcategorie, Realisatie, Uitkomst
from wmo_intake.schemas.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel

__all__ = ["Duurcategorie", "Realisatie", "Uitkomst"]


class DoelrealisatieCreate(WireModel):
    doel: str = Field(min_length=1, max_length=2000)
    realisatie: Realisatie
    toelichting: str | None = Field(default=None, max_length=2000)


class EvaluatieCreate(WireModel):
    evaluatiedatum: Zaakdatum
    doelrealisatie: list[DoelrealisatieCreate] = Field(min_length=1, max_length=50)
    uitkomst: Uitkomst
    toelichting: str = Field(min_length=1, max_length=4000)
    duurcategorie: Duurcategorie | None = Field(
        default=None, description="IND-11: bepaalt wanneer de volgende evaluatie is"
    )
    volgende_evaluatie_op: Einddatum | None = Field(
        default=None, description="De consulent bepaalt de datum zelf (IND-11 is indicatief)"
    )


class VervolgRead(WireModel):
    soort: Literal["herziening", "intrekking"]
    vorige_beschikking_id: uuid.UUID
    toelichting: str


class EvaluatieRead(WireModel):
    id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    melding_id: uuid.UUID
    evaluatiedatum: dt.date
    doelrealisatie: list[DoelrealisatieCreate]
    uitkomst: Uitkomst
    toelichting: str
    duurcategorie: Duurcategorie | None = None
    volgende_evaluatie_op: dt.date | None = None
    vervolg: VervolgRead | None = Field(
        default=None, description="De beschikking die op wijzigen of beëindigen volgt"
    )
    regels: list[RegelRead]


class EvaluatieList(WireModel):
    resultaten: list[EvaluatieRead]
