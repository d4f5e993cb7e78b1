"""IND-05 / IND-06: the factors the ranking (``rangschikking.py``) weighs, each against every
profile of an aard at once.

A factor is weighed per profile: + weight when the client's value fits the profile, - weight
when it does not, nothing when the profile accepts every value (``profielkenmerken.py`` holds
the tables). The weights are this engine's heuristic, not seed numbers: the consulent's own
size class weighs most, then the ontwikkel/behoud choice (IND-08) and the dagdelen direction
(IND-09) by their certainty, then plus signals, then each single characteristic and the counts
of limited life domains and result areas.

What a factor does to each profile depends on its value alone (a ``Rij``: one column per
profile), and the values are few, so ``blokken.py`` weighs the factors in advance for every
value and adds neighbouring factors up; an advice looks them up. The functions per factor
(``kenmerk``, ``leefgebieden``, ...) are the rule; a value the tables do not hold (not a valid
input) is weighed with them as it comes.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from wmo_indicatie.domain.begrippen import (
    Aard,
    Dagdeelklasse,
    Gerichtheid,
    Omvangklasse,
    Profiel,
    Zekerheid,
)
from wmo_indicatie.domain.kenmerken import KENMERK_NAMEN, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.profielkenmerken import PROFIELKENMERKEN, VERGELEKEN_KENMERKEN
from wmo_shared.regels import Regel

GEWICHT_OMVANGKLASSE = 4
GEWICHT_PLUS = 2
GEWICHT_KENMERK = 1
GEWICHT_AANTAL = 1
GEWICHT_NAAR_ZEKERHEID = {Zekerheid.HOOG: 3, Zekerheid.REDELIJK: 2, Zekerheid.LAAG: 1}

# One factor against one profile: (fits, weight, text, the sentence with its rule); None when
# the profile does not weigh it.
Weging = tuple[bool, int, str, Regel]


def _weging(past: bool, gewicht: int, tekst: str, rule: str) -> Weging:
    return (past, gewicht, tekst, Regel(rule, f"{tekst}: {'past' if past else 'past niet'}."))


class Rij(NamedTuple):
    """One factor against every profile of an aard (``profielen_van`` order). Per profile: the
    points (+ weight when it fits, - weight when not), the weight, the text when it fits and
    when it does not (else None) and the sentence (0 and None: the profile does not weigh the
    factor)."""

    punten: tuple[int, ...]
    gewicht: tuple[int, ...]
    passend: tuple[str | None, ...]
    niet_passend: tuple[str | None, ...]
    regels: tuple[Regel | None, ...]


def rij(wegingen: Sequence[Weging | None]) -> Rij:
    return Rij(
        punten=tuple(0 if w is None else w[1] if w[0] else -w[1] for w in wegingen),
        gewicht=tuple(0 if w is None else w[1] for w in wegingen),
        passend=tuple(w[2] if w is not None and w[0] else None for w in wegingen),
        niet_passend=tuple(w[2] if w is not None and not w[0] else None for w in wegingen),
        regels=tuple(None if w is None else w[3] for w in wegingen),
    )


def rule(profiel: Profiel) -> str:
    return "IND-05" if profiel.aard is Aard.INDIVIDUELE_BEGELEIDING else "IND-06"


@cache
def _waarden(waarden: frozenset[Enum]) -> str:
    """The values in their Enum's order: "a, b of c" (a profile's allowed values, so few)."""

    def positie(w: Enum) -> int:
        return list(type(w).__members__.values()).index(w)

    namen = [str(w.value) for w in sorted(waarden, key=positie)]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


def _dagdelen(klasse: Dagdeelklasse) -> str:
    return "minder" if klasse is Dagdeelklasse.MINDER_DAGDELEN else "meer"


def _bereik(bereik: tuple[int, int | None]) -> str:
    laag, hoog = bereik
    if hoog is None:
        return f"{laag} of meer"
    if laag == 0:
        return f"hooguit {hoog}"
    return f"{laag} tot {hoog}"


# -- one factor against one profile --------------------------------------------------------------


def omvangklasse(profiel: Profiel, klasse: Omvangklasse) -> Weging | None:
    """The consulent's size class (individuele begeleiding)."""
    eigen = profiel.omvangklasse
    if eigen is None:
        return None
    return _weging(
        eigen is klasse,
        GEWICHT_OMVANGKLASSE,
        f"omvangklasse {klasse.value} volgens de consulent (profiel: {eigen.value})",
        rule(profiel),
    )


def gerichtheid(profiel: Profiel, richting: Gerichtheid, zekerheid: Zekerheid) -> Weging:
    return _weging(
        profiel.gerichtheid is richting,
        GEWICHT_NAAR_ZEKERHEID[zekerheid],
        f"primair {richting.value} (profiel: {profiel.gerichtheid.value})",
        "IND-08",
    )


def dagdelen(profiel: Profiel, klasse: Dagdeelklasse, zekerheid: Zekerheid) -> Weging | None:
    eigen = profiel.dagdeelklasse
    if eigen is None:
        return None
    return _weging(
        eigen is klasse,
        GEWICHT_NAAR_ZEKERHEID[zekerheid],
        f"{_dagdelen(klasse)} dagdelen (profiel: {_dagdelen(eigen)})",
        "IND-09",
    )


def plus(profiel: Profiel, policy: IndicatiePolicy) -> Weging:
    return _weging(
        policy.profiel(profiel).plus_toegestaan,
        GEWICHT_PLUS,
        "signalen voor plus (zwaar probleemgedrag of ernstige problemen in denken en "
        "waarneming) vragen een profiel dat plus toestaat",
        "IND-07",
    )


def kenmerk(profiel: Profiel, naam: str, waarde: Enum) -> Weging | None:
    """One characteristic against the profile's table; None: every value fits."""
    toegestaan: frozenset[Enum] = getattr(PROFIELKENMERKEN[profiel], naam)
    if len(toegestaan) == len(type(waarde)):
        return None
    return _weging(
        waarde in toegestaan,
        GEWICHT_KENMERK,
        f"{KENMERK_NAMEN[naam]} {waarde.value} (profiel: {_waarden(toegestaan)})",
        rule(profiel),
    )


def leefgebieden(profiel: Profiel, n: int) -> Weging | None:
    bereik = PROFIELKENMERKEN[profiel].leefgebieden
    if bereik is None:
        return None
    laag, hoog = bereik
    tekst = f"{n} beperkte levensdomeinen (profiel: {_bereik(bereik)})"
    return _weging(laag <= n <= hoog, GEWICHT_AANTAL, tekst, "IND-01")


def resultaten(profiel: Profiel, n: int) -> Weging | None:
    bereik = PROFIELKENMERKEN[profiel].resultaten
    if bereik is None or n <= 0:
        return None
    laag, bovengrens = bereik
    past = laag <= n and (bovengrens is None or n <= bovengrens)
    tekst = f"{n} te behalen resultaten (profiel: {_bereik(bereik)})"
    return _weging(past, GEWICHT_AANTAL, tekst, "IND-03")


# -- the characteristics compared ----------------------------------------------------------------

# The Enum each compared characteristic holds.
KENMERK_SOORTEN: dict[str, type[Enum]] = {
    naam: {"problematiek": Problematiek, "verwachting": Verwachting}.get(naam, Niveau)
    for naam in VERGELEKEN_KENMERKEN
}


LEES_KENMERKEN = attrgetter(*KENMERK_SOORTEN)
