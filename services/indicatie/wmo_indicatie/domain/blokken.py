"""IND-05 / IND-06: the factors of the ranking (``wegingen.py``) added up in advance, a few at a
time, for every combination of their values.

A ranking adds one row per factor (``wegingen.Rij``) column by column. Adding some fifteen rows
for eight profiles on every advice costs more than the rest of the advice; but the factors that
sit next to each other in the ranking's order take few values each, so their sums can be worked
out once for every combination (a ``Blok``): the consulent's size class, the ontwikkel/behoud
choice and the dagdelen direction; the characteristics in three groups; the counts of limited
life domains and of result areas. A ranking then adds five or six blocks. Only the plus signal
is policy: its block is kept per policy (``plus_blok``).

The points, weights and counts of all profiles travel packed in one int per block (``pak``),
so adding the blocks adds every column at once; the texts and sentences are per profile a
tuple, joined in the ranking's order.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import chain, product, repeat
from typing import Any, NamedTuple

from wmo_indicatie.domain import wegingen as w
from wmo_indicatie.domain.begrippen import (
    Aard,
    Dagdeelklasse,
    Gerichtheid,
    Omvangklasse,
    Profiel,
    Zekerheid,
    profielen_van,
)
from wmo_indicatie.domain.levensdomeinen import Levensdomein
from wmo_indicatie.domain.policy import IndicatiePolicy, per_beleid
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied
from wmo_shared.regels import Regel

# -- many small ints in one ----------------------------------------------------------------------

_BITS = 16  # per column; a column's sum stays far within -2**15 .. 2**15 - 1 (some 30 factors)
_HALF = 1 << (_BITS - 1)


def pak(waarden: Iterable[int]) -> int:
    """The columns as one int: column i times 2**(16 i). Adding two packed ints adds their
    columns (a negative column borrows from the next, which ``uitpakken`` gives back)."""
    return sum(waarde << (_BITS * i) for i, waarde in enumerate(waarden))


@dataclass(frozen=True, slots=True)
class _Uitpakker:
    halven: int  # 2**15 in every column
    unpack: Callable[[bytes], tuple[int, ...]]


_UITPAKKERS = {
    n: _Uitpakker(pak(repeat(_HALF, n)), struct.Struct(f"<{n}h").unpack) for n in range(1, 49)
}


def uitpakken(getal: int, n: int) -> tuple[int, ...]:
    """The ``n`` columns of a packed int. Adding 2**15 to every column makes them all
    non-negative without borrowing; flipping that bit back and reading each 16 bits as a signed
    short gives the column."""
    u = _UITPAKKERS.get(n)
    if u is None:
        return tuple(
            ((getal + (_HALF << (_BITS * i))) >> (_BITS * i) & 0xFFFF) - _HALF for i in range(n)
        )
    return u.unpack(((getal + u.halven) ^ u.halven).to_bytes(2 * n, "little"))


# -- blocks ----------------------------------------------------------------------------------------


class Blok(NamedTuple):
    """Some factors against every profile of an aard, added up. ``getallen``: per profile the
    points, then per profile the weights, then per profile the number of factors it weighs,
    packed (``pak``); the texts when the value fits, when it does not, and the sentences are per
    profile a tuple in the factors' order."""

    getallen: int
    passend: tuple[tuple[str, ...], ...]
    niet_passend: tuple[tuple[str, ...], ...]
    regels: tuple[tuple[Regel, ...], ...]


