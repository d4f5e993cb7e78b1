"""Wire schemas of klachten (Awb hoofdstuk 9): registration, ontvangstbevestiging (9:6), the
afhandeltermijn (9:11, ten weeks with a klachtadviescommissie 9:14, verdaging by four weeks),
the outcome, and the yearly count for the klachtenrapportage (seed 001 Bijlage 2 §8.2: per
year by nature and cause, per provider)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.schemas.termijnaanpassing import AangepasteTermijnRead
from wmo_shared.schemas import RegelRead, WireModel

Klachtonderwerp = Literal[
    "bejegening",
    "kwaliteit_ondersteuning",
    "bereikbaarheid",
    "communicatie",
    "termijnen",
    "eigen_bijdrage",
    "privacy",
    "overig",
]
Klachtkanaal = Literal["post", "e-mail", "webformulier", "balie", "telefoon"]
Klachtuitkomst = Literal["gegrond", "deels_gegrond", "ongegrond", "ingetrokken", "niet_behandeld"]


class KlagerCreate(WireModel):
    naam: str = Field(min_length=1, max_length=200)
    adresregels: list[str] = Field(default_factory=list, max_length=4)
    telefoon: str | None = Field(default=None, max_length=30)
    e_mail: str | None = Field(default=None, max_length=200)


class KlachtCreate(WireModel):
    """``onderwerp`` is the nature (aard), ``oorzaak`` the cause, for the yearly report;
    ``aanbiederAgb`` when the klacht is about a provider."""

    ontvangstdatum: dt.date
    kanaal: Klachtkanaal
    onderwerp: Klachtonderwerp
    oorzaak: str | None = Field(default=None, max_length=200)
    omschrijving: str = Field(min_length=1, max_length=8000)
    klager: KlagerCreate
    client_id: uuid.UUID | None = None
    aanbieder_agb: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    klachtadviescommissie: bool = False


class OntvangstbevestigingCreate(WireModel):
    verzonden_op: dt.date


class KlachtVerdagingCreate(WireModel):
    """Awb 9:11 lid 2: at most four weeks in all, notice before the term ends."""

    mededeling_op: dt.date
    weken: int = Field(default=4, ge=1, le=4)


class AfhandelingCreate(WireModel):
    afgehandeld_op: dt.date
    uitkomst: Klachtuitkomst
    conclusie: str = Field(min_length=1, max_length=8000)


class AfhandelingRead(AfhandelingCreate):
    op_tijd: bool


class KlachtRead(WireModel):
    id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Klachtkanaal
    onderwerp: Klachtonderwerp
    oorzaak: str | None = None
    omschrijving: str
    klager: KlagerCreate
    client_id: uuid.UUID | None = None
    aanbieder_agb: str | None = None
    klachtadviescommissie: bool
    ontvangstbevestiging_op: dt.date | None = None
    afhandeltermijn: AangepasteTermijnRead
    afhandeling: AfhandelingRead | None = None
    status: Literal["in_behandeling", "afgehandeld"]
    regels: list[RegelRead]
    versie: int


class Telling(WireModel):
    sleutel: str
    aantal: int


class AanbiederTelling(WireModel):
    aanbieder_agb: str
    aantal: int
    per_onderwerp: list[Telling]


class KlachtrapportageRead(WireModel):
    """The klachten received in ``jaar``, counted per subject, per provider (with its subjects)
    and per outcome (``open`` while not handled)."""

    jaar: int
    totaal: int
    per_onderwerp: list[Telling]
    per_aanbieder: list[AanbiederTelling]
    zonder_aanbieder: int
    per_uitkomst: list[Telling]


class KlachtSamenvatting(WireModel):
    """A klacht in a list (the full klacht with its afhandeltermijn: ``GET /klachten/{id}``)."""

    id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Klachtkanaal
    onderwerp: Klachtonderwerp
    client_id: uuid.UUID | None = None
    aanbieder_agb: str | None = None
    klachtadviescommissie: bool
    ontvangstbevestiging_op: dt.date | None = None
    afhandel_uiterlijk: dt.date = Field(
        description="De laatste dag van de afhandeltermijn zoals die nu staat (Awb 9:11)"
    )
    afgehandeld_op: dt.date | None = None
    uitkomst: Klachtuitkomst | None = None
    status: Literal["in_behandeling", "afgehandeld"]
    versie: int


class KlachtList(WireModel):
    resultaten: list[KlachtSamenvatting]
    volgende_cursor: str | None = None
