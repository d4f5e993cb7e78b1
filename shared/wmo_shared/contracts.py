"""Wire contracts between the services: what one sends is what the other accepts.

The producing or receiving service uses these models as its response or request models, so
its OpenAPI document is the contract; ``tests/contract`` checks both sides against them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Generic, Literal, TypeVar

from pydantic import ConfigDict, Field

from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode

Leveringsvorm = Literal["zin", "pgb", "financiele_tegemoetkoming"]
Eenheid = Literal["uur", "dagdeel", "dag", "etmaal", "stuk"]
Productcategorie = str  # iWmo WMO020: "01".."18"


# --- finance owns tariffs ---------------------------------------------------------------------


class TariefRead(WireModel):
    """``GET finance /api/v1/tarieven/{productcode}?peildatum=`` (gemeente from the token)."""

    gemeente: Gemeentecode
    productcode: str = Field(min_length=1, max_length=5)
    omschrijving: str
    productcategorie: Productcategorie = Field(pattern=r"^\d{2}$")
    eenheid: Eenheid
    zin_tarief: Decimal | None = Field(default=None, description="Tarief in natura per eenheid")
    pgb_tarief: Decimal | None = Field(default=None, description="Afgesproken pgb-tarief")
    geldig_van: dt.date
    geldig_tot: dt.date | None = None


# --- events sent through the outbox (receivers are idempotent on eventId) --------------------


class MaatwerkvoorzieningEvent(WireModel):
    """intake → finance ``POST /api/v1/cak-voorzieningen`` when a beschikking starts, changes
    or ends a maatwerkvoorziening with eigen bijdrage (FIN-12): the CAK register's input."""

    event_id: uuid.UUID
    event_type: Literal[
        "maatwerkvoorziening-gestart",
        "maatwerkvoorziening-gewijzigd",
        "maatwerkvoorziening-beeindigd",
    ]
    gemeente: Gemeentecode
    bsn: Bsn
    geboortedatum: dt.date
    huishouden_id: uuid.UUID | None = Field(
        default=None, description="Eén abonnementstarief per huishouden"
    )
    beschikking_id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    productcategorie: Productcategorie = Field(pattern=r"^\d{2}$")
    productcode: str = Field(min_length=1, max_length=5)
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    eigen_bijdrage: bool = True
    kostprijs: Decimal | None = Field(
        default=None, description="Kostprijs waar die de eigen bijdrage begrenst"
    )
    tegemoetkoming_id: uuid.UUID | None = Field(
        default=None,
        description="Verplicht bij leveringsvorm financiele_tegemoetkoming: het besluit van "
        "finance (TegemoetkomingBesluit) waarvan de eigen-bijdrageregeling (FIN-08) geldt",
    )


class PgbBeschiktEvent(WireModel):
    """intake → pgb ``POST /api/v1/budget-beschikkingen`` when a beschikking grants (or
    withdraws) a pgb: the budget becomes formal and goes to the SVB feed."""

    event_id: uuid.UUID
    event_type: Literal["pgb-beschikt", "pgb-ingetrokken"]
    gemeente: Gemeentecode
    pgb_plan_id: uuid.UUID
    beschikking_id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    ingangsdatum: dt.date
    einddatum: dt.date | None = None


# --- change feeds for the exchange scripts ----------------------------------------------------

T = TypeVar("T")


class FeedPage(WireModel, Generic[T]):
    """A page of a cursor-based, ordered change feed. Re-reading from an old cursor is safe."""

    resultaten: list[T]
    volgende_cursor: str = Field(description="Geef mee als cursor voor de volgende pagina")
    meer: bool = Field(description="Er staan nog wijzigingen klaar na deze pagina")


