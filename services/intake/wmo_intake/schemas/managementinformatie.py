"""Wire schemas of the management information (issue 14.6): the figures of the caller's
gemeente over a period, computed in SQL from the data of the four services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel
from wmo_shared.types import Gemeentecode


class Zaaktelling(WireModel):
    """Meldingen (by ontvangstdatum; uitkomst: their status), aanvragen (per gevraagde
    voorziening, by ontvangstdatum; uitkomst: the sent beschikking or ``open``) and sent
    beschikkingen (per maatwerkvoorziening, by besluitdatum; uitkomst: the soort)."""

    soort: Literal["melding", "aanvraag", "beschikking"]
    product: str | None = Field(default=None, description="Productcode (of categorie)")
    leveringsvorm: str | None = None
    uitkomst: str
    aantal: int


class Doorlooptijd(WireModel):
    """Days between two steps, for the meldingen received in the period."""

    traject: Literal["melding-onderzoek", "onderzoek-beschikking", "melding-beschikking"]
    aantal: int = Field(description="Zaken die beide stappen hebben gezet")
    mediaan_dagen: Decimal | None = None
    p90_dagen: Decimal | None = Field(default=None, description="90e percentiel")


class Termijntrouw(WireModel):
    """Terms that ended in the period: how many were met (a running term is not counted)."""

    termijn: Literal["onderzoek", "beschikking", "bezwaar", "zorgplan"]
    totaal: int
    gehaald: int
    aandeel: Decimal | None = Field(default=None, description="gehaald / totaal, 4 decimalen")


class Bezwaaruitkomst(WireModel):
    uitkomst: str
    aantal: int


class Maanduitgaven(WireModel):
    """Money per calendar month; null where the owning service did not answer."""

    maand: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$")
    zin_declaraties: Decimal | None = Field(description="Goedgekeurde declaraties (WMO323)")
    pgb_budgetten: Decimal | None = Field(description="Toegekende budgetten, naar rato")
    tegemoetkomingen: Decimal | None = Field(description="Betaalde tegemoetkomingen")
    eigen_bijdrage_termijnen: Decimal | None = Field(
        description="Eigen bijdrage van tegemoetkomingen (FIN-08), per maand geïnd"
    )
    cak_registraties: int | None = Field(
        description="Voorzieningen met eigen bijdrage die in deze maand bij het CAK startten"
    )


class Bron(WireModel):
    dienst: Literal["intake", "pgb", "finance"]
    status: Literal["beschikbaar", "niet-beschikbaar"]
    toelichting: str | None = None


class ManagementinformatieRead(WireModel):
    gemeente: Gemeentecode
    van: dt.date
    tot: dt.date
    peildatum: dt.date
    tellingen: list[Zaaktelling]
    doorlooptijden: list[Doorlooptijd]
    termijnen: list[Termijntrouw]
    bezwaren: list[Bezwaaruitkomst]
    uitgaven: list[Maanduitgaven]
    bronnen: list[Bron]
