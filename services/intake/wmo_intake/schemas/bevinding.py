"""Wire schemas of the open findings of the onderzoek on the aanvraag and the beschikking, and
the motivering a beschikking gives to go against one (issue 12.5, 12.6)."""

from __future__ import annotations

from pydantic import Field

from wmo_shared.schemas import RegelRead, WireModel


class AfwijkingCreate(WireModel):
    toets: str = Field(
        min_length=1,
        max_length=60,
        examples=["primaat_van_verhuizen"],
        description="De open bevinding: de naam van de toets, of 'onderzoek'",
    )
    motivering: str = Field(min_length=1, max_length=8000)


class OpenBevindingRead(WireModel):
    toets: str = Field(description="De naam van de RES/MZ-toets, of 'onderzoek' (nog niet af)")
    gebied: str | None = None
    uitkomst: str
    productcategorieen: list[str] = Field(
        description="Over welke voorzieningen de bevinding gaat (leeg: alle)"
    )
    rules: list[str]
    regels: list[RegelRead]


class OpenBevindingOpBeschikkingRead(OpenBevindingRead):
    geraakt: bool = Field(description="De beschikking gaat tegen deze bevinding in")
    motivering: str | None = Field(default=None, description="Waarom, als zij ertegen ingaat")
