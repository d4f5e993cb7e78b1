"""Wire contracts of the management figures (issue 14.6): what pgb and finance count for a
gemeente and period, asked by intake with the caller's token. Money per calendar month
(``maand`` ``YYYY-MM``), computed in SQL by the owning service, rounded half-up to cents once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field

from wmo_shared.problems import invalid
from wmo_shared.schemas import WireModel


class Maandbedrag(WireModel):
    maand: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$", examples=["2026-04"])
    bedrag: Decimal
    aantal: int = Field(description="Hoeveel posten samen het bedrag vormen")


class PgbCijfers(WireModel):
    """pgb ``GET /api/v1/budgetcijfers?van=&tot=``: the toegekende budgets (not withdrawn),
    each spread over the months of its period by the share of its days in each (PGB-11)."""

    van: dt.date
    tot: dt.date
    budgetten: list[Maandbedrag]


class FinanceCijfers(WireModel):
    """finance ``GET /api/v1/financiele-cijfers?van=&tot=``: tegemoetkomingen paid per month,
    the eigen-bijdrage terms scheduled per month (FIN-08) and the voorzieningen with eigen
    bijdrage registered for the CAK per month of their start (FIN-12)."""

    van: dt.date
    tot: dt.date
    tegemoetkomingen: list[Maandbedrag]
    eigen_bijdrage_termijnen: list[Maandbedrag]
    cak_registraties: list[Maandbedrag] = Field(
        description="aantal: nieuwe registraties; bedrag: het abonnementstarief per maand samen"
    )


MAX_DAGEN = 3660


def controleer_periode(van: dt.date, tot: dt.date) -> None:
    """A period of figures: ``van`` up to and including ``tot``, at most ten years (a 400
    naming ``tot`` otherwise)."""
    if tot < van:
        raise invalid("tot", "tot ligt vóór van.", "voor-van")
    if (tot - van).days > MAX_DAGEN:
        raise invalid("tot", "Een periode is ten hoogste tien jaar.", "te-lang")
