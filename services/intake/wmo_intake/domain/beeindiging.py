"""How a running maatwerkvoorziening ends before its own end date (issue 12.4, 12.7): by an
intrekking or herziening, by the death of the cliënt, or by a move to another gemeente; and the
guard on the dates of every event intake sends, so no receiver ever has to refuse one.

An end before the voorziening started is a cancellation: the voorziening never ran, so its
events carry an einddatum **equal to** its ingangsdatum (what the CAK register of finance and
the pgb budget receiver accept; an end before the start they refuse). iWmo does the same for a
toewijzing that is withdrawn before it starts: einddatum = ingangsdatum with RedenWijziging 13
(Verwijderd). Pure: no clock, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Grond(StrEnum):
    """Why a running voorziening ends early."""

    INTREKKING = "intrekking"
    HERZIENING = "herziening"
    OVERLIJDEN = "overlijden"
    VERHUIZING = "verhuizing"
    INNAME = "inname"
    """A hulpmiddel in bruikleen is handed back (FIN-09: the eigen bijdrage stops)."""


class RedenWijziging(StrEnum):
    """iWmo LDT_RedenWijziging of the changed toewijzing (WMO301) the provider receives."""

    CLIENT_OVERLEDEN = "02"
    VERKORTING = "05"
    """Herbeoordeling: verkorting toewijzing (an intrekking or herziening)."""
    VERHUIZING = "07"
    VERWIJDERD = "13"
    """Withdrawn before it started: einddatum = ingangsdatum."""


_REDEN = {
    Grond.INTREKKING: RedenWijziging.VERKORTING,
    Grond.HERZIENING: RedenWijziging.VERKORTING,
    Grond.OVERLIJDEN: RedenWijziging.CLIENT_OVERLEDEN,
    Grond.VERHUIZING: RedenWijziging.VERHUIZING,
    Grond.INNAME: RedenWijziging.VERKORTING,
}

_WAAROM = {
    Grond.INTREKKING: "de beschikking is ingetrokken",
    Grond.HERZIENING: "een herziening vervangt haar",
    Grond.OVERLIJDEN: "de cliënt is overleden",
    Grond.VERHUIZING: "de cliënt is naar een andere gemeente verhuisd",
    Grond.INNAME: "het hulpmiddel in bruikleen is ingeleverd en de eigen bijdrage stopt (FIN-09)",
}


@dataclass(frozen=True, slots=True)
class Beeindiging:
    einddatum: dt.date
    """The einddatum every receiver gets: the last day, or the ingangsdatum when cancelled."""
    geannuleerd: bool
    """The voorziening never ran (its last day lay before its start)."""
    reden_wijziging: RedenWijziging
    regels: tuple[Regel, ...]


def beeindiging(
    grond: Grond, begindatum: dt.date, eigen_einddatum: dt.date | None, laatste_dag: dt.date
) -> Beeindiging | None:
    """The ending of a voorziening that runs from ``begindatum`` up to ``eigen_einddatum``
    (None: open-ended) and should run no later than ``laatste_dag``. None when it ends by itself
    on or before that day: nothing changes."""
    if eigen_einddatum is not None and eigen_einddatum <= laatste_dag:
        return None
    waarom = _WAAROM[grond]
    if laatste_dag < begindatum:
        return Beeindiging(
            begindatum,
            True,
            RedenWijziging.VERWIJDERD,
            (
                Regel(
                    "FIN-12",
                    f"De voorziening zou op {begindatum.isoformat()} starten, maar {waarom} "
                    f"met als laatste dag {laatste_dag.isoformat()}: zij is geannuleerd. Het CAK, "
                    "de pgb-administratie en de aanbieder krijgen de einddatum gelijk aan de "
                    "ingangsdatum (zoals iWmo een ingetrokken toewijzing meldt), nooit een "
                    "einddatum vóór de start.",
                ),
            ),
        )
    return Beeindiging(
        laatste_dag,
        False,
        _REDEN[grond],
        (
            Regel(
                "FIN-12",
                f"De voorziening eindigt op {laatste_dag.isoformat()}: {waarom}. Het CAK, de "
                "pgb-administratie en de aanbieder krijgen die einddatum.",
            ),
        ),
    )


def toets_gebeurtenis(
    bestemming: str, ingangsdatum: dt.date, einddatum: dt.date | None, *, veld: str
) -> None:
    """Before any event is enqueued: its einddatum never lies before its ingangsdatum (FIN-12 for
    the CAK register, PGB-11 for the pgb budget), or the receiver would refuse it and the event
    would be parked. A refusal here is a defect of intake, stopped before it leaves."""
    if einddatum is None or einddatum >= ingangsdatum:
        return
    rule = "PGB-11" if bestemming == "pgb" else "FIN-12"
    reden = (
        f"De gebeurtenis voor {bestemming} zou eindigen op {einddatum.isoformat()}, vóór de "
        f"ingangsdatum {ingangsdatum.isoformat()}; die zou worden geweigerd. Een voorziening "
        "die nooit liep, wordt geannuleerd (einddatum gelijk aan de ingangsdatum)."
    )
    raise Weigering("einde-voor-start", reden, veld=veld, regels=[Regel(rule, reden)])
