"""Bounded wire types (issue 11.4): every date, amount and count a finance request carries is
refused at the edge with a 400 naming the field when the domain cannot hold it
(``domain.grenzen``). Today comes from the one clock, so a pinned clock moves the window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field

from wmo_finance.domain.grenzen import (
    EERSTE_GEBOORTEDATUM,
    EERSTE_ZAAKDATUM,
    GELD_DECIMALEN,
    GELD_MAX,
    GELD_MAX_DIGITS,
    HORIZON_JAREN,
    geboortedatum_fout,
    zaakdatum_fout,
)
from wmo_shared.clock import vandaag


def _zaakdatum(datum: dt.date) -> dt.date:
    reden = zaakdatum_fout(datum, vandaag())
    if reden is not None:
        raise ValueError(reden)
    return datum


def _geboortedatum(datum: dt.date) -> dt.date:
    reden = geboortedatum_fout(datum, vandaag())
    if reden is not None:
        raise ValueError(reden)
    return datum


Zaakdatum = Annotated[
    dt.date,
    AfterValidator(_zaakdatum),
    Field(
        description=f"Niet vóór {EERSTE_ZAAKDATUM.isoformat()} (Wmo 2015), ten hoogste "
        f"{HORIZON_JAREN} jaar na vandaag"
    ),
]
Geboortedatum = Annotated[
    dt.date,
    AfterValidator(_geboortedatum),
    Field(description=f"Niet in de toekomst, niet vóór {EERSTE_GEBOORTEDATUM.isoformat()}"),
]
# numeric(12, 2): not negative, at most ten digits before the point, whole cents
Geld = Annotated[
    Decimal,
    Field(ge=0, le=GELD_MAX, max_digits=GELD_MAX_DIGITS, decimal_places=GELD_DECIMALEN),
]
# A floor area in m² (FIN-11): a house, not a stadium
Oppervlakte = Annotated[Decimal, Field(ge=0, le=10000, max_digits=7, decimal_places=2)]
