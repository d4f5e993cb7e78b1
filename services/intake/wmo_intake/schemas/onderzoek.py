"""Wire schemas of the onderzoek: the six questions (INT-05), the afwegingsladder (INT-06),
attunement (INT-11), the result areas with their RES checks (INT-13), mantelzorg (MZ-01/02),
the persoonlijk plan (INT-14) and the begeleiding data for the indicatie service."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field

from wmo_intake.domain.afwegingsladder import Ladderconclusie, Trede
from wmo_intake.domain.onderzoek import Afstemmingsfactor, ExternAdvies, Onderzoeksvraag
from wmo_intake.domain.resultaatgebieden import Resultaatgebied
from wmo_intake.schemas.grenzen import (
    MAX_LIJST,
    Begeleidingsgegevens,
    Feiten,
    KorteTekst,
    Zaakdatum,
)
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesRead
from wmo_shared.schemas import RegelRead, WireModel


class AntwoordCreate(WireModel):
    vraag: Onderzoeksvraag
    antwoord: str = Field(max_length=8000)


class ConclusieCreate(WireModel):
    hulpvraag_volledig_opgelost: bool
    passende_maatwerkvoorziening: bool


class TredebijdrageCreate(WireModel):
    trede: Trede
    lost_op: list[KorteTekst] = Field(
        default_factory=list, max_length=MAX_LIJST, description="Delen van de hulpvraag"
    )
    toelichting: str = Field(default="", max_length=2000)


class MaatwerkoptieCreate(WireModel):
    model_config = ConfigDict(**WireModel.model_config, json_schema_mode_override="validation")

    naam: str = Field(min_length=1, max_length=200)
    kosten: Decimal = Field(
        ge=0, le=Decimal("999999999.99"), description="Over dezelfde periode voor elke optie"
    )
    dekt: list[KorteTekst] = Field(max_length=MAX_LIJST)
    passend: bool = True


class AfstemmingCreate(WireModel):
    factor: Afstemmingsfactor
    van_toepassing: bool
    toelichting: str = Field(default="", max_length=2000)


class ResultaatToetsCreate(WireModel):
    toets: str = Field(
        min_length=1,
        max_length=60,
        examples=["rolstoel"],
        description="De naam van de toets (zie de lijst in de beschrijving van de API)",
    )
    invoer: Feiten = Field(default_factory=dict, description="De feiten (camelCase)")


class ResultaatgebiedCreate(WireModel):
    gebied: Resultaatgebied
    beschrijving: str = Field(default="", max_length=4000)
    toetsen: list[ResultaatToetsCreate] = Field(default_factory=list, max_length=MAX_LIJST)


class OnderzoekCreate(WireModel):
    startdatum: Zaakdatum
    antwoorden: list[AntwoordCreate] = Field(default_factory=list, max_length=MAX_LIJST)
    conclusie: ConclusieCreate | None = None
    extern_advies: ExternAdvies = ExternAdvies.NIET_NODIG
    persoonlijk_plan_meegewogen: bool = False
    hulpvraagdelen: list[KorteTekst] = Field(
        default_factory=list, max_length=MAX_LIJST, examples=[["structuur", "post"]]
    )
    ladder: list[TredebijdrageCreate] = Field(default_factory=list, max_length=MAX_LIJST)
    opties: list[MaatwerkoptieCreate] = Field(default_factory=list, max_length=MAX_LIJST)
    afstemming: list[AfstemmingCreate] = Field(default_factory=list, max_length=MAX_LIJST)
    resultaatgebieden: list[ResultaatgebiedCreate] = Field(
        default_factory=list, max_length=MAX_LIJST
    )
    begeleiding: Begeleidingsgegevens | None = Field(
        default=None,
        description="Voor begeleiding: de gegevens die de indicatie-service nodig heeft "
        "(levensdomeinen, kenmerken, resultaten); gaat ongewijzigd mee in het adviesverzoek",
    )


class BevindingRead(WireModel):
    gebied: Resultaatgebied
    toets: str
    uitkomst: str
    verwijzing: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    regels: list[RegelRead]


class LadderRead(WireModel):
    conclusie: Ladderconclusie
    resterend: list[str]
    opgelost_door: dict[str, Trede]
    niet_onderzocht: list[Trede]
    gekozen: str | None = None
    regels: list[RegelRead]


class OnderzoekUitkomstRead(WireModel):
    gereed: bool = Field(description="Alle toetsen voldaan: een aanvraag kan volgen")
    volledig: bool = Field(description="INT-05: de zes vragen zijn in volgorde beantwoord")
    compensatieplicht: bool
    ontbrekend: list[str]
    ladder: LadderRead
    afstemming_voldaan: bool
    persoonlijk_plan_voldaan: bool
    bevindingen: list[BevindingRead]
    regels: list[RegelRead]
    rules: list[str]


class OnderzoekRead(OnderzoekCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    uitkomst: OnderzoekUitkomstRead
    indicatie_adviezen: list[IndicatieAdviesRead]
    versie: int
