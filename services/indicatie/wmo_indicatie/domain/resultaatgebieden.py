"""IND-03: the result areas a-k the support works towards (seed 001 Bijlage 6 §5).

The number of chosen areas is one of the profile characteristics (Bijlage 1 "Aantal te bereiken
resultaten"); the kind of area is one signal for the aard (see ``aard.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain, combinations

from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel


class Resultaatgebied(StrEnum):
    GEZOND_LEVEN_EN_ZELFVERZORGING = "gezond_leven_en_zelfverzorging"
    REGIE_EN_BESLUITEN = "regie_en_besluiten"
    ZAKEN_REGELEN = "zaken_regelen"
    ZINGEVING_EN_VERANDERINGEN = "zingeving_en_veranderingen"
    NETWERK_EN_MANTELZORG = "netwerk_en_mantelzorg"
    DAGSTRUCTUUR = "dagstructuur"
    VERPLAATSEN_EN_VERVOER = "verplaatsen_en_vervoer"
    SOCIALE_CONTACTEN = "sociale_contacten"
    ZELFSTANDIG_WONEN = "zelfstandig_wonen"
    FINANCIELE_SITUATIE = "financiele_situatie"
    ADMINISTRATIE = "administratie"

    @property
    def letter(self) -> str:
        return _LETTER[self]

    @property
    def omschrijving(self) -> str:
        return _OMSCHRIJVING[self]


_OMSCHRIJVING: dict[Resultaatgebied, str] = {
    Resultaatgebied.GEZOND_LEVEN_EN_ZELFVERZORGING: "gezond leven en zich verzorgen",
    Resultaatgebied.REGIE_EN_BESLUITEN: "voeren van regie, nemen van besluiten",
    Resultaatgebied.ZAKEN_REGELEN: "zaken regelen/organiseren met instanties",
    Resultaatgebied.ZINGEVING_EN_VERANDERINGEN: "zingeving en omgaan met veranderingen",
    Resultaatgebied.NETWERK_EN_MANTELZORG: "netwerk/mantelzorg is op orde",
    Resultaatgebied.DAGSTRUCTUUR: "dagstructuur/daginvulling, ritme in de dag",
    Resultaatgebied.VERPLAATSEN_EN_VERVOER: "verplaatsen/vervoer is geregeld",
    Resultaatgebied.SOCIALE_CONTACTEN: "sociale contacten opbouwen/onderhouden",
    Resultaatgebied.ZELFSTANDIG_WONEN: "zelfstandig wonen",
    Resultaatgebied.FINANCIELE_SITUATIE: "financiële situatie is stabiel",
    Resultaatgebied.ADMINISTRATIE: "administratie voeren",
}

_ALLE = tuple(Resultaatgebied)
_LETTER: dict[Resultaatgebied, str] = dict(zip(Resultaatgebied, "abcdefghijk", strict=True))
# "a. gezond leven en zich verzorgen": how an area reads in a sentence
OPSOMMING: dict[Resultaatgebied, str] = {
    r: f"{_LETTER[r]}. {_OMSCHRIJVING[r]}" for r in Resultaatgebied
}

# Areas that on their own point to individuele begeleiding. Dagstructuur and netwerk/mantelzorg
# are also worked on in individuele begeleiding (seed Bijlage 2 §1.3 "aanbrengen van
# (dag)structuur", "opbouw en onderhoud van een sociaal netwerk"), so they point to dagbesteding
# only together with a limitation in daginvulling or a low draagkracht (see ``aard.py``).
INDIVIDUELE_GEBIEDEN = frozenset(Resultaatgebied) - {
    Resultaatgebied.DAGSTRUCTUUR,
    Resultaatgebied.NETWERK_EN_MANTELZORG,
}


@fast_init
@dataclass(frozen=True, slots=True)
class ResultaatgebiedenOordeel:
    gekozen: tuple[Resultaatgebied, ...]  # in the order a-k
    regels: tuple[Regel, ...]

    @property
    def aantal(self) -> int:
        return len(self.gekozen)


def beoordeel_resultaatgebieden(gekozen: Iterable[Resultaatgebied]) -> ResultaatgebiedenOordeel:
    if type(gekozen) is frozenset:
        oordeel = _OORDELEN.get(gekozen)
        if oordeel is not None:
            return oordeel
    return _beoordeel(gekozen)


def _beoordeel(gekozen: Iterable[Resultaatgebied]) -> ResultaatgebiedenOordeel:
    gezocht = set(gekozen)
    lijst = tuple([r for r in _ALLE if r in gezocht])
    if not lijst:
        regel = Regel(
            "IND-03",
            "Er is nog geen te behalen resultaat gekozen; zonder resultaat heeft begeleiding "
            "geen doel, leg de resultaten vast voordat de indicatie wordt gesteld.",
        )
    else:
        namen = "; ".join([OPSOMMING[r] for r in lijst])
        regel = Regel("IND-03", f"Te behalen resultaten ({len(lijst)}): {namen}.")
    return ResultaatgebiedenOordeel(gekozen=lijst, regels=(regel,))


# The judgement of every choice of areas (2 ** 11), worked out once. Found by equality, as the
# judgement itself compares: an area given as its str value reads the same.
_OORDELEN = {
    frozenset(keuze): _beoordeel(keuze)
    for keuze in chain.from_iterable(combinations(_ALLE, n) for n in range(len(_ALLE) + 1))
}