class CakMutatie(WireModel):
    """finance feed ``GET /api/v1/cak-mutaties?cursor=``: per person the start, change or stop
    of a maatwerkvoorziening with eigen bijdrage (iEb WMO405 content, FIN-12)."""

    volgnummer: int = Field(description="Positie in de feed; oplopend, zonder gaten per lezing")
    soort: Literal["start", "wijziging", "stop"]
    gemeente: Gemeentecode
    bsn: Bsn
    geboortedatum: dt.date
    huishouden_id: uuid.UUID | None = None
    beschikking_id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    productcategorie: Productcategorie
    productcode: str
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    kostprijs: Decimal | None = None
    abonnementstarief: Decimal | None = Field(default=None, description="Per maand, dat jaar")
    geregistreerd_op: dt.datetime
    # A financiële tegemoetkoming: finance's own regime (FIN-08), not the abonnementstarief.
    # ingangsdatum is its first month, einddatum the last day charged, kostprijs its total cap.
    # The latest mutation of a tegemoetkomingId is the whole regime and replaces earlier ones.
    tegemoetkoming_id: uuid.UUID | None = Field(
        default=None, description="Bij een financiële tegemoetkoming: het besluit van finance"
    )
    eigen_bijdrage_per_maand: Decimal | None = Field(
        default=None,
        description="FIN-08: vast bedrag per maand (in plaats van het abonnementstarief)",
    )
    eigen_bijdrage_max_maanden: int | None = Field(
        default=None, description="FIN-08: maximale duur van de inning in maanden"
    )
    vervangt_maatwerkvoorziening_id: uuid.UUID | None = Field(
        default=None,
        description="Deze regeling vervangt die onder een eerdere maatwerkvoorziening "
        "(herziening): niet optellen",
    )


class SvbToekenning(WireModel):
    """pgb feed ``GET /api/v1/svb-toekenningen?cursor=``: per budgethouder the full current
    budget per zorgfunctie and period (iPgb TKB content); a withdrawal is bedrag 0 with
    ingangsdatum = einddatum."""

    volgnummer: int
    gemeente: Gemeentecode
    bsn: Bsn
    budget_id: uuid.UUID
    versie: int
    beschikking_id: uuid.UUID | None = None
    zorgfunctie: str = Field(description="iWmo productcategorie van de ondersteuning")
    productcode: str
    ingangsdatum: dt.date
    einddatum: dt.date
    bedrag: Decimal
    ingetrokken: bool = False
    geregistreerd_op: dt.datetime


class Omvang(WireModel):
    volume: int = Field(ge=1, description="Hele eenheden (iWmo)")
    eenheid: str = Field(
        pattern=r"^\d{2}$", description="iWmo WMO757: 01 minuut, 04 uur, 16 dagdeel, …"
    )
    frequentie: str = Field(
        pattern=r"^\d$", description="iWmo WMO760: 1 dag, 2 week, 4 maand, 6 totaal"
    )


class ToewijzingFeedItem(WireModel):
    """intake feed ``GET /api/v1/toewijzingen?cursor=``: what a WMO301 toewijzing carries."""

    volgnummer: int
    toewijzingnummer: str
    opdracht_id: uuid.UUID
    gemeente: Gemeentecode
    aanbieder_agb: str = Field(pattern=r"^\d{8}$")
    bsn: Bsn
    geboortedatum: dt.date
    geslacht: Literal["0", "1", "2", "9"] = "0"
    achternaam: str
    voorletters: str | None = None
    productcategorie: Productcategorie
    productcode: str
    ingangsdatum: dt.date
    einddatum: dt.date | None = None
    omvang: Omvang | None = None
    reden_wijziging: str | None = None
    toewijzingsdatum: dt.date
    geregistreerd_op: dt.datetime


# --- indicatie advises on begeleiding (intake asks during the onderzoek) ----------------------


class IndicatieAdviesVerzoek(WireModel):
    """``POST indicatie /api/v1/indicatie-adviezen`` as intake sends it: the begeleiding data of
    the onderzoek (levensdomeinen, kenmerken, resultaatgebieden, begindatum, ...) passed on as
    the case worker recorded them. Indicatie validates them against its own request model and
    answers 400 naming the field, so they stay open here."""

    model_config = WireModel.model_config | ConfigDict(extra="allow")


class IndicatieAdviesAntwoord(WireModel):
    """Indicatie's advice, kept by intake with the onderzoek as it was given (the engine's
    advice, its rules and the rest). Intake itself reads only ``id`` and ``toelichting``."""

    model_config = WireModel.model_config | ConfigDict(extra="allow")

    id: str | None = None
    toelichting: str | None = None


