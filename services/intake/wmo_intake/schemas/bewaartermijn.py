"""Wire schemas of the destruction list (issue 14.5) as intake assembles it: per service (intake,
indicatie, pgb, finance) its records past the bewaartermijn that service's beheer set for the
gemeente, each with what goes and why (``wmo_shared.vernietigingscontracten``). No BSN and no
name: the id leads to the record in its own service."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel
from wmo_shared.vernietigingscontracten import Bewaartermijn, Dienst, Vernietigingskandidaat

Status = Literal["beschikbaar", "niet-beschikbaar", "bewaartermijn-ontbreekt", "afgerond"]


class VernietigingslijstDienst(WireModel):
    """One service's records on this page. ``niet-beschikbaar``: it did not answer in time
    (ask the list again later); ``bewaartermijn-ontbreekt``: its beheer has not set the term;
    ``afgerond``: it listed everything on an earlier page."""

    dienst: Dienst
    status: Status
    toelichting: str | None = None
    bewaartermijn: Bewaartermijn | None = None
    resultaten: list[Vernietigingskandidaat] = Field(default_factory=list)


class VernietigingslijstRead(WireModel):
    peildatum: dt.date
    diensten: list[VernietigingslijstDienst]
    volgende_cursor: str | None = Field(
        default=None,
        description="Zolang een dienst meer heeft: de volgende pagina (tot limit per dienst)",
    )
