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

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import attrgetter
from typing import Any, NamedTuple

from wmo_indicatie.domain import blokken as b
from wmo_indicatie.domain import wegingen as w
from wmo_indicatie.domain.begrippen import Aard, Omvangklasse, Profiel, Zekerheid, profielen_van
from wmo_indicatie.domain.dagdelen import DagdeelOordeel
from wmo_indicatie.domain.gerichtheid import GerichtheidOordeel
from wmo_indicatie.domain.kenmerken import Kenmerken
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel

GEWICHT_OMVANGKLASSE = w.GEWICHT_OMVANGKLASSE
GEWICHT_PLUS = w.GEWICHT_PLUS
GEWICHT_KENMERK = w.GEWICHT_KENMERK
GEWICHT_AANTAL = w.GEWICHT_AANTAL


@fast_init
@dataclass(frozen=True, slots=True)
class Signalen:
    """What the ranking needs beyond the characteristics; plain values from the other steps."""

    gerichtheid: GerichtheidOordeel
    aantal_leefgebieden: int  # counted limited life domains (IND-01)
    aantal_resultaten: int  # chosen result areas (IND-03)
    plus_signaal: bool  # criterion 1 or 2 met, or zwaar probleemgedrag (IND-07)
    omvangklasse: Omvangklasse | None = None  # known by the consulent (individuele begeleiding)
    dagdelen: DagdeelOordeel | None = None  # IND-09 (dagbesteding)


class ProfielScore(NamedTuple):
    """One profile's column of the ranking. A NamedTuple rather than a dataclass: a ranking
    makes one per profile (twelve per advice for both aarden), and ``tuple.__new__`` builds them
    from the columns without a Python ``__init__`` (``_scores``)."""

    profiel: Profiel
    punten: int
    maximum: int  # the points when every evaluated factor had fitted
    vergeleken: int  # number of factors evaluated (known client values)
    passend: tuple[str, ...]
    niet_passend: tuple[str, ...]
    regels: tuple[Regel, ...]


class Rangorde(NamedTuple):  # built on every advice: see ``Advies``
    aard: Aard
    profielen: tuple[ProfielScore, ...]  # best first; always all profiles of the aard
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]

    @property
    def beste(self) -> ProfielScore:
        return self.profielen[0]


def _blokken(
    aard: Aard,
    kenmerken: Kenmerken,
    g: GerichtheidOordeel,
    d: DagdeelOordeel | None,
    aantallen: tuple[int, int],
    plus_signaal: bool,
    omvangklasse: Omvangklasse | None,
    policy: IndicatiePolicy,
) -> tuple[tuple[Profiel, ...], list[b.Blok]]:
    """The profiles of the aard and the blocks of factors to add, in the order they are weighed
    (``blokken.py``): looked up, or for a value of another type than its field's (not valid
    input) weighed as it comes."""
    tabel = b.TABELLEN.get(aard) if type(aard) is Aard else None
    dk = d.klasse if d is not None else None
    signaal = (
        omvangklasse,
        g.gerichtheid,
        g.zekerheid if g.gerichtheid is not None else None,
        dk,
        d.zekerheid if d is not None and dk is not None else None,
    )
    waarden = w.LEES_KENMERKEN(kenmerken)
    if (
        tabel is not None
        and tuple(map(type, signaal)) in b.SIGNAAL_TYPEN
        and tuple(map(type, waarden)) in b.KENMERK_TYPEN
        and aantallen in tabel.aantallen
    ):
        k = tabel.kenmerken
        if plus_signaal:
            return tabel.profielen, [
                tabel.signalen[signaal],
                b.plus_blok(aard, policy),
                k[0][waarden[:4]],
                k[1][waarden[4:8]],
                k[2][waarden[8:]],
                tabel.aantallen[aantallen],
            ]
        return tabel.profielen, [
            tabel.signalen[signaal],
            k[0][waarden[:4]],
            k[1][waarden[4:8]],
            k[2][waarden[8:]],
            tabel.aantallen[aantallen],
        ]

    ps = profielen_van(aard)
    rijen = b.signaalrijen(
        ps,
        omvangklasse,
        g.gerichtheid,
        g.zekerheid,
        dk,
        d.zekerheid if d is not None else g.zekerheid,
    )
    if plus_signaal:
        rijen.append(w.rij([w.plus(p, policy) for p in ps]))
    rijen += b.kenmerkrijen(ps, waarden)
    rijen += b.aantalrijen(ps, *aantallen)
    return ps, [b.blok(rijen, len(ps))]


