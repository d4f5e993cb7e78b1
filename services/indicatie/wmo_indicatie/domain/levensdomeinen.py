"""IND-01: the eight life domains of the CIZ protocol, each scored 0-3 (seed 001 Bijlage 6 §3.2).

A limitation only counts when the client experiences it as a barrier to zelfredzaamheid or
participatie; a scored domain the client does not experience so is recorded but not counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import NamedTuple

from wmo_shared.regels import Regel


class Levensdomein(StrEnum):
    LICHAMELIJK_FUNCTIONEREN = "lichamelijk_functioneren"
    PSYCHISCH_FUNCTIONEREN = "psychisch_functioneren"
    PRAKTISCH_FUNCTIONEREN = "praktisch_functioneren"
    SOCIAAL_FUNCTIONEREN = "sociaal_functioneren"
    HUISVESTING = "huisvesting"
    DAGBESTEDING = "dagbesteding"  # dagbesteding/daginvulling
    ZINGEVING = "zingeving"
    FINANCIEN = "financien"

    @property
    def omschrijving(self) -> str:
        return _DOMEIN_OMSCHRIJVING[self]


class Score(IntEnum):
    GEEN = 0  # kan deze activiteit zelf
    LICHT = 1  # kan het zelf, maar een ander moet toezien of stimuleren
    MATIG = 2  # slechts met veel moeite; een ander moet helpen
    ZWAAR = 3  # kan het niet zelfstandig; een ander moet het overnemen

    @property
    def omschrijving(self) -> str:
        return _SCORE_OMSCHRIJVING[self]


_DOMEIN_OMSCHRIJVING = {
    Levensdomein.LICHAMELIJK_FUNCTIONEREN: "lichamelijk functioneren",
    Levensdomein.PSYCHISCH_FUNCTIONEREN: "psychisch functioneren",
    Levensdomein.PRAKTISCH_FUNCTIONEREN: "praktisch functioneren",
    Levensdomein.SOCIAAL_FUNCTIONEREN: "sociaal functioneren",
    Levensdomein.HUISVESTING: "huisvesting",
    Levensdomein.DAGBESTEDING: "dagbesteding/daginvulling",
    Levensdomein.ZINGEVING: "zingeving",
    Levensdomein.FINANCIEN: "financiën",
}
_SCORE_OMSCHRIJVING: dict[int, str] = {
    Score.GEEN: "geen (kan het zelf)",
    Score.LICHT: "licht (een ander moet toezien of stimuleren)",
    Score.MATIG: "matig (slechts met veel moeite, een ander moet helpen)",
    Score.ZWAAR: "zwaar (kan het niet zelfstandig, een ander moet het overnemen)",
}
# The domains in the protocol's order.
_VOLGORDE = {d: i for i, d in enumerate(Levensdomein)}


@dataclass(frozen=True, slots=True)
class LevensdomeinScore:
    domein: Levensdomein
    score: int  # 0..3
    ervaren_als_belemmering: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.score, bool) or self.score not in range(4):
            raise ValueError(f"score voor {self.domein.omschrijving} moet 0, 1, 2 of 3 zijn")


class LevensdomeinenOordeel(NamedTuple):  # built on every advice: see ``Advies``
    scores: tuple[LevensdomeinScore, ...]
    tellend: tuple[LevensdomeinScore, ...]  # score >= 1 and experienced as a barrier
    regels: tuple[Regel, ...]

    @property
    def aantal_belemmerd(self) -> int:
        return len(self.tellend)

    @property
    def hoogste_score(self) -> int:
        return max((s.score for s in self.tellend), default=0)

    def score_van(self, domein: Levensdomein) -> int:
        """The counted score of one domain (0 when unscored or not experienced as a barrier)."""
        for s in self.tellend:
            if s.domein is domein:
                return s.score
        return 0


def _zin(domein: Levensdomein, score: int, telt: bool) -> Regel:
    naam = domein.omschrijving.capitalize()
    omschrijving = _SCORE_OMSCHRIJVING[score]  # 0..3, checked by LevensdomeinScore
    if score == 0:
        return Regel("IND-01", f"{naam}: score 0, {omschrijving}; geen beperking.")
    if not telt:
        return Regel(
            "IND-01",
            f"{naam}: score {score}, {omschrijving}; telt niet mee, want de cliënt "
            "ervaart dit niet als belemmering.",
        )
    return Regel("IND-01", f"{naam}: score {score}, {omschrijving}; telt mee als beperking.")


# The sentence of every domain, score and whether it counts, worked out once.
_ZINNEN = {
    (d, score, telt): _zin(d, score, telt)
    for d in Levensdomein
    for score in range(4)
    for telt in (False, True)
}


def _positie(s: LevensdomeinScore) -> int:
    try:
        return _VOLGORDE[s.domein]
    except KeyError:
        return tuple(Levensdomein).index(s.domein)


def beoordeel_levensdomeinen(scores: Iterable[LevensdomeinScore]) -> LevensdomeinenOordeel:
    """Which domains count as a limitation (IND-01), with one sentence per scored domain."""
    lijst = tuple(scores)
    gezien: set[Levensdomein] = set()
    for s in lijst:
        if s.domein in gezien:
            raise ValueError(f"levensdomein {s.domein.omschrijving} is twee keer gescoord")
        gezien.add(s.domein)

    regels: list[Regel] = []
    tellend: list[LevensdomeinScore] = []
    for s in sorted(lijst, key=_positie):
        telt = s.score != 0 and bool(s.ervaren_als_belemmering)
        if telt:
            tellend.append(s)
        sleutel = (s.domein, s.score, telt)
        if type(s.domein) is Levensdomein and type(s.score) is int and sleutel in _ZINNEN:
            regels.append(_ZINNEN[sleutel])
        else:
            regels.append(_zin(s.domein, s.score, telt))
    if not tellend:
        regels.append(
            Regel(
                "IND-01",
                "Op geen enkel levensdomein is een ervaren belemmering vastgesteld; dan is er "
                "volgens het normenkader geen aanleiding voor begeleiding vanuit de Wmo.",
            )
        )
    return LevensdomeinenOordeel(scores=lijst, tellend=tuple(tellend), regels=tuple(regels))
