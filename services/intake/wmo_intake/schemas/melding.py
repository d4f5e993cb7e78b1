"""Wire schemas of the melding (the case) with its deadlines, the persoonlijk plan (INT-14),
spoed (INT-10) and the steps that need only a date and a reason."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.zaakstatus import Spoedsoort, Zaakstatus
from wmo_intake.schemas.clientondersteuning import ClientondersteuningBerichtRead
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_intake.schemas.termijn import TermijnRead
from wmo_intake.schemas.vertegenwoordiger import VertegenwoordigerRead
from wmo_shared.schemas import RegelRead, WireModel

Kanaal = Literal["loket", "telefoon", "e-mail", "huisarts", "transferpunt_ziekenhuis", "hospice"]
Urgentie = Literal["normaal", "spoed", "crisis", "dwang"]


class SpoedgrondCreate(WireModel):
    """INT-10: the kind of urgency, why it cannot wait, and the temporary voorziening."""

    soort: Spoedsoort
    reden: str = Field(min_length=1, max_length=4000)
    voorziening: str = Field(min_length=1, max_length=500, examples=["crisisopvang"])
    startdatum: Zaakdatum
    multidisciplinair_overleg: bool | None = None
    veiligheid_verhinderde_overleg: str | None = Field(default=None, max_length=2000)
    protocol_raad_kinderbescherming: bool | None = None


class TijdelijkeVoorzieningRead(SpoedgrondCreate):
    regels: list[RegelRead]


class MeldingCreate(WireModel):
    client_id: uuid.UUID
    ontvangstdatum: Zaakdatum
    kanaal: Kanaal
    hulpvraag: str = Field(min_length=1, max_length=8000)
    urgentie: Urgentie = "normaal"
    spoedgrond: SpoedgrondCreate | None = Field(
        default=None,
        description="Bij spoed, crisis of dwang: de tijdelijke voorziening start meteen (INT-10)",
    )


class PersoonlijkPlanCreate(WireModel):
    ontvangstdatum: Zaakdatum
    inhoud: str = Field(min_length=1, max_length=20000)


class PersoonlijkPlanRead(PersoonlijkPlanCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    op_tijd: bool = Field(description="Binnen zeven dagen na de melding (INT-14)")
    regels: list[RegelRead]


class MeldingRead(WireModel):
    id: uuid.UUID
    gemeente: str
    client_id: uuid.UUID
    ontvangstdatum: Zaakdatum
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
    vertegenwoordigers: list[VertegenwoordigerRead] = Field(
        description="De wettelijk vertegenwoordigers van de cliënt: partij in de zaak"
    )
    regels: list[RegelRead]
    versie: int


class MeldingList(WireModel):
    resultaten: list[MeldingRead]
    volgende_cursor: str | None = None


class ZaakstapCreate(WireModel):
    """A step of the case that needs only a date and a reason (herindicatie, intrekking)."""

    datum: Zaakdatum
    reden: str = Field(min_length=1, max_length=4000)
