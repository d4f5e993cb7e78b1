"""Wire schemas of the beschikking with its maatwerkvoorzieningen (INT-04); a sent beschikking
never changes: herziening and intrekking are new beschikkingen."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator

from wmo_intake.domain import grenzen
from wmo_intake.schemas.bevinding import AfwijkingCreate, OpenBevindingOpBeschikkingRead
from wmo_intake.schemas.grenzen import MAX_LIJST, Einddatum, Zaakdatum
from wmo_intake.schemas.termijn import TermijnRead
from wmo_intake.schemas.vervoersvoorziening import VervoerCreate, VervoerRead
from wmo_shared.contracts import Leveringsvorm, Omvang
from wmo_shared.schemas import RegelRead, WireModel

Beschikkingsoort = Literal["toekenning", "afwijzing", "herziening", "intrekking"]


class MaatwerkvoorzieningCreate(WireModel):
    leveringsvorm: Leveringsvorm
    productcategorie: str = Field(pattern=r"^[0-9]{2}$", examples=["02"])
    productcode: str = Field(min_length=1, max_length=5, examples=["02A03"])
    omschrijving: str | None = Field(default=None, max_length=200)
    omvang: Omvang | None = None
    begindatum: Zaakdatum | None = Field(
        default=None,
        description="Leeg: overgenomen uit het pgb-budget, de indicatie, de tegemoetkoming of "
        "het eenmalig pgb",
    )
    einddatum: Einddatum | None = Field(
        default=None,
        description="Leeg: overgenomen uit het pgb-budget of de indicatie (als die er een heeft)",
    )
    eigen_bijdrage: bool
    kostprijs: Decimal | None = Field(
        default=None,
        ge=0,
        le=Decimal("9999999999.99"),
        max_digits=12,
        decimal_places=2,
        description="Bij een financiële tegemoetkoming of eenmalig pgb overgenomen uit finance "
        "(FIN-03)",
    )
    bedrag: Decimal | None = Field(
        default=None,
        ge=0,
        le=Decimal("9999999999.99"),
        max_digits=12,
        decimal_places=2,
        description="Overgenomen uit het besluit: het pgb-budget (PGB-11), de toegekende "
        "tegemoetkoming (FIN-01) of het eenmalig pgb (FIN-05); leeg laten, een ander bedrag "
        "wordt geweigerd",
    )
    motivering: str = Field(min_length=1, max_length=8000)
    motivering_afwijking: str | None = Field(
        default=None,
        max_length=8000,
        description="Schriftelijke motivering van een omvang of duur boven de vastgelegde "
        "indicatie (IND-12)",
    )
    pgb_plan_id: uuid.UUID | None = Field(default=None, description="Verplicht bij pgb")
    indicatie_id: uuid.UUID | None = Field(
        default=None, description="Verplicht bij begeleiding (productcategorie 02)"
    )
    tegemoetkoming_id: uuid.UUID | None = Field(
        default=None, description="Verplicht bij een financiële tegemoetkoming"
    )
    eenmalig_pgb_id: uuid.UUID | None = Field(
        default=None,
        description="Verplicht bij een eenmalig pgb (FIN-05): het eenmalig pgb dat finance "
        "verstrekte en rechtstreeks aan de leverancier betaalt; bedrag, kostprijs en eigen "
        "bijdrage (geen) worden eruit overgenomen",
    )
    aanbieder_agb: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    vervangt_id: uuid.UUID | None = Field(
        default=None, description="Bij herziening: de voorziening uit de vorige beschikking"
    )
    vervoer: VervoerCreate | None = Field(
        default=None,
        description="Bij vervoer (08 collectief vervoer, verplicht; 12 vervoervoorziening): "
        "kilometerbudget, begeleiding, medisch onderzoek en vervoerder (RES-07, FIN-10)",
    )

    @field_validator("omvang")
    @classmethod
    def _omvang_past(cls, omvang: Omvang | None) -> Omvang | None:
        """Issue 11.4: the volume fits in its period (24 hours a day, 168 a week, ...)."""
        if omvang is not None:
            reden = grenzen.omvang(omvang.volume, omvang.eenheid, omvang.frequentie)
            if reden:
                raise ValueError(reden)
        return omvang


class MaatwerkvoorzieningRead(MaatwerkvoorzieningCreate):
    id: uuid.UUID
    begindatum: dt.date
    vervoer: VervoerRead | None = None


class BeschikkingCreate(WireModel):
    melding_id: uuid.UUID
    aanvraag_id: uuid.UUID | None = None
    soort: Beschikkingsoort
    vorige_beschikking_id: uuid.UUID | None = None
    besluitdatum: Zaakdatum
    motivering: str = Field(min_length=1, max_length=20000)
    redenen: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=MAX_LIJST, description="Bij afwijzing: waarom"
    )
    beeindigingsdatum: Einddatum | None = Field(
        default=None, description="Bij intrekking: de laatste dag van de voorzieningen"
    )
    maatwerkvoorzieningen: list[MaatwerkvoorzieningCreate] = Field(
        default_factory=list, max_length=MAX_LIJST
    )
    afwijkingen: list[AfwijkingCreate] = Field(
        default_factory=list,
        max_length=MAX_LIJST,
        description="De schriftelijke motivering per open bevinding van het onderzoek waartegen "
        "de beschikking ingaat (zie bevindingen op de aanvraag)",
    )


class BeschikkingRead(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    aanvraag_id: uuid.UUID | None = None
    soort: Beschikkingsoort
    grondslag: str = Field(description="aanvraag, transferpunt_ziekenhuis, hospice, spoed, …")
    vorige_beschikking_id: uuid.UUID | None = None
    besluitdatum: dt.date
    motivering: str
    redenen: list[str]
    beeindigingsdatum: dt.date | None = None
    maatwerkvoorzieningen: list[MaatwerkvoorzieningRead]
    status: Literal["concept", "verzonden"]
    verzenddatum: dt.date | None = None
    verzonden_op: dt.datetime | None = None
    bezwaartermijn: TermijnRead | None = None
    bevindingen: list[OpenBevindingOpBeschikkingRead] = Field(
        description="De open bevindingen van het onderzoek toen de beschikking werd opgesteld"
    )
    regels: list[RegelRead]
    versie: int


class VerzendingCreate(WireModel):
    verzenddatum: Zaakdatum
