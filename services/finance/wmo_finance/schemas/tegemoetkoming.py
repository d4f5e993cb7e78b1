"""Wire schemas of the financiële tegemoetkoming and its life (FIN-01..FIN-07)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import Field

from wmo_finance.domain.kostprijs import OfferteBron, PrijsBron
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.domain.tegemoetkoming import Betaalmoment, TegemoetkomingStatus
from wmo_finance.schemas.grenzen import Geld, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


class LeverancierIn(WireModel):
    naam: str | None = Field(default=None, max_length=200)
    adres: str | None = Field(default=None, max_length=300)
    kvk: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    rekeningnummer: str | None = Field(default=None, max_length=34, description="IBAN")


class OfferteIn(WireModel):
    """A quote (FIN-03/FIN-04): incomplete ones are kept out of the comparison."""

    kenmerk: str = Field(min_length=1, max_length=60)
    bron: OfferteBron
    omschrijving: str | None = Field(default=None, max_length=500)
    bedrag: Geld | None = None
    leverancier: LeverancierIn = LeverancierIn()
    inwoner: str | None = Field(default=None, max_length=200, description="Gegevens inwoner")
    realistisch_en_specifiek: bool = True
    adequaat: bool = True


class ReferentieprijsIn(WireModel):
    """A contracted (ZIN/category) price or a market price (FIN-03)."""

    kenmerk: str = Field(min_length=1, max_length=60)
    bron: PrijsBron
    bedrag: Geld
    omschrijving: str = Field(default="", max_length=500)
    adequaat: bool = True


class EigenAandeelIn(WireModel):
    """FIN-05: can and will the client pay the own share (10% plus extras)?"""

    wil_betalen: bool = True
    kan_betalen: bool = True
    onvermogen_aannemelijk: bool = False
    zin_mogelijk: bool = False
    pgb_voorwaarden_voldaan: bool = False


class TegemoetkomingCreate(WireModel):
    bsn: Bsn
    aanvraag_id: uuid.UUID | None = None
    voorziening: VoorzieningSoort
    betaalmoment: Betaalmoment
    peildatum: Zaakdatum = Field(description="De datum waarop het beleid wordt toegepast")
    offertes: list[OfferteIn] = Field(default_factory=list, max_length=50)
    referentieprijzen: list[ReferentieprijsIn] = Field(default_factory=list, max_length=50)
    in_kernassortiment: bool = True
    goedkoper_dan_zin: bool = Field(default=False, description="FIN-02, alleen bij hulpmiddelen")
    gemotiveerd_buiten_kernassortiment: bool = Field(
        default=False, description="FIN-02, alleen bij hulpmiddelen"
    )
    eigen_aandeel: EigenAandeelIn = EigenAandeelIn()


class TegemoetkomingZoek(WireModel):
    bsn: Bsn


class Uitgesloten(WireModel):
    kenmerk: str
    reden: str


class KostprijsRead(WireModel):
    kostprijs: Decimal
    gekozen: str | None
    vergeleken: list[str]
    uitgesloten: list[Uitgesloten]


class OvergangRead(WireModel):
    versie: int
    soort: str
    van_status: TegemoetkomingStatus | None
    naar_status: TegemoetkomingStatus
    datum: dt.date
    bedrag: Decimal
    regels: list[RegelRead]
    tijdstip: dt.datetime


class TegemoetkomingRead(WireModel):
    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID | None
    voorziening: VoorzieningSoort
    betaalmoment: Betaalmoment
    peildatum: dt.date
    status: TegemoetkomingStatus
    mogelijke_overgangen: list[TegemoetkomingStatus]
    kostprijs: Decimal = Field(description="Goedkoopst adequate kostprijs (FIN-03)")
    percentage: Decimal
    bedrag: Decimal = Field(description="Huidig toegekend bedrag (FIN-01; lager na herziening)")
    oorspronkelijk_bedrag: Decimal
    besluitdatum: dt.date | None
    bewijs_uiterlijk: dt.date | None = Field(description="Betaalbewijs uiterlijk (FIN-07)")
    controle_uiterlijk: dt.date | None = Field(description="Huisbezoek mogelijk t/m (FIN-07)")
    bewijs_ontvangstdatum: dt.date | None
    betaaldatum: dt.date | None
    betaald_bedrag: Decimal
    terug_te_vorderen: Decimal
    teruggevorderd_bedrag: Decimal
    kostprijs_uitkomst: KostprijsRead
    regels: list[RegelRead]
    overgangen: list[OvergangRead]
    versie: int
    aangemaakt_op: dt.datetime


class TegemoetkomingList(WireModel):
    resultaten: list[TegemoetkomingRead]


class FactuurIn(WireModel):
    omschrijving: str | None = Field(default=None, max_length=500)
    bedrag: Geld | None = None
    leverancier: LeverancierIn = LeverancierIn()
    inwoner: str | None = Field(default=None, max_length=200)
    factuurnummer_of_betalingskenmerk: str | None = Field(default=None, max_length=60)
    afleverdatum: Zaakdatum | None = None
    factuurdatum: Zaakdatum | None = None


class ToekenningCreate(WireModel):
    besluitdatum: Zaakdatum
    ingangsdatum_eigen_bijdrage: Zaakdatum | None = Field(
        default=None,
        description="Eerste maand van de eigen bijdrage (FIN-08); standaard de eerste dag van "
        "de maand na de besluitdatum",
    )


class BetalingCreate(WireModel):
    betaaldatum: Zaakdatum


class BewijsCreate(WireModel):
    ontvangstdatum: Zaakdatum
    aanschafdatum: Zaakdatum | None = None
    factuur: FactuurIn | None = Field(default=None, description="Volledig volgens FIN-04")


class TerugvorderingCreate(WireModel):
    terugvorderingsdatum: Zaakdatum
    gelegenheid_gegeven: bool = Field(
        default=False,
        description="De inwoner kreeg de gelegenheid alsnog aan te schaffen of bewijs te sturen",
    )


class HerzieningCreate(WireModel):
    """A programma-van-eisen check failed (FIN-07): a lower amount, or nil (ingetrokken)."""

    herzieningsdatum: Zaakdatum
    nieuw_bedrag: Geld
    verwijtbaar: bool = Field(description="Door toedoen van de inwoner")
    toelichting: str | None = Field(default=None, max_length=2000)
