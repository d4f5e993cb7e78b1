"""Wire schemas of a provider's verzoek om toewijzing (WMO315) or om wijziging (WMO317), the
gemeente's answer (WMO319, or WMO301 when honoured), and the feed of WMO319s for the exchange."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import MAX_LIJST
from wmo_intake.schemas.opdracht import OpdrachtCreate
from wmo_shared.contracts import IwmoAntwoordFeedItem
from wmo_shared.schemas import RegelRead, WireModel

RedenAfwijzing = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9"]


class VerzoekOpdracht(OpdrachtCreate):
    """An opdracht that honours (part of) the verzoek; its aanbieder is the one who asked."""


class VerzoekAntwoordCreate(WireModel):
    antwoord: Literal["in-onderzoek", "toegekend", "afgewezen"] = Field(
        description="in-onderzoek en afgewezen geven een WMO319; toegekend een WMO301 per "
        "opdracht en per gewijzigde toewijzing"
    )
    reden_afwijzing: RedenAfwijzing | None = Field(
        default=None,
        description="Bij afgewezen: iWmo RedenAfwijzingVerzoek (1 geen wijziging maar nieuwe "
        "aanvraag, 2 past niet binnen budget, 3 geen contract, 4 past niet binnen contract, "
        "5 andere gemeente, 6 stapeling, 7 zorginhoudelijke afkeur, 8 woonplaatsbeginsel, "
        "9 leeftijdsgrens bereikt)",
    )
    opdrachten: list[VerzoekOpdracht] = Field(
        default_factory=list,
        max_length=MAX_LIJST,
        description="Bij toegekend: de opdracht voor het aangevraagde product (WMO315) of per "
        "nieuw product (WMO317), uit een verzonden beschikking",
    )
    toelichting: str | None = Field(default=None, max_length=4000)


class UitgaandBerichtRead(WireModel):
    berichttype: Literal["WMO301", "WMO319"]
    identificatie: str
    toewijzingnummer: int | None = None
    opdracht_id: uuid.UUID | None = None
    xml: str = Field(description="Het bericht, geldig volgens zijn XSD")


class VerzoekAntwoordRead(WireModel):
    antwoord: Literal["in-onderzoek", "toegekend", "afgewezen"]
    reden_afwijzing: RedenAfwijzing | None = None
    omschrijving: str | None = None
    toelichting: str | None = None
    datum: dt.date
    door: str
    berichten: list[UitgaandBerichtRead]


class VerzoektermijnRead(WireModel):
    rule: str
    uiterlijk: dt.date
    voldaan_op: dt.date | None = None
    op_tijd: bool | None = Field(default=None, description="Leeg zolang de termijn loopt")


class IwmoVerzoekRead(WireModel):
    id: uuid.UUID
    bericht_id: uuid.UUID
    berichttype: Literal["WMO315", "WMO317"]
    aanbieder_agb: str
    referentie_aanbieder: str
    client_id: uuid.UUID | None = None
    ontvangen_op: dt.date
    verzoek: dict[str, Any] = Field(description="Wat de aanbieder vraagt, zoals in het bericht")
    status: Literal["open", "in-onderzoek", "toegekend", "afgewezen"]
    retourtermijn: VerzoektermijnRead
    antwoordtermijn: VerzoektermijnRead
    antwoorden: list[VerzoekAntwoordRead]
    regels: list[RegelRead]
    versie: int


class IwmoVerzoekList(WireModel):
    resultaten: list[IwmoVerzoekRead]
    volgende_cursor: str | None = None


class IwmoAntwoordPage(WireModel):
    resultaten: list[IwmoAntwoordFeedItem]
    volgende_cursor: str
    meer: bool
