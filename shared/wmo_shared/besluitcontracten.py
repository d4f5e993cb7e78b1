"""Wire contracts of the decisions one service fetches from another before it rests its own
decision on them (issue 12): the indicatie, pgb, tegemoetkoming and eenmalig pgb a beschikking
rests on, and the aanvraag an indicatie or pgb-plan refers to. Re-exported by
``wmo_shared.contracts``."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Eenheid, Gemeentecode, Productcategorie

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
    productcategorie: Productcategorie = Field(pattern=r"^[0-9]{2}$")
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


# --- finance owns the eenmalig pgb paid to the supplier (FIN-05; issue 16.4) ------------------


class EenmaligPgbBesluit(WireModel):
    """finance ``GET /api/v1/eenmalige-pgbs/{id}/besluit`` (roles gebiedsteam, financien, beheer,
    systeem; own gemeente only, audited): the one-off pgb the gemeente pays straight to the
    supplier, as a beschikking refers to it with ``eenmaligPgbId``. Amount, kostprijs and
    whether an eigen bijdrage applies are finance's: a beschikking takes them over."""

    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID | None = None
    voorziening: TegemoetkomingSoort
    status: Literal["toegekend", "ingetrokken"] = Field(
        description="Een eenmalig pgb is verstrekt zodra finance het vastlegt (FIN-05); "
        "ingetrokken zodra een intrekking of herziening van zijn beschikking het beëindigde"
    )
    besluitdatum: dt.date
    kostprijs: Decimal = Field(description="Goedkoopst adequate kostprijs (FIN-03)")
    bedrag: Decimal = Field(description="Het pgb: de kostprijs in zijn geheel (FIN-05)")
    leverancier: str = Field(description="Aan wie de gemeente het bedrag betaalt (FIN-04)")
    betaalroute: Literal["gemeente_aan_leverancier"] = Field(
        description="De gemeente betaalt de leverancier, niet de SVB"
    )
    betaling_volgnummer: int = Field(description="Positie in de feed leveranciersbetalingen")
    eigen_bijdrage: bool = Field(
        description="Rust er een eigen bijdrage op (en hoort het CAK ervan)? Waarom staat in "
        "eigenBijdrageRegels"
    )
    eigen_bijdrage_regels: list[RegelRead] = Field(
        description="De regels die zeggen of en waarom er een eigen bijdrage is"
    )
    regels: list[RegelRead]
    rules: list[str]


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