# --- decisions other services fetch and check before they rest a beschikking on them ----------
# (issue 12.1). The owning service publishes them as the response model of a read that a
# service token (role systeem) may call; the caller checks existence, cliënt, gemeente and
# status and takes amounts and periods over instead of having them typed again.


class IndicatieOmvang(WireModel):
    """The omvang exactly as indicatie records it (IND-04): one number and its unit."""

    waarde: Decimal = Field(description="Exact aantal eenheden per week, nooit een bandbreedte")
    eenheid: Literal["uur_per_week", "dagdelen_per_week"]


class IndicatieBesluit(WireModel):
    """indicatie ``GET /api/v1/indicaties/{id}/besluit`` (roles gebiedsteam, beheer, systeem;
    own gemeente only, audited): one recorded version of an indicatie.

    ``status`` is indicatie's own: ``actief`` (recorded and current: a beschikking may rest on
    it), ``vervangen`` (a herziening or beëindiging replaced it: ``vervangenDoorId`` is the
    current version) or ``beeindigd`` (the version that ended the indicatie on ``einddatum``)."""

    id: uuid.UUID
    reeks_id: uuid.UUID = Field(description="Gelijk voor alle versies van deze indicatie")
    versie: int = Field(ge=1, description="De versie binnen de reeks: 1, 2, ... (volgnummer)")
    status: Literal["actief", "vervangen", "beeindigd"]
    vervangen_door_id: uuid.UUID | None = None
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID = Field(description="De aanvraag (intake) waarvoor de indicatie is")
    aard: Literal["individuele_begeleiding", "dagbesteding"]
    profiel: str = Field(examples=["IBO-3"])
    plus: bool
    productcategorie: Productcategorie = Field(pattern=r"^\d{2}$")
    productcode: str = Field(min_length=1, max_length=5)
    omvang: IndicatieOmvang
    begindatum: dt.date
    einddatum: dt.date | None = Field(
        default=None, description="Laatste dag (inclusief); leeg bij onbeperkte duur"
    )
    herzieningsdatum: dt.date | None = None
    afwijking: bool = Field(description="Omvang buiten de band, met motivering aanvaard")
    rules: list[str] = Field(description="De regel-ID's waarop de indicatie is vastgesteld")
    vastgesteld_op: dt.datetime


class PgbBudgetOmvang(WireModel):
    hoeveelheid: Decimal
    eenheid: Eenheid
    frequentie: Literal["per_week", "per_maand", "totaal"]


class PgbBudgetBesluit(WireModel):
    """The budget of a toegekend pgb in its current version (PGB-11)."""

    budget_id: uuid.UUID
    status: Literal["berekend", "beschikt", "ingetrokken"] = Field(
        description="berekend: toegekend, nog niet beschikt; beschikt: in een beschikking "
        "opgenomen (naar de SVB); ingetrokken"
    )
    versie: int = Field(ge=1, description="De geldende versie van het budget (herzieningen)")
    bedrag: Decimal = Field(description="Voor de hele periode, op centen")
    productcode: str | None = None
    zorgfunctie: str | None = Field(
        default=None, description="iWmo-productcategorie (de SVB-zorgfunctie)"
    )
    omvang: PgbBudgetOmvang
    ingangsdatum: dt.date
    einddatum: dt.date = Field(description="Laatste dag (inclusief)")


class PgbBesluit(WireModel):
    """pgb ``GET /api/v1/pgb-plannen/{id}/besluit`` (roles gebiedsteam, beheer, systeem; own
    gemeente only, audited): what was decided on a pgb-plan, with its rules, and for a
    toekenning the budget. ``besluit`` is null while the plan is not decided yet."""

    pgb_plan_id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID | None = None
    maatwerkvoorziening_id: uuid.UUID | None = None
    maatwerkvoorziening_nodig: bool | None = Field(
        default=None,
        description="Wat het onderzoek concludeerde (PGB-01), zoals het plan het meekreeg",
    )
    plan_status: Literal["concept", "besloten"]
    besluit: Literal["toegekend", "afgewezen"] | None = None
    besluit_id: uuid.UUID | None = None
    leveringsvorm: Literal["pgb", "zorg_in_natura"] | None = Field(
        default=None,
        description="pgb bij toekenning; zorg_in_natura als alternatief bij afwijzing; leeg "
        "zonder noodzakelijke maatwerkvoorziening",
    )
    rules: list[str] = Field(default_factory=list, description="De regel-ID's van het besluit")
    regels: list[RegelRead] = Field(default_factory=list)
    besloten_op: dt.datetime | None = None
    budget: PgbBudgetBesluit | None = None


