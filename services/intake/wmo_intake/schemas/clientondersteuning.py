"""Wire schemas of cliëntondersteuning: the notice to the client (INT-02), the organisations
the gemeente designates and the client's consent for a cliëntondersteuner (INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from wmo_intake.domain.onderzoek import Contactwijze, Mantelzorgergewezen
from wmo_intake.schemas.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class ClientondersteuningBerichtCreate(WireModel):
    """INT-02: when and how the client was told about free independent cliëntondersteuning."""

    datum: Zaakdatum
    wijze: Contactwijze
    client_wil_clientondersteuning: bool
    mantelzorger: Mantelzorgergewezen
    organisatie: str | None = Field(default=None, max_length=200, examples=["MEE Friesland"])


class ClientondersteuningBerichtRead(ClientondersteuningBerichtCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    regels: list[RegelRead]


class ToestemmingCreate(WireModel):
    """INT-15: the client consents that this cliëntondersteuner takes part in the case."""

    ondersteuner_id: str = Field(
        min_length=1, max_length=200, description="Het sub van de cliëntondersteuner in het token"
    )
    organisatie: str = Field(min_length=1, max_length=200)
    toestemming_datum: Zaakdatum


class ToestemmingRead(ToestemmingCreate):
    id: uuid.UUID
    client_id: uuid.UUID
    ingetrokken_op: dt.datetime | None = None


class ToestemmingList(WireModel):
    resultaten: list[ToestemmingRead]


class OrganisatieCreate(WireModel):
    naam: str = Field(min_length=1, max_length=200)
    omschrijving: str | None = Field(default=None, max_length=2000)
    telefoon: str | None = Field(default=None, max_length=30)
    website: str | None = Field(default=None, max_length=200)
    geldig_van: Zaakdatum
    geldig_tot: Einddatum | None = None


class OrganisatieRead(OrganisatieCreate):
    id: uuid.UUID
    gemeente: str


class OrganisatieList(WireModel):
    resultaten: list[OrganisatieRead]
