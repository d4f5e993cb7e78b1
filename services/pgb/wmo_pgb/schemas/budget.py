"""Wire schemas of the budget (PGB-11), its versions, its withdrawal and the yearly spending check
(PGB-14)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from wmo_pgb.schemas.pgb_plan import PgbOmvang
from wmo_shared.contracts import TariefRead
from wmo_shared.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Gemeentecode
from wmo_shared.weigering import Weigering


class BudgetOpbouw(WireModel):
    dagen: int
    aantal_eenheden: Decimal
    berekening: str
    offerte: dict[str, str] | None = None


class BudgetVersieRead(WireModel):
    versie: int
    bedrag: Decimal = Field(description="Op centen, half-up, pas aan het eind afgerond")
    tarief: Decimal = Field(description="Pgb-tarief per eenheid, exact")
    tariefgrondslag: str
    kwalificatie: str
    omvang: PgbOmvang
    ingangsdatum: dt.date
    einddatum: dt.date
    peildatum: dt.date
    beleid: str
    gebruikt_tarief: TariefRead | None = Field(
        default=None, description="Het tarief van finance waarmee gerekend is"
    )
    opbouw: BudgetOpbouw
    regels: list[RegelRead]
    reden: str | None = None
    aangemaakt_op: dt.datetime


class BudgetRead(WireModel):
    id: uuid.UUID
    gemeente: Gemeentecode
    pgb_plan_id: uuid.UUID
    besluit_id: uuid.UUID
    status: Literal["berekend", "beschikt", "ingetrokken"]
    versie: int
    beschikking_id: uuid.UUID | None = None
    maatwerkvoorziening_id: uuid.UUID | None = None
    productcode: str | None = None
    productcategorie: str | None = None
    huidig: BudgetVersieRead = Field(description="De geldende versie")
    eerdere_versies: list[BudgetVersieRead] = Field(default_factory=list)


class HerzieningCreate(WireModel):
    """A new version of the budget; the old one is kept."""

    reden: str = Field(min_length=1, max_length=4000)
    omvang: PgbOmvang | None = Field(default=None, description="Leeg: ongewijzigd")
    ingangsdatum: Zaakdatum | None = None
    einddatum: Einddatum | None = None
    peildatum: Zaakdatum | None = Field(default=None, description="Leeg: de ingangsdatum")


class IntrekkingCreate(WireModel):
    reden: str = Field(min_length=1, max_length=4000)
    intrekkingsdatum: Einddatum = Field(description="Vanaf deze datum vervalt het budget")


class IntrekkingRead(WireModel):
    id: uuid.UUID
    budget_id: uuid.UUID
    intrekkingsdatum: dt.date
    reden: str
    budget: BudgetRead


class BestedingscontroleCreate(WireModel):
    """PGB-14: the yearly check of what was spent from the budget."""

    jaar: int = Field(
        ge=2015, le=2100, description="Een jaar van de Wmo 2015, niet na de controledatum"
    )
    controledatum: Zaakdatum
    besteed_bedrag: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    frequentie_per_jaar: int | None = Field(
        default=None, ge=1, le=52, description="Zoals de beschikking die vastlegt"
    )

    @model_validator(mode="after")
    def _jaar(self) -> BestedingscontroleCreate:
        if self.jaar > self.controledatum.year:
            raise Weigering(
                "jaar-na-controledatum",
                f"Het jaar {self.jaar} ligt na de controledatum {self.controledatum.isoformat()}.",
                veld="jaar",
            )
        return self


class BestedingscontroleRead(WireModel):
    id: uuid.UUID
    budget_id: uuid.UUID
    jaar: int
    controledatum: dt.date
    besteed_bedrag: Decimal
    budget_bedrag: Decimal
    overschreden: bool
    frequentie_per_jaar: int | None = None
    frequentie_voldoet: Literal["ja", "nee", "niet_in_beleid_geregeld"]
    regels: list[RegelRead]
