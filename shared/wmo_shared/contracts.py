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

from wmo_shared.besluitcontracten import AanvraagFeiten as AanvraagFeiten
from wmo_shared.besluitcontracten import EenmaligPgbBesluit as EenmaligPgbBesluit
from wmo_shared.besluitcontracten import EigenBijdrageRegime as EigenBijdrageRegime
from wmo_shared.besluitcontracten import IndicatieBesluit as IndicatieBesluit
from wmo_shared.besluitcontracten import IndicatieOmvang as IndicatieOmvang
from wmo_shared.besluitcontracten import PgbBesluit as PgbBesluit
from wmo_shared.besluitcontracten import PgbBudgetBesluit as PgbBudgetBesluit
from wmo_shared.besluitcontracten import PgbBudgetOmvang as PgbBudgetOmvang
from wmo_shared.besluitcontracten import TegemoetkomingBesluit as TegemoetkomingBesluit
from wmo_shared.besluitcontracten import TegemoetkomingBesluitStatus as TegemoetkomingBesluitStatus
from wmo_shared.besluitcontracten import TegemoetkomingSoort as TegemoetkomingSoort
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn, Gemeentecode
from wmo_shared.types import Eenheid as Eenheid
from wmo_shared.types import Leveringsvorm as Leveringsvorm
from wmo_shared.types import Productcategorie as Productcategorie

# --- finance owns tariffs ---------------------------------------------------------------------


class TariefRead(WireModel):
    """``GET finance /api/v1/tarieven/{productcode}?peildatum=`` (gemeente from the token)."""

    gemeente: Gemeentecode
    productcode: str = Field(min_length=1, max_length=5)
    omschrijving: str
    productcategorie: Productcategorie = Field(pattern=r"^[0-9]{2}$")
    eenheid: Eenheid
    zin_tarief: Decimal | None = Field(default=None, description="Tarief in natura per eenheid")
    pgb_tarief: Decimal | None = Field(default=None, description="Afgesproken pgb-tarief")
    geldig_van: dt.date
    geldig_tot: dt.date | None = None


# --- events sent through the outbox (receivers are idempotent on eventId) --------------------


class MaatwerkvoorzieningEvent(WireModel):
    """intake → finance ``POST /api/v1/cak-voorzieningen`` when a beschikking starts, changes
    or ends a maatwerkvoorziening with eigen bijdrage (FIN-12): the CAK register's input. An
    eenmalig pgb (FIN-05) is sent too, with ``eigenBijdrage`` false: the register records why
    the CAK hears nothing of it."""

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
    productcategorie: Productcategorie = Field(pattern=r"^[0-9]{2}$")
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
    eenmalig_pgb_id: uuid.UUID | None = Field(
        default=None,
        description="Verplicht bij leveringsvorm eenmalig_pgb: het eenmalig pgb van finance "
        "(EenmaligPgbBesluit, FIN-05); het register legt vast dat er geen eigen bijdrage op rust",
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


class EenmaligPgbBeeindigdEvent(WireModel):
    """intake → finance ``POST /api/v1/eenmalig-pgb-beeindigingen`` when an intrekking or a
    herziening ends the maatwerkvoorziening of a one-off pgb (FIN-05) and no voorziening of the
    new beschikking carries the same pgb on. Before the payment to the supplier is done finance
    cancels it (a cancellation entry in its feed leveranciersbetalingen); after, a
    terugvordering is for the gemeente to decide. ``beschikkingId`` is the intrekking or
    herziening."""

    event_id: uuid.UUID
    event_type: Literal["eenmalig-pgb-beeindigd"]
    gemeente: Gemeentecode
    bsn: Bsn
    eenmalig_pgb_id: uuid.UUID
    beschikking_id: uuid.UUID
    besluitdatum: dt.date = Field(description="Besluitdatum van de intrekking of herziening")
    maatwerkvoorziening_id: uuid.UUID = Field(description="De voorziening die eindigt")
    grond: Literal["intrekking", "herziening"]
    einddatum: dt.date = Field(
        description="Laatste dag van de voorziening; gelijk aan de ingangsdatum als zij werd "
        "geannuleerd voor haar start"
    )


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
    volume: int = Field(
        ge=1, le=99_999_999, description="Hele eenheden (iWmo LDT_Volume: ten hoogste 99999999)"
    )
    eenheid: str = Field(
        pattern=r"^[0-9]{2}$", description="iWmo WMO757: 01 minuut, 04 uur, 16 dagdeel, …"
    )
    frequentie: str = Field(
        pattern=r"^[0-9]$", description="iWmo WMO760: 1 dag, 2 week, 4 maand, 6 totaal"
    )


class ToewijzingFeedItem(WireModel):
    """intake feed ``GET /api/v1/toewijzingen?cursor=``: what a WMO301 toewijzing carries."""

    volgnummer: int
    toewijzingnummer: str
    opdracht_id: uuid.UUID
    gemeente: Gemeentecode
    aanbieder_agb: str = Field(pattern=r"^[0-9]{8}$")
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
    referentie_aanbieder: str | None = Field(
        default=None,
        max_length=36,
        description="De ReferentieAanbieder van het verzoek (WMO315/317)",
    )


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


class IwmoAntwoordFeedItem(WireModel):
    """intake feed ``GET /api/v1/iwmo-antwoorden?cursor=``: a WMO319 antwoordbericht sent to a
    provider on its verzoek (WMO315/317), as the XML intake built and validated."""

    volgnummer: int
    verzoek_id: uuid.UUID
    aanbieder_agb: str = Field(pattern=r"^[0-9]{8}$")
    berichttype: Literal["WMO319"] = "WMO319"
    identificatie: str = Field(min_length=1, max_length=12)
    xml: str
