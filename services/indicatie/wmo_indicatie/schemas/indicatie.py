"""Wire schemas of ``/indicaties``: the final indicatie the gebiedsteam records (IND-04: one
aard, an exact omvang, a duur), its revisions and its ending."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from wmo_indicatie.domain.begrippen import Aard, DuurCategorie, Eenheid, Perceel, Profiel, Zekerheid
from wmo_indicatie.domain.plus import PlusStatus
from wmo_indicatie.schemas.advies import PlusfeitenCreate
from wmo_shared.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


def _getal_als_tekst(value: Any) -> Any:
    """A JSON number becomes its text, so the domain reads every omvang the same way (and says
    which rule a range like "3-5" breaks, IND-04)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return repr(value)
    return value


Omvang = Annotated[
    Annotated[str, Field(min_length=1, max_length=40)] | Decimal,
    BeforeValidator(_getal_als_tekst),
    Field(
        description="Exact aantal uren per week (individuele begeleiding) of hele dagdelen per "
        "week (dagbesteding); nooit een bandbreedte (IND-04)",
        examples=["3.5"],
    ),
]


class IndicatieInhoud(WireModel):
    """What the worker decides: aard, profiel, plus, exact omvang, perceel, product and duur."""

    advies_id: uuid.UUID | None = Field(
        default=None, description="Het advies waarnaast de indicatie is gesteld"
    )
    aard: Aard
    profiel: Profiel
    plus: bool = False
    omvang: Omvang
    perceel: Perceel
    productcategorie: str = Field(pattern=r"^[0-9]{2}$", examples=["02"])
    productcode: str = Field(min_length=1, max_length=5, examples=["02A03"])
    begindatum: Zaakdatum = Field(description="Vanaf 2015-01-01, hoogstens vijf jaar vooruit")
    einddatum: Einddatum | None = Field(
        default=None,
        description="Laatste dag (inclusief); leeg bij onbeperkte duur; niet na de langste duur "
        "van het normenkader (IND-11)",
    )
    herzieningsdatum: Einddatum | None = None
    motivering: str | None = Field(
        default=None,
        max_length=4000,
        description="Schriftelijke motivering; verplicht voor een omvang buiten de band",
    )
    plusfeiten: PlusfeitenCreate | None = Field(
        default=None,
        description="Feiten voor criterium 1 of 2 (IND-07); standaard die uit het advies",
    )


class IndicatieCreate(IndicatieInhoud):
    bsn: Bsn
    aanvraag_id: uuid.UUID = Field(description="De aanvraag (intake) waarvoor de indicatie is")


class IndicatieHerzieningCreate(IndicatieInhoud):
    """A revision: the full new content; the aard stays (another aard is a new indicatie)."""

    reden: str = Field(min_length=1, max_length=2000, description="Waarom herzien")
    aanvraag_id: uuid.UUID | None = Field(
        default=None,
        description="De aanvraag van de herindicatie; standaard die van de vorige versie",
    )


class IndicatieBeeindigingCreate(WireModel):
    einddatum: Einddatum = Field(description="Laatste dag van de indicatie (inclusief)")
    reden: str = Field(min_length=1, max_length=2000)


class IndicatieZoek(WireModel):
    bsn: Bsn
    aanvraag_id: uuid.UUID | None = None
    inclusief_vervangen: bool = Field(
        default=False, description="Ook versies die door een herziening zijn vervangen"
    )


class AdviesVergelijkingRead(WireModel):
    """The engine's advice for this aard next to the worker's choice (IND-12)."""

    advies_id: uuid.UUID
    profiel: Profiel | None = Field(description="Best passend profiel volgens het advies")
    zekerheid: Zekerheid | None
    omvang_voorgesteld: Decimal | None
    plus_status: PlusStatus | None
    duurcategorie: DuurCategorie | None
    profiel_gevolgd: bool
    omvang_gevolgd: bool


class IndicatieRead(WireModel):
    id: uuid.UUID
    reeks_id: uuid.UUID = Field(description="Gelijk voor alle versies van deze indicatie")
    volgnummer: int = Field(description="De versie binnen de reeks: 1, 2, ...")
    vorige_id: uuid.UUID | None
    vervangen_door_id: uuid.UUID | None
    soort: Literal["vastgesteld", "herzien", "beeindigd"]
    status: Literal["actief", "vervangen", "beeindigd"]
    gemeente: Gemeentecode
    bsn: str
    aanvraag_id: uuid.UUID
    advies_id: uuid.UUID | None
    aard: Aard
    profiel: Profiel
    profiel_naam: str
    plus: bool
    omvang: Decimal
    eenheid: Eenheid
    perceel: Perceel
    productcategorie: str
    productcode: str
    begindatum: dt.date
    einddatum: dt.date | None
    herzieningsdatum: dt.date | None
    motivering: str | None
    afwijking: bool = Field(description="Omvang buiten de band, met motivering aanvaard")
    reden: str | None = Field(description="Reden van herziening of beëindiging")
    regels: list[RegelRead]
    rules: list[str]
    waarschuwingen: list[RegelRead]
    advies: AdviesVergelijkingRead | None
    vastgesteld_op: dt.datetime
    vastgesteld_door: str
    versie: int


class IndicatieList(WireModel):
    resultaten: list[IndicatieRead]
