"""The deadline of a step (INT-01, INT-03, INT-04, INT-14, AAN-02) as it is sent: its rule,
its last day and its state today."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from wmo_intake.domain.termijnen import Termijnsoort, Termijnstatus
from wmo_shared.schemas import RegelRead, WireModel


class TermijnRead(WireModel):
    soort: Termijnsoort
    rule: str
    aanvang: dt.date
    uiterlijk: dt.date = Field(description="Laatste dag waarop het op tijd is")
    status: Termijnstatus = Field(description="Stand vandaag (Europe/Amsterdam)")
    regels: list[RegelRead]
