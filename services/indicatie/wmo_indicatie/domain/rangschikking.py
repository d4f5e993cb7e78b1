"""IND-05 / IND-06: rank the profiles of one aard by how well they fit the client (seed §6.9
"Stap 5: bepalen best passende indicatieprofiel", §6.13).

Each profile collects points per factor: + weight when the client's value fits the profile,
- weight when it does not, nothing when the value is unknown or the profile accepts every value
(``profielkenmerken.py`` holds the tables). The weights are this engine's heuristic, not seed
numbers: the consulent's own size class weighs most, then the ontwikkel/behoud choice (IND-08)
and the dagdelen direction (IND-09) by their certainty, then plus signals, then each single
characteristic. Ties go to the lighter profile (goedkoopst adequaat, INT-06).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from wmo_indicatie.domain.begrippen import (
    Aard,
    Dagdeelklasse,
    Omvangklasse,
    Profiel,
    Zekerheid,
    profielen_van,
)
from wmo_indicatie.domain.dagdelen import DagdeelOordeel
from wmo_indicatie.domain.gerichtheid import GerichtheidOordeel
from wmo_indicatie.domain.kenmerken import KENMERK_NAMEN, Kenmerken
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.profielkenmerken import (
    PROFIELKENMERKEN,
    VERGELEKEN_KENMERKEN,
    Profielkenmerken,
)
from wmo_shared.regels import Regel

GEWICHT_OMVANGKLASSE = 4
GEWICHT_PLUS = 2
GEWICHT_KENMERK = 1
GEWICHT_AANTAL = 1
_GEWICHT_NAAR_ZEKERHEID = {Zekerheid.HOOG: 3, Zekerheid.REDELIJK: 2, Zekerheid.LAAG: 1}


@dataclass(frozen=True, slots=True)
class Signalen:
    """What the ranking needs beyond the characteristics; plain values from the other steps."""

    gerichtheid: GerichtheidOordeel
    aantal_leefgebieden: int  # counted limited life domains (IND-01)
    aantal_resultaten: int  # chosen result areas (IND-03)
    plus_signaal: bool  # criterion 1 or 2 met, or zwaar probleemgedrag (IND-07)
    omvangklasse: Omvangklasse | None = None  # known by the consulent (individuele begeleiding)
    dagdelen: DagdeelOordeel | None = None  # IND-09 (dagbesteding)


@dataclass(frozen=True, slots=True)
class ProfielScore:
    profiel: Profiel
    punten: int
    maximum: int  # the points when every evaluated factor had fitted
    vergeleken: int  # number of factors evaluated (known client values)
    passend: tuple[str, ...]
    niet_passend: tuple[str, ...]
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Rangorde:
    aard: Aard
    profielen: tuple[ProfielScore, ...]  # best first; always all profiles of the aard
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]

    @property
    def beste(self) -> ProfielScore:
        return self.profielen[0]


@dataclass
class _Telling:
    rule: str
    punten: int = 0
    maximum: int = 0
    vergeleken: int = 0
    passend: list[str] = field(default_factory=list)
    niet_passend: list[str] = field(default_factory=list)
    regels: list[Regel] = field(default_factory=list)

    def weeg(self, past: bool, gewicht: int, tekst: str, rule: str | None = None) -> None:
        self.vergeleken += 1
        self.maximum += gewicht
        if past:
            self.punten += gewicht
            self.passend.append(tekst)
        else:
            self.punten -= gewicht
            self.niet_passend.append(tekst)
        oordeel = "past" if past else "past niet"
        self.regels.append(Regel(rule or self.rule, f"{tekst}: {oordeel}."))


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


def _score(
    profiel: Profiel,
    kenmerken: Kenmerken,
    signalen: Signalen,
    policy: IndicatiePolicy,
) -> ProfielScore:
    data: Profielkenmerken = PROFIELKENMERKEN[profiel]
    t = _Telling(rule="IND-05" if profiel.aard is Aard.INDIVIDUELE_BEGELEIDING else "IND-06")

    if signalen.omvangklasse is not None and profiel.omvangklasse is not None:
        t.weeg(
            profiel.omvangklasse is signalen.omvangklasse,
            GEWICHT_OMVANGKLASSE,
            f"omvangklasse {signalen.omvangklasse.value} volgens de consulent "
            f"(profiel: {profiel.omvangklasse.value})",
        )
    g = signalen.gerichtheid
    if g.gerichtheid is not None:
        t.weeg(
            profiel.gerichtheid is g.gerichtheid,
            _GEWICHT_NAAR_ZEKERHEID[g.zekerheid],
            f"primair {g.gerichtheid.value} (profiel: {profiel.gerichtheid.value})",
            "IND-08",
        )
    d = signalen.dagdelen
    if d is not None and d.klasse is not None and profiel.dagdeelklasse is not None:
        t.weeg(
            profiel.dagdeelklasse is d.klasse,
            _GEWICHT_NAAR_ZEKERHEID[d.zekerheid],
            f"{_dagdelen(d.klasse)} dagdelen (profiel: {_dagdelen(profiel.dagdeelklasse)})",
            "IND-09",
        )
    if signalen.plus_signaal:
        t.weeg(
            policy.profiel(profiel).plus_toegestaan,
            GEWICHT_PLUS,
            "signalen voor plus (zwaar probleemgedrag of ernstige problemen in denken en "
            "waarneming) vragen een profiel dat plus toestaat",
            "IND-07",
        )

    for naam in VERGELEKEN_KENMERKEN:
        toegestaan: frozenset[Enum] = getattr(data, naam)
        waarde: Enum | None = getattr(kenmerken, naam)
        if waarde is None or len(toegestaan) == len(type(waarde)):
            continue
        t.weeg(
            waarde in toegestaan,
            GEWICHT_KENMERK,
            f"{KENMERK_NAMEN[naam]} {waarde.value} (profiel: {_waarden(toegestaan)})",
        )

    if data.leefgebieden is not None:
        laag, hoog = data.leefgebieden
        n = signalen.aantal_leefgebieden
        t.weeg(
            laag <= n <= hoog,
            GEWICHT_AANTAL,
            f"{n} beperkte levensdomeinen (profiel: {_bereik(data.leefgebieden)})",
            "IND-01",
        )
    if data.resultaten is not None and signalen.aantal_resultaten > 0:
        laag, bovengrens = data.resultaten
        n = signalen.aantal_resultaten
        t.weeg(
            laag <= n and (bovengrens is None or n <= bovengrens),
            GEWICHT_AANTAL,
            f"{n} te behalen resultaten (profiel: {_bereik(data.resultaten)})",
            "IND-03",
        )
    return ProfielScore(
        profiel=profiel,
        punten=t.punten,
        maximum=t.maximum,
        vergeleken=t.vergeleken,
        passend=tuple(t.passend),
        niet_passend=tuple(t.niet_passend),
        regels=tuple(t.regels),
    )


def _zekerheid(scores: list[ProfielScore]) -> Zekerheid:
    beste, tweede = scores[0], scores[1]
    marge = beste.punten - tweede.punten
    if marge >= 3 and beste.vergeleken >= 6:
        return Zekerheid.HOOG
    if marge >= 1 and beste.vergeleken >= 3:
        return Zekerheid.REDELIJK
    return Zekerheid.LAAG


def rangschik_profielen(
    aard: Aard, kenmerken: Kenmerken, signalen: Signalen, policy: IndicatiePolicy
) -> Rangorde:
    volgorde = profielen_van(aard)
    scores = [_score(p, kenmerken, signalen, policy) for p in volgorde]
    # sorted() is stable: equal points keep the lighter-first order of ``profielen_van``
    scores.sort(key=lambda s: -s.punten)
    zekerheid = _zekerheid(scores)
    beste = scores[0]
    rule = "IND-05" if aard is Aard.INDIVIDUELE_BEGELEIDING else "IND-06"
    zin = (
        f"Best passend profiel: {beste.profiel.naam}, {beste.punten} punten van maximaal "
        f"{beste.maximum}"
    )
    if scores[1].punten == beste.punten:
        zin += f"; gelijk met {scores[1].profiel}: het lichtere profiel gaat voor (goedkoopst "
        zin += "adequaat), op hetzelfde niveau het ontwikkelgerichte"
    else:
        zin += f"; daarna {scores[1].profiel} ({scores[1].punten} punten)"
    zin += f". Zekerheid: {zekerheid.value}; het profiel is ter beoordeling van de consulent."
    regels = [Regel(rule, zin)]
    if beste.niet_passend:
        regels.append(
            Regel(rule, f"Niet passend bij {beste.profiel}: " + "; ".join(beste.niet_passend) + ".")
        )
    if beste.vergeleken == 0:
        regels.append(
            Regel(
                rule,
                "Er zijn te weinig gegevens om profielen te vergelijken; het lichtste profiel is "
                "voorlopig bovenaan gezet.",
            )
        )
    return Rangorde(aard=aard, profielen=tuple(scores), zekerheid=zekerheid, regels=tuple(regels))
