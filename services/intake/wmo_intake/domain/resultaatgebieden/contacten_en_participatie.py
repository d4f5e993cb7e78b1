"""RES-09 contacten en participatie (seed 001 H8): wheelchair for outings, sportvoorziening."""

from __future__ import annotations

from wmo_intake.domain.bevinding import Bevinding, Uitkomst

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK
_EERST = Uitkomst.EERST_VOORLIGGEND


def toets_rolstoel_participatie(*, alleen_incidenteel: bool) -> Bevinding:
    """RES-09: a wheelchair only for incidental use (outings) is an algemene voorziening (the
    rolstoelpool); the rental wheelchair of the uitleenpunt comes first."""
    if alleen_incidenteel:
        return Bevinding(
            "RES-09",
            _EERST,
            "Een rolstoel voor alleen incidenteel gebruik (uitstapjes) valt niet onder de Wmo-"
            "maatwerkvoorziening: eerst de huurrolstoel van het uitleenpunt of de rolstoelpool "
            "(algemene voorziening).",
            "uitleenpunt / rolstoelpool",
        )
    return Bevinding(
        "RES-09",
        _MAATWERK,
        "De cliënt kan zich buiten de woning niet zonder rolstoel verplaatsen: dat valt onder "
        "dit resultaat.",
    )


def toets_sportvoorziening(*, topsportvoorziening: bool, bevordert_participatie: bool) -> Bevinding:
    """RES-09: a sportvoorziening must serve participation and carries an eigen bijdrage; no
    topsport voorzieningen (a normal sportvoorziening may still be given)."""
    if topsportvoorziening:
        return Bevinding(
            "RES-09",
            _GEEN,
            "Geen voorziening voor topsport: die wordt betaald uit eigen middelen, fondsen of "
            "sponsoring. Een gewone sportvoorziening voor sport op een lager niveau blijft "
            "mogelijk.",
        )
    if not bevordert_participatie:
        return Bevinding(
            "RES-09",
            _GEEN,
            "De sportvoorziening draagt niet bij aan deelname aan het maatschappelijk leven.",
        )
    return Bevinding(
        "RES-09",
        _MAATWERK,
        "De sportvoorziening bevordert deelname aan het maatschappelijk leven; er geldt een "
        "eigen bijdrage.",
    )
