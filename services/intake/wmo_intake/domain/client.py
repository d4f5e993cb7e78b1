"""Checks on a cliënt's data and its life events (issue 12.7): a cliënt who died or moved to
another gemeente takes no new case and no change (409); the date of death lies between birth
and today; a wettelijk vertegenwoordiger ends once, not before it started. Pure: ``vandaag`` is
a parameter."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.datums import tussen
from wmo_shared.weigering import Weigering


def toets_actief(
    overleden_op: dt.date | None, vertrokken_op: dt.date | None, nieuwe_gemeente: str | None
) -> None:
    """``client-overleden`` / ``client-vertrokken`` (409): the cliënt's file is closed."""
    if overleden_op is not None:
        raise Weigering(
            "client-overleden",
            f"De cliënt is overleden op {overleden_op.isoformat()}; het dossier is gesloten.",
            soort="conflict",
        )
    if vertrokken_op is not None:
        raise Weigering(
            "client-vertrokken",
            f"De cliënt is op {vertrokken_op.isoformat()} verhuisd naar gemeente "
            f"{nieuwe_gemeente}; uw gemeente bewaart de geschiedenis, de nieuwe gemeente neemt "
            "het over.",
            soort="conflict",
        )


def toets_overlijdensdatum(datum: dt.date, geboortedatum: dt.date, vandaag: dt.date) -> None:
    """``buiten-bereik``: a date of death between birth and today."""
    tussen(
        "datum", datum, geboortedatum, vandaag, "De datum ligt vóór de geboorte of in de toekomst."
    )


def toets_verhuizing_terug(vertrokken_op: dt.date | None, naar_eigen_gemeente: bool) -> None:
    """A cliënt who moved out comes back only by a move into this gemeente
    (``client-vertrokken`` otherwise)."""
    if vertrokken_op is not None and not naar_eigen_gemeente:
        raise Weigering(
            "client-vertrokken",
            f"De cliënt is op {vertrokken_op.isoformat()} uit uw gemeente vertrokken.",
            soort="conflict",
        )


def toets_einde_vertegenwoordiging(
    ingangsdatum: dt.date, einddatum: dt.date, al_beeindigd: dt.date | None
) -> None:
    """A vertegenwoordiging ends once (409 ``al-beeindigd``), not before it began
    (``volgorde``)."""
    if al_beeindigd is not None:
        raise Weigering(
            "al-beeindigd",
            f"Deze vertegenwoordiging is al beëindigd per {al_beeindigd.isoformat()}.",
            soort="conflict",
        )
    if einddatum < ingangsdatum:
        raise Weigering("volgorde", "De einddatum ligt vóór de ingangsdatum.", veld="einddatum")
