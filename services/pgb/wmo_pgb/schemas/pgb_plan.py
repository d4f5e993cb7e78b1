"""Wire schemas of the pgb-plan: the domain's PgbPlan (wmo_pgb.domain.plan) in camelCase, plus
who it is for. Constraints mirror the domain so bad input is a 400 naming the field; the
vocabularies (enums) are the domain's own."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from wmo_pgb.domain.plan import (
    BeheerderRol,
    Beheerkosten,
    Contractvorm,
    Eenheid,
    Frequentie,
    Hulpduur,
    Pgbvaardigheid,
    RelatieMetZorgverlener,
    Schuldhulp,
    ZorgverlenerSoort,
    omvang_te_groot,
)
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn, Gemeentecode


class PgbOmvang(WireModel):
    # One schema for request and response (the amounts are strings either way).
    model_config = ConfigDict(**WireModel.model_config, json_schema_mode_override="validation")

    eenheid: Eenheid
    frequentie: Frequentie
    # After eenheid and frequentie, so its check can read them.
    hoeveelheid: Decimal = Field(
        gt=0,
        max_digits=12,
        decimal_places=4,
        examples=["3"],
        description="Hoeveel eenheden (> 0); niet meer dan de week, maand of looptijd kan "
        "bevatten (168 uur per week, 14 dagdelen per week, ...)",
    )

    @field_validator("hoeveelheid")
    @classmethod
    def _past(cls, hoeveelheid: Decimal, info: ValidationInfo) -> Decimal:
        eenheid, frequentie = info.data.get("eenheid"), info.data.get("frequentie")
        if eenheid is not None and frequentie is not None:
            reden = omvang_te_groot(hoeveelheid, eenheid, frequentie)
            if reden is not None:
                raise PydanticCustomError("omvang_te_groot", reden)
        return hoeveelheid


class PgbMaatwerkvoorziening(WireModel):
    """De noodzakelijk bevonden maatwerkvoorziening die het pgb zou inkopen (PGB-01)."""

    model_config = ConfigDict(**WireModel.model_config, json_schema_mode_override="validation")

    product: str = Field(min_length=1, max_length=200, examples=["alfahulp"])
    productcode: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9]{1,5}$",
        examples=["HH50"],
        description="De productcode van het vergelijkbare product in de tarieventabel",
    )
    omvang: PgbOmvang


class PgbKeuze(WireModel):
    """PGB-03: wil de inwoner bewust en geïnformeerd een pgb."""

    reden: str = Field(default="", max_length=4000)
    geinformeerd_over_administratie: bool | None = None
    geinformeerd_over_werkgeverschap: bool | None = None
    geinformeerd_over_zin: bool | None = None


class PgbBeheerder(WireModel):
    """Wie het pgb beheert, met de tien pgb-vaardigheden (PGB-04..06)."""

    rol: BeheerderRol
    naam: str | None = Field(default=None, max_length=200)
    relatie_tot_inwoner: str | None = Field(default=None, max_length=200)
    functie: str | None = Field(default=None, max_length=200)
    vaardigheden: dict[Pgbvaardigheid, bool] = Field(default_factory=dict)
    met_hulp_van_ander: bool | None = None
    heeft_tijd_en_ruimte: bool | None = None
    relatie_met_zorgverlener: RelatieMetZorgverlener | None = None
    beheerkosten: Beheerkosten | None = None


class PgbRisicosituaties(WireModel):
    """PGB-05."""

    cognitieve_beperking: bool | None = None
    laaggeletterd: bool | None = None
    problematische_schulden: bool | None = None
    schuldhulp: Schuldhulp | None = None


class PgbZorgverlener(WireModel):
    """Wie de ondersteuning levert (PGB-07..09)."""

    soort: ZorgverlenerSoort
    naam: str | None = Field(default=None, max_length=200)
    kvk_nummer: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    erkende_kwalificatie: bool = False
    kwalificaties: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=50
    )
    relatie_tot_inwoner: str | None = Field(default=None, max_length=200)
    is_overbelaste_mantelzorger: bool | None = None
    voldoet_aan_kwaliteitseis: bool | None = None


class PgbNetwerkinzet(WireModel):
    """Seed 002 art. 11: wanneer een netwerklid betaald wordt (PGB-10)."""

    soort_hulp: str = Field(default="", max_length=2000)
    frequentie: str = Field(default="", max_length=200)
    duur: Hulpduur | None = None
    verplichtend: bool | None = None
    waarom_beter: str = Field(default="", max_length=4000)


class PgbPlanInhoud(WireModel):
    """The plan's own content: the fields of the domain's PgbPlan."""

    maatwerkvoorziening: PgbMaatwerkvoorziening
    gevraagde_omvang: PgbOmvang | None = None
    keuze: PgbKeuze = Field(default_factory=PgbKeuze)
    beheerder: PgbBeheerder
    risicosituaties: PgbRisicosituaties = Field(default_factory=PgbRisicosituaties)
    zorgverlener: PgbZorgverlener
    contractvorm: Contractvorm | None = None
    doelen: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=50
    )
    bijdrage_aan_doelen: str = Field(default="", max_length=4000)
    kwaliteitswaarborg: str = Field(default="", max_length=4000)
    ernstige_problematiek: bool | None = None
    netwerkinzet: PgbNetwerkinzet | None = None

    def inhoud(self) -> dict[str, Any]:
        """The plan as stored (snake_case JSON of the domain model)."""
        return self.model_dump(
            mode="json",
            exclude={
                "bsn",
                "gemeente",
                "aanvraag_id",
                "maatwerkvoorziening_id",
                "maatwerkvoorziening_nodig",
                "ingediend",
            },
        )


MAATWERKVOORZIENING_NODIG = (
    "PGB-01: de conclusie van het onderzoek bij de aanvraag (aanvraagId) of een "
    "maatwerkvoorziening noodzakelijk is; een pgb kan alleen voor een noodzakelijke "
    "maatwerkvoorziening (false: de toets weigert het pgb). Bron: intake (de conclusie van de "
    "afwegingsladder bij die aanvraag); heeft het onderzoek een conclusie, dan wordt die "
    "overgenomen en is een andere waarde een 400; zonder conclusie telt wat de consulent opgeeft. "
    "Leeg: niet meegegeven, dan steunt de toets op de maatwerkvoorziening in het plan en zegt dat."
)
INGEDIEND = (
    "PGB-02: heeft de inwoner dit plan aangeleverd? false: een concept dat nog wordt opgesteld "
    "(bijvoorbeeld met de cliëntondersteuner); de toets behandelt het verzoek dan als een "
    "verzoek zonder pgb-plan."
)


class PgbPlanStand(WireModel):
    """Where the plan stands: the onderzoek's conclusion (PGB-01) and whether it was handed in
    (PGB-02). Not part of the plan's own content."""

    maatwerkvoorziening_nodig: bool | None = Field(
        default=None, description=MAATWERKVOORZIENING_NODIG
    )
    ingediend: bool = Field(default=True, description=INGEDIEND)


class PgbPlanCreate(PgbPlanInhoud, PgbPlanStand):
    bsn: Bsn
    gemeente: Gemeentecode | None = Field(
        default=None, description="Moet de gemeente van het token zijn; leeg: die gemeente"
    )
    maatwerkvoorziening_id: uuid.UUID | None = Field(
        default=None, description="De maatwerkvoorziening (intake) waarvoor het pgb is"
    )
    aanvraag_id: uuid.UUID | None = Field(default=None, description="De aanvraag uit intake")


class PgbPlanUpdate(PgbPlanInhoud, PgbPlanStand):
    """PUT: the whole plan content and where it stands (only while the plan is a concept)."""


class PgbPlanRead(PgbPlanInhoud, PgbPlanStand):
    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    maatwerkvoorziening_id: uuid.UUID | None = None
    aanvraag_id: uuid.UUID | None = None
    status: str = Field(description="concept of besloten")
    versie: int
    aangemaakt_op: dt.datetime
    gewijzigd_op: dt.datetime


class PgbPlanZoek(WireModel):
    bsn: Bsn


class PgbPlanList(WireModel):
    resultaten: list[PgbPlanRead]
