"""Wire schemas of terms that pause and stretch, with reasons: opschorting of the beslistermijn
of an aanvraag (Awb 4:15), the notice that the decision comes later (4:14), the onderzoek
extended by agreement (INT-01), and the adjusted term with every step and why."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import Field

from wmo_intake.domain.termijnen import Termijnstatus
from wmo_shared.schemas import RegelRead, WireModel

Opschortingsgrond = Literal[
    "aanvulling", "instemming_aanvrager", "vertraging_aanvrager", "overmacht"
]
Reden = Field(default=None, max_length=2000)


class OpschortingCreate(WireModel):
    """``aanvulling`` (4:15 lid 1): asked on ``verzochtOp`` to supplement the aanvraag by
    ``aanvullenUiterlijk`` (``aangevuldOp`` when it came). The other grounds (4:15 lid 2):
    suspended ``van`` through ``totEnMet``, with a ``reden``."""

    grond: Opschortingsgrond
    verzocht_op: dt.date | None = None
    aanvullen_uiterlijk: dt.date | None = None
    aangevuld_op: dt.date | None = None
    van: dt.date | None = None
    tot_en_met: dt.date | None = None
    reden: str | None = Reden


class AanvullingUpdate(WireModel):
    """The day the aanvraag was supplemented (4:15 lid 1): from then on the term runs again."""

    aangevuld_op: dt.date


class VertragingCreate(WireModel):
    """Awb 4:14: the aanvrager is told before the term ends that the decision comes later, and
    when it is expected. The statutory last day stays (an ingebrekestelling remains possible)."""

    mededeling_op: dt.date
    verwacht_op: dt.date
    reden: str | None = Reden


class OnderzoeksverlengingCreate(WireModel):
    """INT-01: the six-week onderzoek extended by agreement with the resident."""

    afgesproken_op: dt.date
    tot: dt.date
    reden: str = Field(min_length=1, max_length=2000)


class AanpassingRead(WireModel):
    id: uuid.UUID
    soort: str = Field(
        description="aanvulling, opschorting, vertraging, verlenging, herstel, verdaging, uitstel"
    )
    gegevens: dict[str, Any] = Field(description="De vastgelegde feiten (datums, grond, reden)")
    regels: list[RegelRead]
    versie: int
    aangemaakt: dt.datetime


class AangepasteTermijnRead(WireModel):
    rule: str
    aanvang: dt.date
    berekend_einde: dt.date = Field(description="Na opschorting en verdaging, vóór de Atw")
    uiterlijk: dt.date = Field(description="Laatste dag waarop het op tijd is")
    verwacht_op: dt.date | None = Field(
        default=None, description="Awb 4:14: de gemelde datum waarop de beslissing verwacht wordt"
    )
    status: Termijnstatus
    regels: list[RegelRead]
    aanpassingen: list[AanpassingRead]


class TermijnaanpassingRead(WireModel):
    """One recorded step and the term as it stands after it."""

    aanpassing: AanpassingRead
    termijn: AangepasteTermijnRead
