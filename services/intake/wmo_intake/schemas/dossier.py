"""Wire schemas of a resident's dossier (issue 14.1): the whole Wmo file of one cliënt in the
caller's gemeente. Intake's own part, and per other service its part or that it was not
available (``niet-beschikbaar``: the rest of the dossier still answers)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Generic, Literal, TypeVar

from pydantic import Field

from wmo_intake.schemas.client import ClientRead
from wmo_intake.schemas.huishouden import HuisgenootRead, NetwerklidRead
from wmo_shared.contracts import Leveringsvorm
from wmo_shared.dossiercontracten import FinanceDossier, IndicatieDossier, PgbDossier
from wmo_shared.schemas import WireModel

T = TypeVar("T")

Voorzieningstaat = Literal["aangevraagd", "toegekend", "lopend", "beeindigd"]


class DossierDeel(WireModel, Generic[T]):
    """The part another service holds: ``beschikbaar`` with ``gegevens``, or
    ``niet-beschikbaar`` (no answer in time, an error or unreachable) with the reason."""

    dienst: Literal["indicatie", "pgb", "finance"]
    status: Literal["beschikbaar", "niet-beschikbaar"]
    toelichting: str | None = None
    gegevens: T | None = None


class IndicatieDeel(DossierDeel[IndicatieDossier]):
    """indicatie's part: every recorded version of the person's indicaties."""


class PgbDeel(DossierDeel[PgbDossier]):
    """pgb's part: pgb-plannen, besluiten, budgets and what was spent."""


class FinanceDeel(DossierDeel[FinanceDossier]):
    """finance's part: financiële tegemoetkomingen and the eigen-bijdrage regime."""


class DossierMelding(WireModel):
    id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: str
    urgentie: str
    hulpvraag: str
    status: str


class DossierOnderzoek(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    startdatum: dt.date
    gereed: bool = Field(description="Het onderzoek is af (het verslag kan mee met de aanvraag)")
    verslag_href: str = Field(description="Het onderzoeksverslag (Accept: application/pdf)")


class DossierAanvraag(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    ontvangstdatum: dt.date
    beschikking_uiterlijk: dt.date
    gevraagd: list[str] = Field(description="De gevraagde voorzieningen, zoals omschreven")


class DossierBrief(WireModel):
    """A letter as it was sent and stored (the bytes at ``href`` with Accept: application/pdf)."""

    kenmerk: str
    datum: dt.date
    sha256: str
    href: str


class DossierBeschikking(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    aanvraag_id: uuid.UUID | None = None
    soort: str
    besluitdatum: dt.date
    verzonden: bool
    verzenddatum: dt.date | None = None
    bezwaar_uiterlijk: dt.date | None = None
    brief: DossierBrief | None = None


class DossierVoorziening(WireModel):
    """A maatwerkvoorziening and its state today: ``aangevraagd`` (in an aanvraag, not yet
    decided), ``toegekend`` (decided, not started or the beschikking not yet sent), ``lopend``,
    ``beeindigd``."""

    id: uuid.UUID | None = Field(default=None, description="Leeg zolang alleen aangevraagd")
    staat: Voorzieningstaat
    omschrijving: str | None = None
    aanvraag_id: uuid.UUID | None = None
    beschikking_id: uuid.UUID | None = None
    leveringsvorm: Leveringsvorm | None = None
    productcategorie: str | None = None
    productcode: str | None = None
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None
    beeindigingsgrond: str | None = None
    aanbieder_agb: str | None = Field(default=None, description="De aanbieder (AGB-code)")
    opdracht_id: uuid.UUID | None = None
    indicatie_id: uuid.UUID | None = None
    pgb_plan_id: uuid.UUID | None = None
    tegemoetkoming_id: uuid.UUID | None = None
    kostprijs: Decimal | None = None
    bedrag: Decimal | None = None


class DossierBezwaar(WireModel):
    id: uuid.UUID
    beschikking_id: uuid.UUID
    ontvangstdatum: dt.date
    beslist_uiterlijk: dt.date
    uitkomst: str | None = None
    beslisdatum: dt.date | None = None
    brief: DossierBrief | None = None


class DossierKlacht(WireModel):
    id: uuid.UUID
    ontvangstdatum: dt.date
    onderwerp: str
    status: Literal["in_behandeling", "afgehandeld"]
    afhandel_uiterlijk: dt.date
    uitkomst: str | None = None


class DossierTermijn(WireModel):
    """An open term of the werkvoorraad for this cliënt."""

    soort: str
    melding_id: uuid.UUID | None = None
    referentie: str
    uiterlijk: dt.date


class DossierRead(WireModel):
    client: ClientRead
    huisgenoten: list[HuisgenootRead]
    netwerk: list[NetwerklidRead]
    meldingen: list[DossierMelding]
    onderzoeken: list[DossierOnderzoek]
    aanvragen: list[DossierAanvraag]
    beschikkingen: list[DossierBeschikking]
    maatwerkvoorzieningen: list[DossierVoorziening]
    bezwaren: list[DossierBezwaar]
    klachten: list[DossierKlacht]
    open_termijnen: list[DossierTermijn]
    indicaties: IndicatieDeel
    pgb: PgbDeel
    finance: FinanceDeel = Field(
        description="Financiële tegemoetkomingen en de eigen-bijdrageregeling"
    )
    peildatum: dt.date = Field(description="De staat van de voorzieningen is die op deze dag")
