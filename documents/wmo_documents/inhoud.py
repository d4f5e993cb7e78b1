"""What a letter says, as typed data: the beschikking (toekenning, afwijzing, herziening,
intrekking) and the onderzoeksverslag (INT-05). The caller fills it from the case; the
templates only arrange it. Dates the law computes (the last day for bezwaar) are filled in by
the caller from the intake's Awb terms, so this package needs no calendar of its own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

RULE_PATTERN = r"^[A-Z]{2,5}-[0-9]+(:[0-9]+[a-z]?)?$"
BEZWAARTERMIJN = dt.timedelta(weeks=6)

Tekst = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Briefsoort(StrEnum):
    TOEKENNING = "toekenning"
    AFWIJZING = "afwijzing"
    HERZIENING = "herziening"
    INTREKKING = "intrekking"
    ONDERZOEKSVERSLAG = "onderzoeksverslag"
    BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar"


class _HeeftRegel(Protocol):
    @property
    def rule(self) -> str: ...
    @property
    def toelichting(self) -> str: ...


class Regelverwijzing(_Model):
    """A motivation sentence and the rule it applies (a ``wmo_shared.regels.Regel``)."""

    rule: str = Field(pattern=RULE_PATTERN)
    toelichting: Tekst

    @classmethod
    def van(cls, regel: _HeeftRegel) -> Regelverwijzing:
        return cls(rule=regel.rule, toelichting=regel.toelichting)


Motivering = Annotated[tuple[Regelverwijzing, ...], Field(min_length=1)]


class Ontvanger(_Model):
    naam: Tekst
    aanhef: Tekst
    adresregels: Annotated[tuple[str, ...], Field(min_length=2)]


class Periode(_Model):
    van: dt.date
    tot_en_met: dt.date | None = None

    @model_validator(mode="after")
    def _volgorde(self) -> Periode:
        if self.tot_en_met is not None and self.tot_en_met < self.van:
            raise ValueError("de periode eindigt vóór zij begint")
        return self


class ZorgInNatura(_Model):
    vorm: Literal["zin"] = "zin"
    aanbieder: Tekst
    aanbieder_contact: str | None = None


class Pgb(_Model):
    """PGB-12: the budget is kept by the SVB (trekkingsrecht); the resident accounts for it.
    Without ``bedrag`` the letter refers to the besluit on the pgb-plan for the amount."""

    vorm: Literal["pgb"] = "pgb"
    bedrag: Decimal | None = Field(default=None, gt=0)
    per: Tekst = "jaar"
    tarief: str | None = None
    verantwoordingsvrij_bedrag: Decimal | None = None


class FinancieleTegemoetkoming(_Model):
    """Without ``bedrag`` the letter refers to the separate calculation of the amount."""

    vorm: Literal["financiele_tegemoetkoming"] = "financiele_tegemoetkoming"
    bedrag: Decimal | None = Field(default=None, gt=0)
    betaling: Tekst


class EenmaligPgb(_Model):
    """FIN-05: a one-off pgb the gemeente pays straight to the supplier (not via the SVB, not to
    the resident). Without ``bedrag`` the letter refers to the besluit on the amount."""

    vorm: Literal["eenmalig_pgb"] = "eenmalig_pgb"
    bedrag: Decimal | None = Field(default=None, gt=0)
    leverancier: str | None = None


Levering = Annotated[
    ZorgInNatura | Pgb | FinancieleTegemoetkoming | EenmaligPgb, Field(discriminator="vorm")
]


class Toekenning(_Model):
    """One maatwerkvoorziening granted: product, omvang, duur, leveringsvorm, start, why."""

    product: Tekst
    productcode: str | None = None
    omvang: Tekst
    periode: Periode
    levering: Levering
    motivering: Motivering


class Afwijzing(_Model):
    """A refusal states why and what the alternative is."""

    product: Tekst
    motivering: Motivering
    alternatief: Tekst


class EigenBijdrage(_Model):
    """FIN-12: via the CAK; or the policy's own schedule collected by the gemeente (FIN-08);
    or none, said so with why (``geen``: an eenmalig pgb, FIN-05)."""

    via: Literal["cak", "gemeente", "geen"]
    toelichting: str | None = None
    bedrag_per_maand: Decimal | None = None
    motivering: tuple[Regelverwijzing, ...] = ()

    @model_validator(mode="after")
    def _schema(self) -> EigenBijdrage:
        if self.via == "gemeente" and (self.toelichting is None or self.bedrag_per_maand is None):
            raise ValueError("een eigen bijdrage via de gemeente noemt bedrag en toelichting")
        if self.via == "geen" and not self.motivering:
            raise ValueError("geen eigen bijdrage zegt waarom (motivering)")
        return self


class VorigeBeschikking(_Model):
    kenmerk: Tekst
    datum: dt.date


class Herziening(_Model):
    vorige: VorigeBeschikking
    motivering: Motivering


class Intrekking(_Model):
    vorige: VorigeBeschikking
    product: Tekst
    per: dt.date
    motivering: Motivering


class Beschikkingsbrief(_Model):
    """The beschikking letter. ``datum`` is the day it is sent: the letter policy in force on
    that day is used, and ``bezwaar_uiterlijk`` (Awb 6:7, 6:8 with the Atw, computed by the
    intake) is the last day for bezwaar. ``concept``: a preview of an unsent beschikking, marked
    as such on every page. ``termijnaanpassingen``: how the beslistermijn was suspended or
    postponed, and why (Awb 4:14, 4:15)."""

    soort: Briefsoort
    kenmerk: Tekst
    datum: dt.date
    ontvanger: Ontvanger
    aanvraag_ontvangen: dt.date | None = None
    toekenningen: tuple[Toekenning, ...] = ()
    afwijzingen: tuple[Afwijzing, ...] = ()
    herziening: Herziening | None = None
    intrekking: Intrekking | None = None
    eigen_bijdrage: EigenBijdrage | None = None
    bezwaar_uiterlijk: dt.date
    behandelaar: str | None = None
    concept: bool = False
    termijnaanpassingen: tuple[Regelverwijzing, ...] = ()

    @model_validator(mode="after")
    def _samenhang(self) -> Beschikkingsbrief:
        s = self.soort
        if s is Briefsoort.ONDERZOEKSVERSLAG:
            raise ValueError("een onderzoeksverslag is een Onderzoeksverslag, geen beschikking")
        if s is Briefsoort.TOEKENNING and not self.toekenningen:
            raise ValueError("een toekenning noemt minstens één voorziening")
        if s is Briefsoort.AFWIJZING and (not self.afwijzingen or self.toekenningen):
            raise ValueError("een afwijzing noemt wat is afgewezen en kent niets toe")
        if (s is Briefsoort.HERZIENING) != (self.herziening is not None):
            raise ValueError("alleen en altijd een herziening noemt de vorige beschikking")
        if s is Briefsoort.HERZIENING and not (self.toekenningen or self.afwijzingen):
            raise ValueError("een herziening zegt wat er nu geldt")
        if (s is Briefsoort.INTREKKING) != (self.intrekking is not None):
            raise ValueError("alleen en altijd een intrekking noemt wat wordt ingetrokken")
        if self.bezwaar_uiterlijk < self.datum + BEZWAARTERMIJN:
            raise ValueError("de laatste dag voor bezwaar ligt minder dan zes weken na verzending")
        return self


class Gesprek(_Model):
    datum: dt.date
    plaats: Tekst
    aanwezig: Annotated[tuple[str, ...], Field(min_length=1)]


class Onderzoeksvragen(_Model):
    """INT-05: the six questions of the onderzoek, in order."""

    hulpvraag: Tekst
    problemen: Tekst
    benodigde_ondersteuning: Tekst
    eigen_mogelijkheden: Tekst
    advies: Tekst
    conclusie: Tekst


class Onderzoeksverslag(_Model):
    """The written outcome of the onderzoek (Wmo 2.3.2 lid 8), sent to the resident."""

    soort: Literal[Briefsoort.ONDERZOEKSVERSLAG] = Briefsoort.ONDERZOEKSVERSLAG
    kenmerk: Tekst
    datum: dt.date
    ontvanger: Ontvanger
    melding_ontvangen: dt.date
    gesprekken: Annotated[tuple[Gesprek, ...], Field(min_length=1)]
    clientondersteuning: Tekst
    persoonlijk_plan: str | None = None
    vragen: Onderzoeksvragen
    motivering: Motivering
    vervolg: Tekst
    reageren_uiterlijk: dt.date | None = None
    behandelaar: str | None = None
    termijnaanpassingen: tuple[Regelverwijzing, ...] = ()


class Bezwaaruitkomst(StrEnum):
    GEGROND = "gegrond"
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"
    INGETROKKEN = "ingetrokken"


class BeslissingOpBezwaar(_Model):
    """The decision on a bezwaar (Awb 7:11, 7:12): the outcome with its motivation, how the
    indiener was heard (7:2, 7:3), the new beschikking when the bezwaar is gegrond and, except
    after intrekking, the last day for beroep at the rechtbank (Awb 6:7, 8:1), computed by the
    intake. ``termijnaanpassingen``: how the beslistermijn was postponed, and why (7:10)."""

    soort: Literal[Briefsoort.BESLISSING_OP_BEZWAAR] = Briefsoort.BESLISSING_OP_BEZWAAR
    kenmerk: Tekst
    datum: dt.date
    ontvanger: Ontvanger
    bezwaar_ontvangen: dt.date
    besluit: VorigeBeschikking
    uitkomst: Bezwaaruitkomst
    motivering: Motivering
    horen: tuple[Regelverwijzing, ...] = ()
    herzien_besluit: VorigeBeschikking | None = None
    beroep_uiterlijk: dt.date | None = None
    termijnaanpassingen: tuple[Regelverwijzing, ...] = ()
    behandelaar: str | None = None

    @model_validator(mode="after")
    def _samenhang(self) -> BeslissingOpBezwaar:
        if self.herzien_besluit is not None and self.uitkomst is not Bezwaaruitkomst.GEGROND:
            raise ValueError("alleen een gegrond bezwaar leidt tot een nieuw besluit")
        if self.uitkomst is Bezwaaruitkomst.INGETROKKEN:
            if self.beroep_uiterlijk is not None:
                raise ValueError("na intrekking is er geen beroep")
        elif self.beroep_uiterlijk is None or self.beroep_uiterlijk < self.datum + BEZWAARTERMIJN:
            raise ValueError("de laatste dag voor beroep ligt minstens zes weken na verzending")
        return self


Brief = Beschikkingsbrief | Onderzoeksverslag | BeslissingOpBezwaar
