"""Wire contracts of the destruction list (issue 14.5): what intake asks of indicatie, pgb and
finance (``GET <svc> /api/v1/vernietigingskandidaten``, role beheer, own gemeente, audited,
cursor paged) and what each answers: its records past the bewaartermijn, each with what goes
and why (the day the term runs from, the term, the rule). No BSN and no name: the id leads to
the record in its own service. The term is a policy value of each service (sleutel
``bewaartermijn-jaren``, per gemeente with validity dates): no seed gives one, so until beheer
sets it the list is a 400 (``beleidswaarde-ontbreekt``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel

Dienst = Literal["intake", "indicatie", "pgb", "finance"]


class Bewaartermijn(WireModel):
    """The term in force on the peildatum, as beheer set it (``POST /api/v1/beleidswaarden``)."""

    sleutel: str = Field(examples=["bewaartermijn-jaren"])
    jaren: int = Field(ge=1)
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = Field(default=None, description="Leeg: open")
    toelichting: str = Field(description="Waarop de termijn rust, bijvoorbeeld het collegebesluit")
    rule: str = Field(examples=["AVG-5.1e"])


class Vernietigingskandidaat(WireModel):
    """One record past its bewaartermijn: what to destroy and why."""

    soort: str = Field(examples=["pgb-plan"], description="Wat voor gegeven (per dienst)")
    id: uuid.UUID = Field(description="Het id van het gegeven in zijn eigen dienst")
    einddatum: dt.date = Field(description="De dag waarvan de bewaartermijn loopt")
    einde: str = Field(description="Wat die dag is, bijvoorbeeld 'einde van het budget'")
    bewaartermijn_jaren: int = Field(ge=1)
    bewaren_tot: dt.date = Field(description="Laatste dag dat het gegeven bewaard blijft")
    omvat: list[str] = Field(description="Wat met het gegeven vernietigd wordt")
    rule: str = Field(examples=["AVG-5.1e"])


class VernietigingskandidatenDeel(WireModel):
    """``GET <svc> /api/v1/vernietigingskandidaten``: one page of a service's records past the
    bewaartermijn on the peildatum, ordered by soort and id."""

    dienst: Dienst
    peildatum: dt.date
    bewaartermijn: Bewaartermijn
    resultaten: list[Vernietigingskandidaat]
    volgende_cursor: str | None = None