# --- finance owns the financiële tegemoetkoming (issue 12: intake checks a beschikking) -------

TegemoetkomingSoort = Literal[
    "roerende_woonvoorziening",
    "onroerende_woonvoorziening",
    "aanbouw",
    "hulpmiddel",
    "sportvoorziening",
]
# The life states of a decided tegemoetkoming (FIN-07): "berekend" is not a besluit yet.
TegemoetkomingBesluitStatus = Literal[
    "toegekend", "betaald", "bewijs_ontvangen", "herzien", "ingetrokken", "teruggevorderd"
]


class EigenBijdrageRegime(WireModel):
    """FIN-08: the one eigen-bijdrage regime of a financiële tegemoetkoming, as finance
    computes it month by month; the CAK register and its feed carry exactly these numbers."""

    per_maand: Decimal = Field(description="Vast bedrag per maand (seed 001 Bijlage 3 art. 36)")
    plafond: Decimal = Field(description="Totaal ten hoogste: de toegekende tegemoetkoming")
    max_maanden: int = Field(description="Maximale duur van de inning voor deze soort")
    ingangsdatum: dt.date = Field(description="Eerste maand van de inning")
    einddatum: dt.date | None = Field(
        description="Laatste dag van de laatste maand die wordt geïnd (plafond, maximale duur of "
        "einde gebruik); leeg als er niets wordt geïnd"
    )
    einddatum_gebruik: dt.date | None = Field(
        default=None, description="Einde van het gebruik zoals de beschikking het meldde"
    )
    aantal_maanden: int
    totaal: Decimal = Field(description="Wat in totaal wordt geïnd: nooit meer dan het plafond")
    versie: int = Field(description="Versie van het schema; een herziening maakt een nieuwe")


class TegemoetkomingBesluit(WireModel):
    """finance ``GET /api/v1/tegemoetkomingen/{id}/besluit`` (gemeente from the token): the
    decided tegemoetkoming a beschikking refers to with ``tegemoetkomingId``. The amount and the
    eigen-bijdrage regime are finance's own computation: a beschikking takes them over, it does
    not type them again. A tegemoetkoming that is only ``berekend`` has no besluit (409)."""

    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    soort: TegemoetkomingSoort
    status: TegemoetkomingBesluitStatus
    besluitdatum: dt.date
    bedrag: Decimal = Field(description="Toegekend bedrag (FIN-01; lager na herziening)")
    kostprijs: Decimal = Field(description="Goedkoopst adequate kostprijs (FIN-03)")
    percentage: Decimal
    eigen_bijdrage: EigenBijdrageRegime
    regels: list[RegelRead]
    versie: int = Field(description="Versie van de tegemoetkoming (ETag)")


# --- intake owns the aanvraag (issue 12.1/12.2: indicatie and pgb check what they rest on) -----


class AanvraagFeiten(WireModel):
    """intake ``GET /api/v1/aanvragen/{id}/feiten`` (roles systeem, gebiedsteam, beheer; own
    gemeente only, audited): the aanvraag an indicatie or pgb refers to, with its cliënt and
    what the onderzoek concluded. The BSN is in this body, never in a URL."""

    aanvraag_id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn = Field(description="De cliënt van de aanvraag")
    melding_id: uuid.UUID
    ontvangstdatum: dt.date
    onderzoek_af: bool = Field(description="Het onderzoek bij de melding is afgerond")
    maatwerkvoorziening_nodig: bool | None = Field(
        description="PGB-01: de conclusie van de afwegingsladder van het onderzoek: true "
        "(maatwerk), false (geen maatwerk); leeg zolang er geen conclusie is (ook: onvolledig)"
    )
