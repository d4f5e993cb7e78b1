"""What the domain allows, checked at the edge (issue 11.4): a case date lies in the era of the
Wmo 2015 and not decades ahead. A date outside that window is a 400 naming the field, never a
500 further down (a year-10000 overflow) and never a budget running to 9999.

    ingangsdatum: Zaakdatum          # 2015-01-01 .. today + 5 years
    einddatum: Einddatum | None      # 2015-01-01 .. today + 10 years

The window is relative to today (``wmo_shared.clock``, Europe/Amsterdam), so it moves with the
calendar. Whether an end date lies within the horizon of the policy that applies (an indicatie's
longest duur, a budget's maximum term) is the owning service's domain rule on top of this.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from wmo_shared.clock import vandaag
from wmo_shared.weigering import Weigering

WMO_2015 = dt.date(2015, 1, 1)
"""The Wmo 2015 took effect on 1 January 2015: no case under it lies before."""

JAREN_VOORUIT = 5
"""A start, decision or reference date lies at most this many years after today."""

JAREN_VOORUIT_EINDE = 10
"""An end date: a start at most five years ahead plus the longest term the policies know (the
five-year review of a levenslang indicatie, seed 001 §6.7)."""


def jaren_na(datum: dt.date, jaren: int) -> dt.date:
    """``datum`` plus whole years; 29 February becomes 28 February in a common year."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:
        return datum.replace(year=datum.year + jaren, day=28)


def in_venster(datum: dt.date, jaren_vooruit: int) -> dt.date:
    """``datum`` when it lies in the window; raises the pydantic error naming it otherwise."""
    if datum < WMO_2015:
        raise PydanticCustomError(
            "datum_voor_wmo_2015",
            "De datum {datum} ligt vóór 1 januari 2015, de start van de Wmo 2015.",
            {"datum": datum.isoformat()},
        )
    uiterlijk = jaren_na(vandaag(), jaren_vooruit)
    if datum > uiterlijk:
        raise PydanticCustomError(
            "datum_te_ver_vooruit",
            "De datum {datum} ligt meer dan {jaren} jaar vooruit (uiterlijk {uiterlijk}).",
            {
                "datum": datum.isoformat(),
                "jaren": jaren_vooruit,
                "uiterlijk": uiterlijk.isoformat(),
            },
        )
    return datum


def _zaakdatum(datum: dt.date) -> dt.date:
    return in_venster(datum, JAREN_VOORUIT)


def _einddatum(datum: dt.date) -> dt.date:
    return in_venster(datum, JAREN_VOORUIT_EINDE)


Zaakdatum = Annotated[dt.date, AfterValidator(_zaakdatum)]
"""A start, decision or reference date: from 2015-01-01 to five years after today."""

Einddatum = Annotated[dt.date, AfterValidator(_einddatum)]
"""An end date: from 2015-01-01 to ten years after today."""


def datum_in_venster(datum: dt.date, veld: str, *, einde: bool = False) -> None:
    """For a date that arrives in a model the service does not own (an event contract): the
    same window, refused as a ``Weigering`` naming ``veld``."""
    try:
        in_venster(datum, JAREN_VOORUIT_EINDE if einde else JAREN_VOORUIT)
    except PydanticCustomError as exc:
        raise Weigering(exc.type.replace("_", "-"), exc.message(), veld=veld) from exc
