"""Wire schemas of the dienstverleningsopdracht (AAN-01), the provider's answer, its
obligations (AAN-02, AAN-06, AAN-07)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import MAX_LIJST, Einddatum, Tijdstip, Zaakdatum
from wmo_intake.schemas.termijn import TermijnRead
from wmo_shared.contracts import Omvang
from wmo_shared.schemas import RegelRead, WireModel


class OpdrachtCreate(WireModel):
    maatwerkvoorziening_id: uuid.UUID
    aanbieder_agb: str | None = Field(
        default=None, pattern=r"^[0-9]{8}$", description="Standaard die van de maatwerkvoorziening"
    )
    doelen: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=MAX_LIJST, description="De doelen van de ondersteuning"
    )
    crisis: bool = False
    verzocht_op: Tijdstip | None = Field(
        default=None, description="Bij crisis: wanneer om ondersteuning is gevraagd (AAN-07)"
    )
    tarief: Decimal | None = Field(
        default=None,
        ge=0,
        le=Decimal("99999.99"),
        description="Contracttarief per eenheid (voor de declaratiecontrole)",
    )
    commentaar: str | None = Field(default=None, max_length=4000)


class OpdrachtAdres(WireModel):
    straat: str | None = None
    huisnummer: str | None = None
    postcode: str | None = None
    woonplaats: str | None = None


class OpdrachtGegevens(WireModel):
    bsn: str
    voornamen: str
    achternaam: str
    geboortedatum: dt.date
    adres: OpdrachtAdres
    telefoon: str | None = None
    email: str | None = None
    doelen: list[str]
    productcategorie: str
    productcode: str
    omvang: Omvang | None = None
    begindatum: dt.date
    einddatum: dt.date | None = None
    tarief: Decimal | None = None
    commentaar: str | None = None
    reden_wijziging: str | None = Field(
        default=None,
        description="iWmo RedenWijziging als de opdracht eerder eindigt (02, 05, 07, 13)",
    )
    referentie_aanbieder: str | None = Field(
        default=None,
        description="De ReferentieAanbieder van het verzoek (WMO315/317) dat zij beantwoordt",
    )


class UurtermijnRead(WireModel):
    rule: str
    uiterlijk_op: dt.datetime
    regels: list[RegelRead]


class BesluitRead(WireModel):
    akkoord: bool
    datum: dt.date
    toelichting: str
    door: str
    regels: list[RegelRead] = Field(default_factory=list)


class ReactieRead(WireModel):
    soort: Literal["acceptatie", "weigering"]
    datum: dt.date
    reden: str | None = None
    door: str
    besluit: BesluitRead | None = Field(
        default=None,
        description="Bij een weigering: het besluit van de gemeente of de aanbieder mag afzien "
        "(Bijlage 2 §6.1)",
    )


class WeigeringsbesluitCreate(WireModel):
    """§6.1: may the provider refrain from the opdracht after the kennismaking?"""

    akkoord: bool
    datum: Zaakdatum
    toelichting: str = Field(min_length=1, max_length=4000)


class OpzeggingCreate(WireModel):
    opgezegd_op: Zaakdatum
    door: Literal["client", "aanbieder"]
    verkort_tot: Einddatum | None = Field(
        default=None, description="De gemeente verkort de opzegtermijn tot deze laatste dag"
    )
    reden: str = Field(min_length=1, max_length=4000)


class OpzeggingsbesluitCreate(WireModel):
    """Bijlage 2 §7.3–7.5: the gemeente accords a provider's opzegging, or not (its binding
    advice that the provider continues), and may shorten the notice."""

    akkoord: bool
    datum: Zaakdatum
    verkort_tot: Einddatum | None = Field(
        default=None, description="De gemeente verkort de opzegtermijn tot deze laatste dag"
    )
    toelichting: str = Field(min_length=1, max_length=4000)


class OpzeggingsbesluitRead(WireModel):
    akkoord: bool
    datum: dt.date
    toelichting: str
    door: str


class OpzeggingRead(OpzeggingCreate):
    ingang: dt.date
    einde: dt.date
    regels: list[RegelRead]
    akkoord: OpzeggingsbesluitRead | None = Field(
        default=None,
        description="Bij opzegging door de aanbieder: het besluit van de gemeente; leeg zolang "
        "het wacht",
    )


class WisselingCreate(WireModel):
    """Bijlage 2 §7.3: the client changes provider; the new toewijzing starts the day after."""

    aanbieder_agb: str = Field(pattern=r"^[0-9]{8}$", description="De nieuwe aanbieder")
    laatste_dag: Einddatum = Field(description="De laatste dag van de huidige aanbieder")
    doelen: list[Annotated[str, Field(max_length=2000)]] | None = Field(
        default=None, max_length=MAX_LIJST, description="Standaard de doelen van de opdracht"
    )
    commentaar: str | None = Field(default=None, max_length=4000)


class VervolgopdrachtCreate(WireModel):
    """Bijlage 2 §6.1: after a provider's motivated refusal, an opdracht to another provider."""

    aanbieder_agb: str = Field(pattern=r"^[0-9]{8}$", description="De andere aanbieder")
    doelen: list[Annotated[str, Field(max_length=2000)]] | None = Field(
        default=None, max_length=MAX_LIJST, description="Standaard de doelen van de opdracht"
    )
    commentaar: str | None = Field(default=None, max_length=4000)


class OpdrachtRead(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    toewijzingnummer: int
    aanbieder_agb: str
    status: Literal["verstrekt", "geaccepteerd", "geweigerd"]
    crisis: bool
    verstrekt_op: dt.datetime
    gegevens: OpdrachtGegevens
    reactie: ReactieRead | None = None
    zorgplantermijn: TermijnRead
    zorgplan_ontvangen: dt.date | None = None
    crisis_starttermijn: UurtermijnRead | None = None
    opzegging: OpzeggingRead | None = None
    vorige_opdracht_id: uuid.UUID | None = Field(
        default=None, description="De opdracht waarop deze volgt (wisseling of weigering)"
    )
    regels: list[RegelRead]
    versie: int


class OpdrachtList(WireModel):
    resultaten: list[OpdrachtRead]
    volgende_cursor: str | None = None


class AcceptatieCreate(WireModel):
    datum: Zaakdatum
    toelichting: str | None = Field(default=None, max_length=2000)


class WeigeringCreate(WireModel):
    datum: Zaakdatum
    reden: str = Field(min_length=10, max_length=4000, description="De motivering")


class ZorgplanCreate(WireModel):
    ontvangstdatum: Zaakdatum
