"""IND-02: the other characteristics of the client (seed 001 Bijlage 6 §3.3), plus belastbaarheid
and the draagkracht of mantelzorg/netwerk from the profile tables (Bijlage 1 and 2).

Every characteristic may be unknown (``None``): the onderzoek is not always complete, and an
unknown value makes the advice less certain instead of being guessed.

The seed words its scales per row ("weinig/normaal/goed", "laag/normaal/hoog"); one three-step
``Niveau`` covers them all: ``laag`` = weinig/laag, ``hoog`` = goed/hoog.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from itertools import product
from operator import attrgetter

from wmo_shared.regels import Regel


class Niveau(StrEnum):
    LAAG = "laag"
    NORMAAL = "normaal"
    HOOG = "hoog"


class Problematiek(StrEnum):
    STABIEL = "stabiel"  # continu aanwezig
    FLUCTUEREND = "fluctuerend"
    ACUUT = "acuut"


class Verwachting(StrEnum):
    """Expected development of the client's situation (§3.3 kenmerk 8)."""

    VERBETERING = "verbetering"
    GELIJK = "gelijk"
    ACHTERUITGANG = "achteruitgang"


class Gedrag(StrEnum):
    GEACCEPTEERD = "geaccepteerd"
    ZWAAR_PROBLEEMGEDRAG = "zwaar_probleemgedrag"  # continu invloed op het dagelijks functioneren


class Effect(StrEnum):
    """§3.3: a characteristic lightens, is neutral to, or weighs on the support needed."""

    VERLICHTEND = "verlichtend"
    NEUTRAAL = "neutraal"
    VERZWAREND = "verzwarend"


@dataclass(frozen=True, slots=True)
class Kenmerken:
    leeftijd: int | None = None
    intellectueel_vermogen: Niveau | None = None
    lerend_vermogen: Niveau | None = None
    motivatie: Niveau | None = None  # motivatie en ambitie
    zelfinzicht: Niveau | None = None  # in eigen handelen en mogelijkheden
    ziektebesef: Niveau | None = None
    problematiek: Problematiek | None = None
    verwachting: Verwachting | None = None
    gedrag: Gedrag | None = None
    verwacht_rendement: Niveau | None = None
    risico: Niveau | None = None  # voor cliënt en omgeving
    belastbaarheid: Niveau | None = None
    draagkracht_netwerk: Niveau | None = None  # draagkracht mantelzorg/steunsysteem

    def __post_init__(self) -> None:
        if self.leeftijd is not None and (
            isinstance(self.leeftijd, bool) or not 0 <= self.leeftijd <= 130
        ):
            raise ValueError("leeftijd moet tussen 0 en 130 jaar liggen")


KENMERK_NAMEN: dict[str, str] = {
    "leeftijd": "leeftijd",
    "intellectueel_vermogen": "intellectueel vermogen",
    "lerend_vermogen": "lerend vermogen",
    "motivatie": "motivatie en ambitie",
    "zelfinzicht": "zelfinzicht",
    "ziektebesef": "ziektebesef",
    "problematiek": "aard van de problematiek",
    "verwachting": "verwachting over de ontwikkeling",
    "gedrag": "gedrag",
    "verwacht_rendement": "verwacht rendement",
    "risico": "risico voor cliënt en omgeving",
    "belastbaarheid": "belastbaarheid",
    "draagkracht_netwerk": "draagkracht van mantelzorg/steunsysteem",
}

_HET = frozenset(
    {
        "intellectueel_vermogen",
        "lerend_vermogen",
        "zelfinzicht",
        "ziektebesef",
        "gedrag",
        "verwacht_rendement",
        "risico",
    }
)


def met_lidwoord(naam: str) -> str:
    """``"lerend_vermogen"`` -> ``"het lerend vermogen"``."""
    return f"{'het' if naam in _HET else 'de'} {KENMERK_NAMEN[naam]}"


# Capacities: more is lighter. Risico is the other way round.
_VERMOGENS = frozenset(
    {
        "intellectueel_vermogen",
        "lerend_vermogen",
        "motivatie",
        "zelfinzicht",
        "ziektebesef",
        "verwacht_rendement",
        "belastbaarheid",
        "draagkracht_netwerk",
    }
)


@dataclass(frozen=True, slots=True)
class KenmerkEffect:
    kenmerk: str  # field name of ``Kenmerken``
    waarde: str | None  # None: niet vastgesteld
    effect: Effect | None  # None: niet vastgesteld
    regel: Regel


def _effect(naam: str, waarde: object) -> Effect:
    if naam in _VERMOGENS:
        return {Niveau.LAAG: Effect.VERZWAREND, Niveau.NORMAAL: Effect.NEUTRAAL}.get(
            Niveau(str(waarde)), Effect.VERLICHTEND
        )
    if naam == "risico":
        return {Niveau.HOOG: Effect.VERZWAREND, Niveau.NORMAAL: Effect.NEUTRAAL}.get(
            Niveau(str(waarde)), Effect.VERLICHTEND
        )
    if naam == "problematiek":
        return Effect.NEUTRAAL if waarde is Problematiek.STABIEL else Effect.VERZWAREND
    if naam == "verwachting":
        return {
            Verwachting.VERBETERING: Effect.VERLICHTEND,
            Verwachting.GELIJK: Effect.NEUTRAAL,
        }.get(Verwachting(str(waarde)), Effect.VERZWAREND)
    if naam == "gedrag":
        return Effect.VERZWAREND if waarde is Gedrag.ZWAAR_PROBLEEMGEDRAG else Effect.NEUTRAAL
    return Effect.NEUTRAAL  # leeftijd: a fixed value, recorded for context


