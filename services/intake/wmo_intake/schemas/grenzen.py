"""Bounded value types of the wire (issue 11.4): a value outside ``domain.grenzen`` is a 400
naming the field. Today is the Amsterdam date of the one clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, Field

from wmo_intake.domain import grenzen
from wmo_shared.clock import vandaag


def _datumcheck(check: Callable[[dt.date, dt.date], str | None]) -> AfterValidator:
    def valideer(datum: dt.date) -> dt.date:
        reden = check(datum, vandaag())
        if reden:
            raise ValueError(reden)
        return datum

    return AfterValidator(valideer)


def _json_check(grens: int) -> AfterValidator:
    def valideer(waarde: Any) -> Any:
        reden = grenzen.json_grootte(waarde, grens)
        if reden:
            raise ValueError(reden)
        return waarde

    return AfterValidator(valideer)


Geboortedatum = Annotated[
    dt.date,
    Field(description="Niet vóór 1900-01-01 en niet in de toekomst"),
    _datumcheck(grenzen.geboortedatum),
]
Zaakdatum = Annotated[
    dt.date,
    Field(description="Niet vóór 2015-01-01 (Wmo 2015) en hoogstens vijf jaar vooruit"),
    _datumcheck(grenzen.zaakdatum),
]
Einddatum = Annotated[
    dt.date,
    Field(description="Niet vóór 2015-01-01 en hoogstens twintig jaar vooruit"),
    _datumcheck(grenzen.einddatum),
]


def _tijdstip(moment: dt.datetime) -> dt.datetime:
    reden = grenzen.zaakdatum(moment.date(), vandaag())
    if reden:
        raise ValueError(reden)
    return moment


Tijdstip = Annotated[
    AwareDatetime,
    Field(description="Met tijdzone; niet vóór 2015 en hoogstens vijf jaar vooruit"),
    AfterValidator(_tijdstip),
]
KorteTekst = Annotated[str, Field(min_length=1, max_length=grenzen.MAX_KORTE_TEKST)]
Feiten = Annotated[dict[str, Any], _json_check(grenzen.MAX_FEITEN_BYTES)]
Begeleidingsgegevens = Annotated[dict[str, Any], _json_check(grenzen.MAX_BEGELEIDING_BYTES)]
MAX_LIJST = grenzen.MAX_LIJST
