"""Wire schemas of the melding (the case), its deadlines, the cliëntondersteuning notice
(INT-02), consent for a cliëntondersteuner (INT-15), the persoonlijk plan (INT-14), spoed
(INT-10) and comments."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.onderzoek import Contactwijze, Mantelzorgergewezen
from wmo_intake.domain.termijnen import Termijnsoort, Termijnstatus
from wmo_intake.domain.zaakstatus import Spoedsoort, Zaakstatus
from wmo_shared.schemas import RegelRead, WireModel

Kanaal = Literal["loket", "telefoon", "e-mail", "huisarts", "transferpunt_ziekenhuis", "hospice"]
Urgentie = Literal["normaal", "spoed", "crisis", "dwang"]


class TermijnRead(WireModel):
    soort: Termijnsoort
    rule: str
    aanvang: dt.date
    uiterlijk: dt.date = Field(description="Laatste dag waarop het op tijd is")
    status: Termijnstatus = Field(description="Stand vandaag (Europe/Amsterdam)")
    regels: list[RegelRead]


class SpoedgrondCreate(WireModel):
    """INT-10: the kind of urgency, why it cannot wait, and the temporary voorziening."""

    soort: Spoedsoort
    reden: str = Field(min_length=1, max_length=4000)
    voorziening: str = Field(min_length=1, max_length=500, examples=["crisisopvang"])
    startdatum: dt.date
    multidisciplinair_overleg: bool | None = None
    veiligheid_verhinderde_overleg: str | None = Field(default=None, max_length=2000)
    protocol_raad_kinderbescherming: bool | None = None


class TijdelijkeVoorzieningRead(SpoedgrondCreate):
    regels: list[RegelRead]


class MeldingCreate(WireModel):
    client_id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Kanaal
    hulpvraag: str = Field(min_length=1, max_length=8000)
    urgentie: Urgentie = "normaal"
    spoedgrond: SpoedgrondCreate | None = Field(
        default=None,
        description="Bij spoed, crisis of dwang: de tijdelijke voorziening start meteen (INT-10)",
    )


class ClientondersteuningBerichtCreate(WireModel):
    """INT-02: when and how the client was told about free independent cliëntondersteuning."""

    datum: dt.date
    wijze: Contactwijze
    client_wil_clientondersteuning: bool
    mantelzorger: Mantelzorgergewezen
    organisatie: str | None = Field(default=None, max_length=200, examples=["MEE Friesland"])


class ClientondersteuningBerichtRead(ClientondersteuningBerichtCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    regels: list[RegelRead]


class PersoonlijkPlanCreate(WireModel):
    ontvangstdatum: dt.date
    inhoud: str = Field(min_length=1, max_length=20000)


class PersoonlijkPlanRead(PersoonlijkPlanCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    op_tijd: bool = Field(description="Binnen zeven dagen na de melding (INT-14)")
    regels: list[RegelRead]


class OpmerkingCreate(WireModel):
    tekst: str = Field(min_length=1, max_length=4000)


class OpmerkingRead(OpmerkingCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    auteur: str
    rol: str
    geplaatst_op: dt.datetime


class OpmerkingList(WireModel):
    resultaten: list[OpmerkingRead]


class MeldingRead(WireModel):
    id: uuid.UUID
    gemeente: str
    client_id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Kanaal
    hulpvraag: str
    urgentie: Urgentie
    status: Zaakstatus
    mogelijke_gebeurtenissen: list[str]
    geen_aanvraag_nodig: bool = Field(description="INT-09: transferpunt of hospice")
    onderzoekstermijn: TermijnRead
    persoonlijk_plan_termijn: TermijnRead
    clientondersteuning: list[ClientondersteuningBerichtRead]
    persoonlijke_plannen: list[PersoonlijkPlanRead]
    tijdelijke_voorziening: TijdelijkeVoorzieningRead | None = None
    regels: list[RegelRead]
    versie: int


class MeldingList(WireModel):
    resultaten: list[MeldingRead]
    volgende_cursor: str | None = None


class ToestemmingCreate(WireModel):
    """INT-15: the client consents that this cliëntondersteuner takes part in the case."""

    ondersteuner_id: str = Field(
        min_length=1, max_length=200, description="Het sub van de cliëntondersteuner in het token"
    )
    organisatie: str = Field(min_length=1, max_length=200)
    toestemming_datum: dt.date


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
    geldig_van: dt.date
    geldig_tot: dt.date | None = None


class OrganisatieRead(OrganisatieCreate):
    id: uuid.UUID
    gemeente: str


class OrganisatieList(WireModel):
    resultaten: list[OrganisatieRead]


class ZaakstapCreate(WireModel):
    """A step of the case that needs only a date and a reason (herindicatie, intrekking)."""

    datum: dt.date
    reden: str = Field(min_length=1, max_length=4000)
