"""Wire schemas of the SVB exchange: trekkingsrecht rules (PGB-12), the toekenningen feed and
the budgetafsluitberichten."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidatorFunctionWrapHandler, field_validator, model_validator

from wmo_shared.contracts import FeedPage, SvbToekenning
from wmo_shared.grenzen import Einddatum, Zaakdatum
from wmo_shared.list_parts import validate_in_parts
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Gemeentecode


class KostensoortRead(WireModel):
    kostensoort: str
    antwoord: Literal["ja", "nee", "niet_in_beleid_geregeld"]
    toelichting: str


class SvbRegelsRead(WireModel):
    """PGB-12: what the gemeente allows under SVB trekkingsrecht."""

    gemeente: Gemeentecode
    peildatum: dt.date
    beleid: str
    verantwoordingsvrij_bedrag: Decimal | None = None
    verantwoordingsvrij_antwoord: Literal["ja", "nee", "niet_in_beleid_geregeld"]
    kosten: list[KostensoortRead]
    bestedingscontrole_minimaal_per_jaar: int | None = None
    regels: list[RegelRead]


class SvbToekenningPage(FeedPage[SvbToekenning]):
    """A page of the SVB toekenningen feed."""


class BudgetafsluitingRegel(WireModel):
    budget_id: uuid.UUID
    ingangsdatum: Zaakdatum
    einddatum: Einddatum
    besteed_bedrag: Decimal = Field(ge=0, max_digits=12, decimal_places=2)

    @model_validator(mode="after")
    def _order(self) -> BudgetafsluitingRegel:
        if self.einddatum < self.ingangsdatum:
            raise ValueError("einddatum ligt vóór ingangsdatum")
        return self


MAX_REGELS = 10000  # lines of one budgetafsluitbericht


class BudgetafsluitingCreate(WireModel):
    """SVB budgetafsluitbericht: per budget and period the amount spent."""

    bericht_id: str = Field(min_length=1, max_length=100)
    regels: list[BudgetafsluitingRegel] = Field(min_length=1, max_length=MAX_REGELS)

    @field_validator("regels", mode="wrap")
    @classmethod
    def _regels_in_delen(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return validate_in_parts(value, handler, MAX_REGELS)


class BudgetafsluitingRegelRead(WireModel):
    regelnummer: int
    budget_id: uuid.UUID
    status: Literal["geaccepteerd", "afgewezen"]
    overschreden: bool = False
    reden: str | None = None


class BudgetafsluitingRead(WireModel):
    id: uuid.UUID
    bericht_id: str
    regels: list[BudgetafsluitingRegelRead]
