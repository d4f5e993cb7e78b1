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

from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

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


@fast_init
@dataclass(frozen=True, slots=True)
class ProfielScore:
    profiel: Profiel
    punten: int
    maximum: int  # the points when every evaluated factor had fitted
    vergeleken: int  # number of factors evaluated (known client values)
    passend: tuple[str, ...]
    niet_passend: tuple[str, ...]
    regels: tuple[Regel, ...]


@fast_init
@dataclass(frozen=True, slots=True)
class Rangorde:
    aard: Aard
    profielen: tuple[ProfielScore, ...]  # best first; always all profiles of the aard
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]

    @property
    def beste(self) -> ProfielScore:
        return self.profielen[0]


def _rijen(
    aard: Aard, kenmerken: Kenmerken, signalen: Signalen, policy: IndicatiePolicy
) -> tuple[tuple[Profiel, ...], list[w.Rij]]:
    """The profiles of the aard and the rows of the factors known, in the order they are
    weighed. A value of another type than its field's (not valid input) is weighed as it comes
    instead of looked up."""
    tabel = w.TABELLEN[aard] if type(aard) is Aard else None
    ps = tabel.profielen if tabel is not None else profielen_van(aard)
    rijen: list[w.Rij | None] = []
    o = signalen.omvangklasse
    if o is not None:
        rijen.append(
            tabel.omvangklasse[o]
            if tabel is not None and type(o) is Omvangklasse
            else w.rij([w.omvangklasse(p, o) for p in ps])
        )
    g, gz = signalen.gerichtheid.gerichtheid, signalen.gerichtheid.zekerheid
    if g is not None:
        rijen.append(
            tabel.gerichtheid[g, gz]
            if tabel is not None and type(g) is Gerichtheid and type(gz) is Zekerheid
            else w.rij([w.gerichtheid(p, g, gz) for p in ps])
        )
    d = signalen.dagdelen
    if d is not None and d.klasse is not None:
        k, dz = d.klasse, d.zekerheid
        rijen.append(
            tabel.dagdelen[k, dz]
            if tabel is not None and type(k) is Dagdeelklasse and type(dz) is Zekerheid
            else w.rij([w.dagdelen(p, k, dz) for p in ps])
        )
    if signalen.plus_signaal:
        rijen.append(
            w.plus_rij(aard, policy)
            if tabel is not None
            else w.rij([w.plus(p, policy) for p in ps])
        )
    if tabel is not None:
        waarden = w.LEES_KENMERKEN(kenmerken)
        sleutels = list(zip(map(type, waarden), waarden, strict=True))
        if all(map(dict.__contains__, tabel.kenmerken, sleutels)):
            rijen.extend(map(dict.__getitem__, tabel.kenmerken, sleutels))
        else:  # a value of another type than its field's
            for naam, waarde, per_waarde, sleutel in zip(
                w.KENMERK_SOORTEN, waarden, tabel.kenmerken, sleutels, strict=True
            ):
                if sleutel in per_waarde:
                    rijen.append(per_waarde[sleutel])
                elif waarde is not None:
                    rijen.append(w.rij([w.kenmerk(p, naam, waarde) for p in ps]))
    else:
        for naam in w.KENMERK_SOORTEN:
            waarde = getattr(kenmerken, naam)
            if waarde is not None:
                rijen.append(w.rij([w.kenmerk(p, naam, waarde) for p in ps]))
    n = signalen.aantal_leefgebieden
    rijen.append(
        tabel.leefgebieden[n]
        if tabel is not None and n in tabel.leefgebieden
        else w.rij([w.leefgebieden(p, n) for p in ps])
    )
    n = signalen.aantal_resultaten
    rijen.append(
        tabel.resultaten[n]
        if tabel is not None and n in tabel.resultaten
        else w.rij([w.resultaten(p, n) for p in ps])
    )
    return ps, list(filter(None, rijen))  # without the factors no profile weighs


def _scores(profielen: tuple[Profiel, ...], rijen: list[w.Rij]) -> list[ProfielScore]:
    """Per profile the sum of its column in every row (there is always a row: the count of
    limited life domains), every column at once."""
    punten, gewicht, passend, niet_passend, regels = zip(*rijen, strict=True)
    gewogen = list(map(tuple, map(filter, repeat(None), zip(*regels, strict=True))))
    return list(
        map(
            ProfielScore,
            profielen,
            map(sum, zip(*punten, strict=True)),
            map(sum, zip(*gewicht, strict=True)),
            map(len, gewogen),
            map(tuple, map(filter, repeat(None), zip(*passend, strict=True))),
            map(tuple, map(filter, repeat(None), zip(*niet_passend, strict=True))),
            gewogen,
        )
    )


def _zekerheid(scores: list[ProfielScore]) -> Zekerheid:
    beste, tweede = scores[0], scores[1]
    marge = beste.punten - tweede.punten
    if marge >= 3 and beste.vergeleken >= 6:
        return _HOOG
    if marge >= 1 and beste.vergeleken >= 3:
        return _REDELIJK
    return _LAAG


# Enum members as module names (reading them from their class is slow on Python 3.11), and
# their words.
_HOOG, _REDELIJK, _LAAG = Zekerheid.HOOG, Zekerheid.REDELIJK, Zekerheid.LAAG
_IB = Aard.INDIVIDUELE_BEGELEIDING
_WOORD = {z: z.value for z in Zekerheid}


_PUNTEN = attrgetter("punten")


def rangschik_profielen(
    aard: Aard, kenmerken: Kenmerken, signalen: Signalen, policy: IndicatiePolicy
) -> Rangorde:
    scores = _scores(*_rijen(aard, kenmerken, signalen, policy))
    # sorted() is stable: equal points keep the lighter-first order of ``profielen_van``
    scores.sort(key=_PUNTEN, reverse=True)  # stable, also reversed
    zekerheid = _zekerheid(scores)
    beste = scores[0]
    rule = "IND-05" if aard is _IB else "IND-06"
    tweede = scores[1]
    zin = (
        f"Best passend profiel: {beste.profiel.naam}, {beste.punten} punten van maximaal "
        f"{beste.maximum}"
    )
    if tweede.punten == beste.punten:
        zin += f"; gelijk met {tweede.profiel!s}: het lichtere profiel gaat voor (goedkoopst "
        zin += "adequaat), op hetzelfde niveau het ontwikkelgerichte"
    else:
        zin += f"; daarna {tweede.profiel!s} ({tweede.punten} punten)"
    woord = _WOORD[zekerheid] if type(zekerheid) is Zekerheid else zekerheid.value
    zin += f". Zekerheid: {woord}; het profiel is ter beoordeling van de consulent."
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
