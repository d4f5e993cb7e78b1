"""Wire schemas of the bezwaar (Awb hoofdstuk 6 and 7) against a sent beschikking: its
ontvankelijkheid (6:5–6:11) with a herstel term, the beslistermijn (7:10, 7:13) with verdaging
and further uitstel, the hoorzitting (7:2–7:4), a voorlopige voorziening, and the beslissing."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.awb import (
    Ontvankelijkheidsuitkomst,
    Uitstelgrond,
    UitzonderingHoren,
    Vereiste,
)
from wmo_intake.schemas.termijn import TermijnRead
from wmo_intake.schemas.termijnaanpassing import AangepasteTermijnRead
from wmo_shared.schemas import RegelRead, WireModel

__all__ = ["Ontvankelijkheidsuitkomst", "Uitstelgrond", "UitzonderingHoren", "Vereiste"]

Bezwaarkanaal = Literal["post", "e-mail", "webformulier", "balie"]
Bezwaaruitkomst = Literal["gegrond", "ongegrond", "niet_ontvankelijk", "ingetrokken"]
Tekst = Field(min_length=1, max_length=8000)


class PersoonCreate(WireModel):
    naam: str = Field(min_length=1, max_length=200)
    adresregels: list[str] = Field(default_factory=list, max_length=4)
    organisatie: str | None = Field(default=None, max_length=200)


class BezwaarCreate(WireModel):
    """``indiener`` empty: the cliënt of the beschikking. ``aanwezig``: what of Awb 6:5 the
    bezwaarschrift holds. ``terPostBezorgd``: the postmark (6:9 lid 2). ``verschoonbaar``: why a
    late bezwaar is excusable (6:11)."""

    beschikking_id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Bezwaarkanaal
    indiener: PersoonCreate | None = None
    gemachtigde: PersoonCreate | None = None
    ter_post_bezorgd: dt.date | None = None
    aanwezig: list[Vereiste] = Field(description="De vereisten van Awb 6:5 die er zijn")
    gronden: str | None = Field(default=None, max_length=8000)
    verschoonbaar: str | None = Field(default=None, max_length=2000)
    adviescommissie: bool = Field(
        default=False, description="Een onafhankelijke bezwaarcommissie adviseert (Awb 7:13)"
    )


class BezwaarUpdate(WireModel):
    """Only the fields sent change (If-Match). ``hersteldOp``: the verzuim was repaired then
    (the open herstelverzoek is answered; the beslistermijn runs again, 7:10 lid 2)."""

    aanwezig: list[Vereiste] | None = None
    hersteld_op: dt.date | None = None
    verschoonbaar: str | None = Field(default=None, max_length=2000)
    adviescommissie: bool | None = None
    gemachtigde: PersoonCreate | None = None
    gronden: str | None = Field(default=None, max_length=8000)


class OntvankelijkheidRead(WireModel):
    uitkomst: Ontvankelijkheidsuitkomst
    tijdig: bool
    bezwaartermijn: TermijnRead
    ontbrekend: list[Vereiste]
    herstel_uiterlijk: dt.date | None = None
    regels: list[RegelRead]


class HerstelverzoekCreate(WireModel):
    """Awb 6:6: the indiener is asked to repair the verzuim within ``dagen`` days."""

    verzonden_op: dt.date
    dagen: int = Field(default=14, ge=1, le=56)


class BezwaarVerdagingCreate(WireModel):
    """Awb 7:10 lid 3: at most six weeks in all, notice before the term ends."""

    mededeling_op: dt.date
    weken: int = Field(default=6, ge=1, le=6)


class UitstelCreate(WireModel):
    """Awb 7:10 lid 4: further delay to an agreed date, on a ground of the law, with notice."""

    grond: Uitstelgrond
    tot: dt.date
    mededeling_op: dt.date
    reden: str = Field(min_length=1, max_length=2000)
    andere_belanghebbenden_benadeeld: bool = False


class HoorzittingCreate(WireModel):
    """Plan a hoorzitting on ``geplandOp`` (7:2, documents open a week before, 7:4), or record
    that none is held because of an ``uitzondering`` of 7:3 (``motivering`` for kennelijk)."""

    gepland_op: dt.date | None = None
    uitzondering: UitzonderingHoren | None = None
    motivering: str | None = Field(default=None, max_length=4000)
    andere_belanghebbenden_benadeeld: bool = False


class HoorzittingUpdate(WireModel):
    """The hoorzitting was held (If-Match): when, who were there, what was said."""

    gehouden_op: dt.date
    aanwezig: list[str] = Field(min_length=1, max_length=20)
    verslag: str = Tekst


class HoorzittingRead(WireModel):
    id: uuid.UUID
    gepland_op: dt.date | None = None
    inzage_vanaf: dt.date | None = None
    uitzondering: UitzonderingHoren | None = None
    motivering: str | None = None
    gehouden_op: dt.date | None = None
    aanwezig: list[str] | None = None
    verslag: str | None = None
    regels: list[RegelRead]
    versie: int


class VoorlopigeVoorzieningCreate(WireModel):
    """A request to the voorzieningenrechter (Awb 8:81), noted with the bezwaar."""

    ingediend_op: dt.date
    rechtbank: str | None = Field(default=None, max_length=200)
    zaaknummer: str | None = Field(default=None, max_length=60)
    uitspraak_op: dt.date | None = None
    uitkomst: Literal["toegewezen", "afgewezen", "ingetrokken"] | None = None
    toelichting: str | None = Field(default=None, max_length=4000)


class VoorlopigeVoorzieningRead(VoorlopigeVoorzieningCreate):
    genoteerd_op: dt.date


class BeslissingCreate(WireModel):
    """Gegrond: ``herzieneBeschikkingId`` names the herziening (soort herziening, vorige = the
    contested beschikking) that goes out through the normal sending."""

    uitkomst: Bezwaaruitkomst
    beslisdatum: dt.date
    motivering: str = Tekst
    herziene_beschikking_id: uuid.UUID | None = None


class BriefRead(WireModel):
    kenmerk: str
    sha256: str
    beleid: str
    briefversie: dt.date


class BeslissingRead(WireModel):
    uitkomst: Bezwaaruitkomst
    beslisdatum: dt.date
    motivering: str
    herziene_beschikking_id: uuid.UUID | None = None
    brief: BriefRead | None = Field(default=None, description="De verzonden brief, als die er is")
    regels: list[RegelRead]


class BezwaarRead(WireModel):
    id: uuid.UUID
    beschikking_id: uuid.UUID
    melding_id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Bezwaarkanaal
    indiener: PersoonCreate | None = Field(default=None, description="Leeg: de cliënt zelf")
    gemachtigde: PersoonCreate | None = None
    ter_post_bezorgd: dt.date | None = None
    aanwezig: list[Vereiste]
    gronden: str | None = None
    verschoonbaar: str | None = None
    adviescommissie: bool
    status: Literal["in_behandeling", "afgehandeld"]
    ontvankelijkheid: OntvankelijkheidRead
    beslistermijn: AangepasteTermijnRead
    hoorzittingen: list[HoorzittingRead]
    voorlopige_voorzieningen: list[VoorlopigeVoorzieningRead]
    beslissing: BeslissingRead | None = None
    regels: list[RegelRead]
    versie: int


Behandelstatus = Literal["in_behandeling", "afgehandeld"]


class BezwaarSamenvatting(WireModel):
    """A bezwaar in a list: what a case worker needs to pick it up (the full bezwaar with its
    ontvankelijkheid and verloop: ``GET /bezwaren/{id}``)."""

    id: uuid.UUID
    beschikking_id: uuid.UUID
    melding_id: uuid.UUID
    client_id: uuid.UUID
    ontvangstdatum: dt.date
    kanaal: Bezwaarkanaal
    adviescommissie: bool
    status: Behandelstatus
    beslist_uiterlijk: dt.date = Field(
        description="De laatste dag van de beslistermijn zoals die nu staat (Awb 7:10)"
    )
    herstel_uiterlijk: dt.date | None = Field(
        default=None, description="De laatste dag voor herstel van een verzuim (Awb 6:6)"
    )
    uitkomst: Bezwaaruitkomst | None = None
    beslisdatum: dt.date | None = None
    versie: int


class BezwaarList(WireModel):
    resultaten: list[BezwaarSamenvatting]
    volgende_cursor: str | None = None
