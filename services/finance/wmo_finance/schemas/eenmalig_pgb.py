"""Wire schemas of the one-off pgb paid by the gemeente to the supplier (FIN-05), of the feed of
payments to suppliers, of the payment reported done and of the end of the pgb by an intrekking
or herziening of its beschikking."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.schemas.grenzen import Zaakdatum
from wmo_finance.schemas.tegemoetkoming import (
    KostprijsRead,
    LeverancierIn,
    OfferteIn,
    ReferentieprijsIn,
)
from wmo_shared.contracts import FeedPage
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


class OnvermogenIn(WireModel):
    """FIN-05: the own share (10% plus extras) of a tegemoetkoming cannot be paid."""

    kan_betalen: bool = Field(description="false: de inwoner kan het eigen aandeel niet betalen")
    wil_betalen: bool = True
    onvermogen_aannemelijk: bool = Field(description="Heeft de inwoner dit aannemelijk gemaakt?")
    toelichting: str = Field(min_length=1, max_length=2000, description="Waaruit dat blijkt")
    zin_mogelijk: bool = Field(description="Is verstrekking in natura mogelijk? (gaat voor)")


class PgbVoorwaardenIn(WireModel):
    """Art. 2.3.6 lid 2 Wmo: wil (PGB-03), kan (PGB-04/05), kwaliteit (PGB-07). Leeg: niet
    beantwoord, en dus niet voldaan."""

    reden: str = Field(default="", max_length=2000, description="Waarom een pgb (wil)")
    geinformeerd_over_zin: bool | None = None
    beheerder_kan_afhandelen: bool | None = Field(
        default=None, description="Offerte beoordelen, levering bevestigen, verantwoorden"
    )
    risico_zonder_hulp: bool | None = Field(
        default=None,
        description="PGB-05: cognitieve beperking, laaggeletterdheid of schulden zonder iemand "
        "die helpt",
    )
    kwaliteit_gewaarborgd: bool | None = Field(
        default=None, description="Voldoet aan kernassortiment of programma van eisen"
    )


class EenmaligPgbCreate(WireModel):
    bsn: Bsn
    aanvraag_id: uuid.UUID | None = None
    voorziening: VoorzieningSoort
    besluitdatum: Zaakdatum
    offertes: list[OfferteIn] = Field(default_factory=list, max_length=50)
    referentieprijzen: list[ReferentieprijsIn] = Field(default_factory=list, max_length=50)
    in_kernassortiment: bool = True
    eigen_aandeel: OnvermogenIn
    pgb_voorwaarden: PgbVoorwaardenIn
    leverancier: LeverancierIn = Field(description="Aan wie de gemeente betaalt (FIN-04)")


Betaalstatus = Literal["open", "betaald", "geannuleerd"]


class EenmaligPgbBeeindigingRead(WireModel):
    """What the end of the beschikking meant for the payment to the supplier."""

    eenmalig_pgb_id: uuid.UUID
    beschikking_id: uuid.UUID = Field(description="De intrekking of herziening")
    maatwerkvoorziening_id: uuid.UUID
    grond: Literal["intrekking", "herziening"]
    einddatum: dt.date
    gevolg: Literal["betaling-geannuleerd", "terugvordering-ter-beoordeling"] = Field(
        description="betaling-geannuleerd: nog niet betaald, de feed leveranciersbetalingen "
        "meldt de annulering; terugvordering-ter-beoordeling: al betaald, of er wordt "
        "teruggevorderd beslist de gemeente (er wordt niets automatisch teruggevorderd)"
    )
    annulering_volgnummer: int | None = Field(
        description="Positie van de annulering in de feed leveranciersbetalingen"
    )
    toelichting: str
    regels: list[RegelRead]
    rules: list[str]
    ontvangen_op: dt.datetime


class EenmaligPgbBetalingCreate(WireModel):
    """The paying system reports the payment to the supplier done (FIN-05)."""

    betaaldatum: Zaakdatum


class EenmaligPgbRead(WireModel):
    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID | None
    voorziening: VoorzieningSoort
    leveringsvorm: str = Field(description="Altijd eenmalig_pgb (FIN-05)")
    besluitdatum: dt.date
    kostprijs: Decimal = Field(description="Goedkoopst adequate kostprijs (FIN-03)")
    bedrag: Decimal = Field(description="Het pgb, door de gemeente aan de leverancier betaald")
    kostprijs_uitkomst: KostprijsRead
    betaalroute: str = Field(description="gemeente_aan_leverancier: niet via de SVB")
    betaling_volgnummer: int = Field(description="Positie in de feed leveranciersbetalingen")
    betaalstatus: Betaalstatus = Field(
        description="open: in de feed, nog niet betaald; betaald (betaaldatum); geannuleerd: de "
        "beschikking eindigde voor de betaling, de feed meldt de annulering"
    )
    betaaldatum: dt.date | None = None
    beeindiging: EenmaligPgbBeeindigingRead | None = Field(
        default=None, description="De intrekking of herziening die het eenmalig pgb beëindigde"
    )
    eigen_bijdrage: bool = Field(
        description="Altijd false: op een eenmalig pgb rust geen eigen bijdrage (FIN-05, FIN-08; "
        "de regels zeggen waarom), dus het CAK hoort er niets van"
    )
    regels: list[RegelRead]
    rules: list[str]
    versie: int


class LeveranciersbetalingRead(WireModel):
    volgnummer: int
    soort: Literal["betaling", "annulering"] = Field(
        description="annulering: de betaling met volgnummer annuleert wordt niet (meer) "
        "uitgevoerd; het bedrag is dan negatief"
    )
    annuleert: int | None = Field(description="Bij een annulering: het volgnummer van de betaling")
    eenmalig_pgb_id: uuid.UUID
    leverancier_naam: str
    leverancier_kvk: str
    rekeningnummer: str
    bedrag: Decimal = Field(description="Te betalen; negatief bij een annulering")
    betalingskenmerk: str
    omschrijving: str
    besluitdatum: dt.date = Field(
        description="Van het besluit: het eenmalig pgb, of bij een annulering de intrekking of "
        "herziening"
    )


class LeveranciersbetalingPage(FeedPage[LeveranciersbetalingRead]):
    pass
