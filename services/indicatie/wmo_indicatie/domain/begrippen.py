"""The vocabulary of an indicatie begeleiding (seed 001 Bijlage 6, Bijlage 2): aard, profiel,
gerichtheid, omvang classes, duur categories, percelen, and how sure an advice is.

Kept apart from the modules that reason with these words so that ``policy.py`` can use them
without importing any rule code.
"""

from __future__ import annotations

from enum import StrEnum


class Aard(StrEnum):
    """The aard of one recorded indicatie (IND-04). A client needing both gets two indicaties."""

    INDIVIDUELE_BEGELEIDING = "individuele_begeleiding"
    DAGBESTEDING = "dagbesteding"


class AardKeuze(StrEnum):
    """The aard an advice proposes (seed §6.2): one of the two, or a combination of both."""

    INDIVIDUELE_BEGELEIDING = "individuele_begeleiding"
    DAGBESTEDING = "dagbesteding"
    BEIDE = "beide"

    @property
    def aarden(self) -> tuple[Aard, ...]:
        return _AARDEN[self]


_AARDEN = {
    AardKeuze.INDIVIDUELE_BEGELEIDING: (Aard.INDIVIDUELE_BEGELEIDING,),
    AardKeuze.DAGBESTEDING: (Aard.DAGBESTEDING,),
    AardKeuze.BEIDE: (Aard.INDIVIDUELE_BEGELEIDING, Aard.DAGBESTEDING),
}


class Gerichtheid(StrEnum):
    """IND-08: primary aim development within months to a year, or keeping abilities."""

    ONTWIKKELGERICHT = "ontwikkelgericht"
    BEHOUDGERICHT = "behoudgericht"


class Omvangklasse(StrEnum):
    """The four sizes of individuele begeleiding (seed §6.3 / §6.8, IND-05)."""

    LICHT = "licht"
    GEMIDDELD = "gemiddeld"
    BOVENGEMIDDELD = "bovengemiddeld"
    INTENSIEF = "intensief"


class Dagdeelklasse(StrEnum):
    """The two sizes of dagbesteding (seed §6.12, IND-06): profile 1 (DBB-1, DBO-1) with fewer
    dagdelen, profile 2 (DBB-2, DBO-2) with more. The numbers of each live in the policy."""

    MINDER_DAGDELEN = "minder_dagdelen"
    MEER_DAGDELEN = "meer_dagdelen"


class Eenheid(StrEnum):
    """The unit of omvang (IND-04): hours per week or dagdelen per week."""

    UUR_PER_WEEK = "uur_per_week"
    DAGDELEN_PER_WEEK = "dagdelen_per_week"


class Profiel(StrEnum):
    """The eight individual profiles (IND-05) and four dagbesteding profiles (IND-06)."""

    IBO_1 = "IBO-1"
    IBO_2 = "IBO-2"
    IBO_3 = "IBO-3"
    IBO_4 = "IBO-4"
    IBB_1 = "IBB-1"
    IBB_2 = "IBB-2"
    IBB_3 = "IBB-3"
    IBB_4 = "IBB-4"
    DBO_1 = "DBO-1"
    DBO_2 = "DBO-2"
    DBB_1 = "DBB-1"
    DBB_2 = "DBB-2"

    # The properties below read a table built once from the code (the advice engine asks them
    # hundreds of times per advice; an Enum property that parses the code each time costs more
    # than the ranking itself).
    @property
    def aard(self) -> Aard:
        return _KENMERKEN[self][0]

    @property
    def gerichtheid(self) -> Gerichtheid:
        return _KENMERKEN[self][1]

    @property
    def niveau(self) -> int:
        """The number in the code: 1..4 for individuele begeleiding, 1..2 for dagbesteding."""
        return _KENMERKEN[self][2]

    @property
    def omvangklasse(self) -> Omvangklasse | None:
        return _KENMERKEN[self][3]

    @property
    def dagdeelklasse(self) -> Dagdeelklasse | None:
        return _KENMERKEN[self][4]

    @property
    def eenheid(self) -> Eenheid:
        if self.aard is Aard.INDIVIDUELE_BEGELEIDING:
            return Eenheid.UUR_PER_WEEK
        return Eenheid.DAGDELEN_PER_WEEK

    @property
    def naam(self) -> str:
        return _NAMEN[self]