def _scores(profielen: tuple[Profiel, ...], blokken: list[b.Blok]) -> list[ProfielScore]:
    """Per profile the sum of its column in every block (there is always one: the counts),
    every column at once."""
    n = len(profielen)
    getallen, passend, niet_passend, regels = zip(*blokken, strict=True)
    opgeteld = b.uitpakken(sum(getallen), 3 * n)
    return list(
        map(
            _PROFIELSCORE,
            zip(
                profielen,
                opgeteld[:n],
                opgeteld[n : 2 * n],
                opgeteld[2 * n :],
                map(sum, zip(*passend, strict=True), repeat(())),
                map(sum, zip(*niet_passend, strict=True), repeat(())),
                map(sum, zip(*regels, strict=True), repeat(())),
                strict=True,
            ),
        )
    )


# A score from its seven fields in one tuple, without a Python frame.
_PROFIELSCORE: Callable[[tuple[Any, ...]], ProfielScore] = partial(tuple.__new__, ProfielScore)


# Enum members as module names (reading them from their class is slow on Python 3.11), and
# their words.
_HOOG, _REDELIJK, _LAAG = Zekerheid.HOOG, Zekerheid.REDELIJK, Zekerheid.LAAG
_IB = Aard.INDIVIDUELE_BEGELEIDING
_WOORD = {z: z.value for z in Zekerheid}


_PUNTEN = attrgetter("punten")


def rangschik_profielen(
    aard: Aard, kenmerken: Kenmerken, signalen: Signalen, policy: IndicatiePolicy
) -> Rangorde:
    return rangschik(
        aard,
        kenmerken,
        signalen.gerichtheid,
        signalen.dagdelen,
        (signalen.aantal_leefgebieden, signalen.aantal_resultaten),
        signalen.plus_signaal,
        signalen.omvangklasse,
        policy,
    )


def rangschik(
    aard: Aard,
    kenmerken: Kenmerken,
    gerichtheid: GerichtheidOordeel,
    dagdelen: DagdeelOordeel | None,
    aantallen: tuple[int, int],
    plus_signaal: bool,
    omvangklasse: Omvangklasse | None,
    policy: IndicatiePolicy,
) -> Rangorde:
    """``rangschik_profielen`` with the signals as arguments (``Signalen``'s fields, the counts
    of limited life domains and result areas as one pair): the advice passes them on without
    building a ``Signalen`` per aard."""
    scores = _scores(
        *_blokken(
            aard, kenmerken, gerichtheid, dagdelen, aantallen, plus_signaal, omvangklasse, policy
        )
    )
    # sorted() is stable: equal points keep the lighter-first order of ``profielen_van``
    scores.sort(key=_PUNTEN, reverse=True)  # stable, also reversed
    beste, tweede = scores[0], scores[1]
    marge = beste.punten - tweede.punten
    if marge >= 3 and beste.vergeleken >= 6:
        zekerheid = _HOOG
    elif marge >= 1 and beste.vergeleken >= 3:
        zekerheid = _REDELIJK
    else:
        zekerheid = _LAAG
    rule = "IND-05" if aard is _IB else "IND-06"
    if tweede.punten == beste.punten:
        daarna = f"gelijk met {tweede.profiel!s}: het lichtere profiel gaat voor (goedkoopst "
        daarna += "adequaat), op hetzelfde niveau het ontwikkelgerichte"
    else:
        daarna = f"daarna {tweede.profiel!s} ({tweede.punten} punten)"
    woord = _WOORD[zekerheid] if type(zekerheid) is Zekerheid else zekerheid.value
    zin = (
        f"Best passend profiel: {beste.profiel.naam}, {beste.punten} punten van maximaal "
        f"{beste.maximum}; {daarna}. Zekerheid: {woord}; het profiel is ter beoordeling van de "
        "consulent."
    )
    regels = [Regel(rule, zin)]
    if beste.niet_passend:
        regels.append(
            Regel(
                rule, f"Niet passend bij {beste.profiel!s}: " + "; ".join(beste.niet_passend) + "."
            )
        )
    if beste.vergeleken == 0:
        regels.append(
            Regel(
                rule,
                "Er zijn te weinig gegevens om profielen te vergelijken; het lichtste profiel is "
                "voorlopig bovenaan gezet.",
            )
        )
    return Rangorde(aard, tuple(scores), zekerheid, tuple(regels))
