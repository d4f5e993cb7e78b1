"""Wire schemas of the AVG inzage (art. 15, issue 14.5): everything the four services hold
about one person in the caller's gemeente, and every audit row about it (who, role, gemeente,
what, when), itself audited."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from wmo_shared.dossiercontracten import AuditRegel
from wmo_shared.schemas import WireModel
from wmo_shared.types import Gemeentecode

Dienst = Literal["intake", "indicatie", "pgb", "finance"]


class AvgInzageDienst(WireModel):
    """One service's part: per table its rows (``niet-beschikbaar`` when it did not answer)."""

    dienst: Dienst
    status: Literal["beschikbaar", "niet-beschikbaar"]
    toelichting: str | None = None
    gegevens: dict[str, list[dict[str, Any]]] | None = None


class AvgAuditRegel(AuditRegel):
    dienst: Dienst


class AvgInzageRead(WireModel):
    gemeente: Gemeentecode
    gemaakt_op: dt.datetime
    diensten: list[AvgInzageDienst]
    audit: list[AvgAuditRegel] = Field(
        description="Elke lees- of wijzigactie op deze gegevens, in alle diensten, oudste eerst"
    )
