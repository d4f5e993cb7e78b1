"""Wire schemas of vervoer as a maatwerkvoorziening (seed 001 H6; RES-07, FIN-10, MZ-04)."""

from __future__ import annotations

from pydantic import Field

from wmo_intake.domain.vervoersvoorziening import MedischeUitkomst
from wmo_shared.schemas import RegelRead, WireModel


class VervoerCreate(WireModel):
    km_per_jaar: int | None = Field(
        default=None,
        ge=1,
        le=20000,
        description="Kilometerbudget per jaar; leeg bij een taxipas: de norm, ineens (FIN-10)",
    )
    ander_vervoermiddel: bool = Field(
        default=False, description="Scootmobiel, rolstoel of gehandicaptenparkeerkaart"
    )
    intramuraal: bool = False
    alleen_supermarkt: bool = Field(
        default=False, description="Alleen naar de supermarkt: geen taxipas (RES-07)"
    )
    motivering_km: str | None = Field(
        default=None, max_length=4000, description="Verplicht boven de kilometernorm"
    )
    begeleider: bool = Field(default=False, description="Indicatie voor (kosteloze) begeleiding")
    medische_handelingen_tijdens_rit: bool | None = None
    kan_met_taxi: bool = Field(default=True, description="false: de inwoner zegt van niet")
    medisch_onderzoek: MedischeUitkomst | None = Field(
        default=None, description="Uitkomst van het medisch onderzoek als kanMetTaxi false is"
    )
    leverancier: str = Field(min_length=1, max_length=200, examples=["Regiotaxi Fryslân"])


class VervoerRead(VervoerCreate):
    norm_km: int = Field(description="De kilometernorm van het beleid (gehalveerd waar nodig)")
    boven_norm: bool
    regels: list[RegelRead]