def _zonder_none(kolom: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(filter(None, kolom))


def blok(rijen: Sequence[w.Rij], n: int) -> Blok:
    """The rows of an aard with ``n`` profiles, added up."""
    if not rijen:
        return Blok(0, tuple(repeat((), n)), tuple(repeat((), n)), tuple(repeat((), n)))
    punten, gewicht, passend, niet_passend, regels = zip(*rijen, strict=True)
    regels_per_profiel = tuple(
        tuple(r for r in kolom if r is not None) for kolom in zip(*regels, strict=True)
    )
    return Blok(
        getallen=pak(
            chain(
                map(sum, zip(*punten, strict=True)),
                map(sum, zip(*gewicht, strict=True)),
                map(len, regels_per_profiel),
            )
        ),
        passend=tuple(map(_zonder_none, zip(*passend, strict=True))),
        niet_passend=tuple(map(_zonder_none, zip(*niet_passend, strict=True))),
        regels=regels_per_profiel,
    )


def samen(blokken: Sequence[Blok]) -> Blok:
    """The blocks added up, in their order (at least one)."""
    getallen, passend, niet_passend, regels = zip(*blokken, strict=True)
    return Blok(
        sum(getallen),
        tuple(map(sum, zip(*passend, strict=True), repeat(()))),
        tuple(map(sum, zip(*niet_passend, strict=True), repeat(()))),
        tuple(map(sum, zip(*regels, strict=True), repeat(()))),
    )


# -- the rows of each factor, as the ranking weighs them ------------------------------------------


def signaalrijen(
    profielen: Sequence[Profiel],
    omvangklasse: Omvangklasse | None,
    gerichtheid: Gerichtheid | None,
    gerichtheid_zekerheid: Zekerheid,
    dagdelen: Dagdeelklasse | None,
    dagdelen_zekerheid: Zekerheid,
) -> list[w.Rij]:
    """The rows of the consulent's size class, the ontwikkel/behoud choice (IND-08) and the
    dagdelen direction (IND-09) that are known."""
    rijen: list[w.Rij] = []
    if omvangklasse is not None:
        rijen.append(w.rij([w.omvangklasse(p, omvangklasse) for p in profielen]))
    if gerichtheid is not None:
        z = gerichtheid_zekerheid
        rijen.append(w.rij([w.gerichtheid(p, gerichtheid, z) for p in profielen]))
    if dagdelen is not None:
        z = dagdelen_zekerheid
        rijen.append(w.rij([w.dagdelen(p, dagdelen, z) for p in profielen]))
    return rijen


def kenmerkrijen(profielen: Sequence[Profiel], waarden: Sequence[Enum | None]) -> list[w.Rij]:
    """The rows of the characteristics known (``waarden`` in ``KENMERK_SOORTEN`` order)."""
    return [
        w.rij([w.kenmerk(p, naam, waarde) for p in profielen])
        for naam, waarde in zip(w.KENMERK_SOORTEN, waarden, strict=True)
        if waarde is not None
    ]


def aantalrijen(profielen: Sequence[Profiel], leefgebieden: int, resultaten: int) -> list[w.Rij]:
    """The rows of the counts of limited life domains (IND-01) and result areas (IND-03)."""
    return [
        w.rij([w.leefgebieden(p, leefgebieden) for p in profielen]),
        w.rij([w.resultaten(p, resultaten) for p in profielen]),
    ]


# -- every combination of values, per aard ---------------------------------------------------------

# A signal: (omvangklasse, gerichtheid, its zekerheid, dagdeelklasse, its zekerheid), None when
# not known (a zekerheid is None exactly when its value is).
Signaalsleutel = tuple[
    Omvangklasse | None,
    Gerichtheid | None,
    Zekerheid | None,
    Dagdeelklasse | None,
    Zekerheid | None,
]
# The types their values may have. Another type (not valid input) is weighed as it comes: a str
# equal to an Enum's value would otherwise be found in the tables.
_GEEN = type(None)
SIGNAAL_TYPEN = frozenset(
    (o, *g, *d)
    for o in (Omvangklasse, _GEEN)
    for g in ((Gerichtheid, Zekerheid), (_GEEN, _GEEN))
    for d in ((Dagdeelklasse, Zekerheid), (_GEEN, _GEEN))
)
KENMERK_TYPEN = frozenset(product(*((soort, _GEEN) for soort in w.KENMERK_SOORTEN.values())))
# The characteristics in groups of neighbours (``KENMERK_SOORTEN`` order): at most 4 ** 4 value
# combinations (three values or unknown) per group.
KENMERK_GROEPEN = (slice(0, 4), slice(4, 8), slice(8, None))


@dataclass(frozen=True, slots=True)
class Tabel:
    """The blocks of one aard for every combination of values of their factors."""

    profielen: tuple[Profiel, ...]
    signalen: dict[Signaalsleutel, Blok]
    kenmerken: tuple[dict[tuple[Enum | None, ...], Blok], ...]  # per ``KENMERK_GROEPEN``
    aantallen: dict[tuple[int, int], Blok]  # (limited life domains, result areas)


def _combinaties(per_factor: Sequence[dict[Any, Blok]]) -> dict[tuple[Any, ...], Blok]:
    """For every combination of the factors' values: their blocks added up."""
    return {
        sleutels: samen([f[s] for f, s in zip(per_factor, sleutels, strict=True)])
        for sleutels in product(*per_factor)
    }


def _tabel(aard: Aard) -> Tabel:
    ps = profielen_van(aard)
    n, hoog = len(ps), Zekerheid.HOOG
    zekerheden = tuple(w.GEWICHT_NAAR_ZEKERHEID)
    signalen = _combinaties(
        [
            {
                o: blok(signaalrijen(ps, o, None, hoog, None, hoog), n)
                for o in (None, *Omvangklasse)
            },
            {(None, None): blok([], n)}
            | {
                (g, z): blok(signaalrijen(ps, None, g, z, None, hoog), n)
                for g, z in product(Gerichtheid, zekerheden)
            },
            {(None, None): blok([], n)}
            | {
                (d, z): blok(signaalrijen(ps, None, None, hoog, d, z), n)
                for d, z in product(Dagdeelklasse, zekerheden)
            },
        ]
    )
    kenmerken = [
        {None: blok([], n)}
        | {v: blok([w.rij([w.kenmerk(p, naam, v) for p in ps])], n) for v in soort}
        for naam, soort in w.KENMERK_SOORTEN.items()
    ]
    leefgebieden = range(len(Levensdomein) + 1)
    resultaten = range(len(Resultaatgebied) + 1)
    return Tabel(
        profielen=ps,
        signalen={(o, *g, *d): b for (o, g, d), b in signalen.items()},
        kenmerken=tuple(_combinaties(kenmerken[groep]) for groep in KENMERK_GROEPEN),
        aantallen={
            (lg, rg): blok(aantalrijen(ps, lg, rg), n)
            for lg, rg in product(leefgebieden, resultaten)
        },
    )


TABELLEN = {a: _tabel(a) for a in Aard}


def plus_blok(aard: Aard, policy: IndicatiePolicy) -> Blok:
    """The plus signal against every profile of the aard: the policy's permission (IND-07)."""
    return per_beleid(policy, _plus_blokken)[aard]


def _plus_blokken(policy: IndicatiePolicy) -> dict[Aard, Blok]:
    blokken = {}
    for aard in Aard:
        ps = profielen_van(aard)
        blokken[aard] = blok([w.rij([w.plus(p, policy) for p in ps])], len(ps))
    return blokken