def _kenmerken_van(
    code: str,
) -> tuple[Aard, Gerichtheid, int, Omvangklasse | None, Dagdeelklasse | None]:
    """aard, gerichtheid, niveau, omvangklasse and dagdeelklasse read from a profile code."""
    individueel = code.startswith("IB")
    niveau = int(code[-1])
    return (
        Aard.INDIVIDUELE_BEGELEIDING if individueel else Aard.DAGBESTEDING,
        Gerichtheid.ONTWIKKELGERICHT if code[2] == "O" else Gerichtheid.BEHOUDGERICHT,
        niveau,
        tuple(Omvangklasse)[niveau - 1] if individueel else None,
        None if individueel else tuple(Dagdeelklasse)[niveau - 1],
    )


_KENMERKEN = {p: _kenmerken_van(p.value) for p in Profiel}


def _naam_van(profiel: Profiel) -> str:
    soort = (
        "Individuele Begeleiding"
        if profiel.aard is Aard.INDIVIDUELE_BEGELEIDING
        else "Dagbesteding"
    )
    richting = (
        "Ontwikkelgericht"
        if profiel.gerichtheid is Gerichtheid.ONTWIKKELGERICHT
        else "Behoudgericht"
    )
    return f"{soort} {richting} {profiel.niveau} ({profiel.value})"


_NAMEN = {p: _naam_van(p) for p in Profiel}


def profielen_van(aard: Aard) -> tuple[Profiel, ...]:
    """The profiles of one aard, lightest first (goedkoopst adequaat, INT-06) and on the same
    level ontwikkelgericht before behoudgericht (the Wmo aims at zelfredzaamheid first): the
    order a tie in the ranking falls back to."""
    if type(aard) is Aard:
        return _PROFIELEN_VAN[aard]
    return _profielen_van(aard)


def _profielen_van(aard: Aard) -> tuple[Profiel, ...]:
    return tuple(
        sorted(
            (p for p in Profiel if p.aard is aard),
            key=lambda p: (p.niveau, p.gerichtheid is Gerichtheid.BEHOUDGERICHT),
        )
    )


_PROFIELEN_VAN = {a: _profielen_van(a) for a in Aard}


class DuurCategorie(StrEnum):
    """IND-11 (seed §6.7): how soon the result is expected; the months are policy."""

    KORTE_TERMIJN = "korte_termijn"  # resultaat op korte termijn haalbaar
    SNEL_HAALBAAR = "snel_haalbaar"  # resultaat waarschijnlijk snel haalbaar
    LANGERE_INZET = "langere_inzet"  # resultaat vergt langere inzet
    ONDERHOUDSDOSIS = "onderhoudsdosis"
    LEVENSLANG = "levenslang"  # levenslange ondersteuning verwacht: duur eventueel onbeperkt

    @property
    def omschrijving(self) -> str:
        return _DUUR_OMSCHRIJVING[self]


_DUUR_OMSCHRIJVING = {
    DuurCategorie.KORTE_TERMIJN: "resultaat op korte termijn haalbaar",
    DuurCategorie.SNEL_HAALBAAR: "resultaat waarschijnlijk snel haalbaar",
    DuurCategorie.LANGERE_INZET: "resultaat vergt langere inzet",
    DuurCategorie.ONDERHOUDSDOSIS: "onderhoudsdosis",
    DuurCategorie.LEVENSLANG: "levenslange ondersteuning verwacht",
}


class Perceel(StrEnum):
    """The ondersteuningsvormen of seed 001 Bijlage 2 §1 (IND-13)."""

    ONDERSTEUNING_HUISHOUDEN = "ondersteuning_huishouden"
    INDIVIDUELE_BEGELEIDING = "individuele_begeleiding"
    INDIVIDUELE_BEGELEIDING_PLUS = "individuele_begeleiding_plus"
    DAGBESTEDING = "dagbesteding"
    DAGBESTEDING_PLUS = "dagbesteding_plus"
    ARBEIDSMATIGE_GROEPSBEGELEIDING = "arbeidsmatige_groepsbegeleiding"
    ACTIVERENDE_GROEPSBEGELEIDING = "activerende_groepsbegeleiding"
    KORTDUREND_VERBLIJF = "kortdurend_verblijf"

    @property
    def omschrijving(self) -> str:
        return self.value.replace("_", " ")


class Zekerheid(StrEnum):
    """How firmly the engine stands behind a proposal. Never "zeker": the normenkader is a
    hulpmiddel, the consulent decides (seed §1 "zeker geen keurslijf", IND-12)."""

    HOOG = "hoog"
    REDELIJK = "redelijk"
    LAAG = "laag"