def _kenmerkeffect(naam: str, waarde: object) -> KenmerkEffect:
    label = met_lidwoord(naam).capitalize()
    if waarde is None:
        zin = f"{label} is niet vastgesteld; het advies wordt daardoor minder zeker."
        return KenmerkEffect(naam, None, None, Regel("IND-02", zin))
    effect = _effect(naam, waarde)
    tekst = str(waarde).replace("_", " ")
    if naam == "leeftijd":
        zin = f"Leeftijd {waarde} jaar (vast gegeven, ter context)."
    elif naam == "gedrag" and waarde is Gedrag.ZWAAR_PROBLEEMGEDRAG:
        zin = (
            "Er is sprake van zwaar probleemgedrag; dit werkt verzwarend en kan een reden "
            "zijn voor de plus-variant (zie IND-07)."
        )
    else:
        zin = f"{label} is {tekst}; dit werkt {effect.value} op de benodigde ondersteuning."
    return KenmerkEffect(naam, str(waarde), effect, Regel("IND-02", zin))


_VELDEN = tuple(veld.name for veld in fields(Kenmerken))
_SOORTEN: dict[str, type] = {
    "leeftijd": int,
    "problematiek": Problematiek,
    "verwachting": Verwachting,
    "gedrag": Gedrag,
}
_WAARDEN: dict[type, tuple[object, ...]] = {
    int: tuple(range(131)),
    Niveau: tuple(Niveau),
    Problematiek: tuple(Problematiek),
    Verwachting: tuple(Verwachting),
    Gedrag: tuple(Gedrag),
}
# Per field: the effect of every value it can hold (and of None), worked out once and keyed
# by (type, value), so that only a value of the field's own type (or None) is found.
_EFFECTEN: tuple[dict[tuple[type, object], KenmerkEffect], ...] = tuple(
    {(type(w), w): _kenmerkeffect(naam, w) for w in (None, *_WAARDEN[_SOORTEN.get(naam, Niveau)])}
    for naam in _VELDEN
)
_LEES = attrgetter(*_VELDEN)


def kenmerkeffecten(kenmerken: Kenmerken) -> tuple[KenmerkEffect, ...]:
    """Per characteristic: its value and whether it lightens or weighs on the support (IND-02)."""
    waarden = _LEES(kenmerken)
    gevonden = tuple(map(dict.get, _EFFECTEN, zip(map(type, waarden), waarden, strict=True)))
    if all(gevonden):  # found for every field (an effect is never false)
        return gevonden  # type: ignore[return-value]
    # a value of another type than its field's (not a valid Kenmerken): worked out as it comes
    return tuple(
        e if e is not None else _kenmerkeffect(naam, w)
        for naam, w, e in zip(_VELDEN, waarden, gevonden, strict=True)
    )


_REGEL = attrgetter("regel")
# The twelve fields after leeftijd in groups of four neighbours: per group, for every combination
# of values (None included), their effects and sentences (4 x 4 x 4 x 4 at most), worked out once.
_GROEPEN = (slice(1, 5), slice(5, 9), slice(9, 13))


_Groep = tuple[tuple[KenmerkEffect, ...], tuple[Regel, ...]]


def _groepstabel(groep: slice) -> dict[tuple[object, ...], _Groep]:
    per_veld = _EFFECTEN[groep]
    opties = [[w for _, w in effecten] for effecten in per_veld]
    tabel: dict[tuple[object, ...], _Groep] = {}
    for waarden in product(*opties):
        gevonden = tuple(
            effecten[type(w), w] for effecten, w in zip(per_veld, waarden, strict=True)
        )
        tabel[waarden] = (gevonden, tuple(map(_REGEL, gevonden)))
    return tabel


_GROEPSTABELLEN = tuple(map(_groepstabel, _GROEPEN))
_GROEPSTYPEN = tuple(
    frozenset(product(*({t for t, _ in effecten} for effecten in _EFFECTEN[groep])))
    for groep in _GROEPEN
)


def kenmerkeffecten_met_regels(
    kenmerken: Kenmerken,
) -> tuple[tuple[KenmerkEffect, ...], tuple[Regel, ...]]:
    """``kenmerkeffecten`` and the sentence of each, looked up a group of fields at a time."""
    w = _LEES(kenmerken)
    leeftijd = _EFFECTEN[0].get((type(w[0]), w[0]))
    g1, g2, g3 = w[1:5], w[5:9], w[9:]
    t1, t2, t3 = _GROEPSTYPEN
    if (
        leeftijd is not None
        and tuple(map(type, g1)) in t1
        and tuple(map(type, g2)) in t2
        and tuple(map(type, g3)) in t3
    ):
        (e1, r1), (e2, r2), (e3, r3) = (
            _GROEPSTABELLEN[0][g1],
            _GROEPSTABELLEN[1][g2],
            _GROEPSTABELLEN[2][g3],
        )
        return (leeftijd, *e1, *e2, *e3), (leeftijd.regel, *r1, *r2, *r3)
    effecten = kenmerkeffecten(kenmerken)
    return effecten, tuple(map(_REGEL, effecten))


def aantal_vastgesteld(kenmerken: Kenmerken) -> int:
    return sum(getattr(kenmerken, v.name) is not None for v in fields(kenmerken))
