"""Wire schemas of what a provider reports about its opdracht (AAN-03..08, AAN-11, AAN-12) and
of the gebiedsteam's consent to further no-shows (AAN-05)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import Tijdstip, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel

Toelichting = Annotated[str, Field(min_length=1, max_length=4000)]


class BijzonderheidCreate(WireModel):
    """AAN-03 (§6.3): within five werkdagen after it took place or was noticed."""

    soort: Literal["bijzonderheid"]
    aard: Literal[
        "zorg-geweigerd",
        "ziekenhuisopname",
        "ggz-opname",
        "verblijf-buitenland",
        "gewijzigde-situatie",
        "anders",
    ]
    plaatsgevonden: Zaakdatum
    geconstateerd: Zaakdatum | None = Field(default=None, description="Als later geconstateerd")
    toelichting: Toelichting


class VervangingCreate(WireModel):
    """AAN-04 (§6.4): a replacement works at the latest from the sixth day."""

    soort: Literal["vervanging"]
    eerste_afwezigheidsdag: Zaakdatum
    vervanger_vanaf: Zaakdatum | None = None
    andere_oplossing: str | None = Field(
        default=None, max_length=2000, description="Met cliënt en/of gemeente afgesproken"
    )
    toelichting: str | None = Field(default=None, max_length=4000)


class NoShowCreate(WireModel):
    """AAN-05 (§6.5): the no-shows of the client in one period."""

    soort: Literal["no-show"]
    periode_begin: Zaakdatum
    periode_einde: Zaakdatum
    aantal: int = Field(ge=1, le=100)
    toelichting: str | None = Field(default=None, max_length=4000)


class IncidentCreate(WireModel):
    """AAN-08 (§7.2): within 48 hours after the signal; a calamiteit at once."""

    soort: Literal["incident"]
    signaal_ontvangen: Tijdstip
    calamiteit: bool = False
    beschrijving: Toelichting


class CrisisstartCreate(WireModel):
    """AAN-07 (§7.6): the start of crisis support; without opdracht reported within 24 hours
    (next werkdag)."""

    soort: Literal["crisisstart"]
    gestart_op: Tijdstip
    zonder_opdracht: bool = False
    toelichting: str | None = Field(default=None, max_length=4000)


class RapportageCreate(WireModel):
    """AAN-12 (§6.7): a voortgangsrapportage when the gemeente asks, an eindrapportage at the
    end."""

    soort: Literal["voortgangsrapportage", "eindrapportage"]
    periode_begin: Zaakdatum | None = None
    periode_einde: Zaakdatum | None = None
    inhoud: str = Field(min_length=1, max_length=20000)


class SignaalCreate(WireModel):
    """AAN-11 (§3.9, §3.10): overloaded mantelzorg or an unsafe situation of the client."""

    soort: Literal["signaal"]
    aard: Literal["mantelzorg-overbelast", "onveilige-situatie"]
    waargenomen: Zaakdatum
    toelichting: Toelichting


AanbiedermeldingCreate = Annotated[
    BijzonderheidCreate
    | VervangingCreate
    | NoShowCreate
    | IncidentCreate
    | CrisisstartCreate
    | RapportageCreate
    | SignaalCreate,
    Field(discriminator="soort"),
]


class AanbiedermeldingRead(WireModel):
    id: uuid.UUID
    opdracht_id: uuid.UUID
    aanbieder_agb: str
    soort: str
    gegevens: dict[str, Any]
    gemeld_op: dt.datetime
    uiterlijk: dt.datetime | None = Field(default=None, description="Tot wanneer de melding kon")
    te_laat: bool
    signaal: bool = Field(description="De melding staat in de werkvoorraad van de gemeente")
    afgehandeld_op: dt.date | None = None
    rule: str
    regels: list[RegelRead]


class AanbiedermeldingList(WireModel):
    resultaten: list[AanbiedermeldingRead]
    volgende_cursor: str | None = None


class MeldingAfhandelingCreate(WireModel):
    datum: Zaakdatum


class NoShowToestemmingCreate(WireModel):
    """AAN-05: the gebiedsteam's explicit consent by e-mail to declare further no-shows."""

    periode_begin: Zaakdatum
    periode_einde: Zaakdatum
    aantal: int = Field(ge=1, le=100, description="Zoveel no-shows meer mogen worden gedeclareerd")
    email_datum: Zaakdatum
    toelichting: str | None = Field(default=None, max_length=2000)


class NoShowToestemmingRead(NoShowToestemmingCreate):
    id: uuid.UUID
    opdracht_id: uuid.UUID
    door: str
