"""INT-08 gezamenlijke huishouding (seed 001 "Gezamenlijke huishouding"; art. 1.1.2 Wmo 2015).

- Married or registered partners who live in the same home always form one, unless they live
  duurzaam gescheiden (then they count as unmarried, art. 1.1.2 lid 2 sub b).
- Others only when all three hold: two persons; main residence (hoofdverblijf) in the same home,
  shown by the facts (a BRP registration alone does not prove it); and they care for each other
  (mutually; the amount need not be equal, but one only caring for the other is not enough).
- Law (art. 1.1.2 lid 2 sub a): only adults, and never blood relatives in the first degree
  (parent and child).
- Law (art. 1.1.2 lid 4): with a main residence in the same home it is presumed in any case
  when they were married before, have or recognised a child together, have a samenlevings-
  contract with mutual obligations, or are registered as such (e.g. with a pension fund).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wmo_shared.regels import Regel


class Verbintenis(StrEnum):
    HUWELIJK = "huwelijk"
    GEREGISTREERD_PARTNERSCHAP = "geregistreerd_partnerschap"
    GEEN = "geen"


class Hoofdverblijf(StrEnum):
    ZELFDE_WONING = "zelfde_woning"
    """Established from the facts (where they sleep, eat, keep their things, ...)."""
    ALLEEN_INSCHRIJVING = "alleen_inschrijving"
    """Only the BRP registration points to the same address: not proven."""
    ANDERE_WONING = "andere_woning"


class Zorgdragen(StrEnum):
    WEDERZIJDS = "wederzijds"
    EENZIJDIG = "eenzijdig"
    GEEN = "geen"


class Vermoedensgrond(StrEnum):
    """Art. 1.1.2 lid 4 Wmo 2015."""

    EERDER_GEHUWD = "eerder_gehuwd"
    GEZAMENLIJK_KIND = "gezamenlijk_kind"
    SAMENLEVINGSCONTRACT = "samenlevingscontract"
    REGISTRATIE = "registratie"


class Huishoudinguitkomst(StrEnum):
    GEZAMENLIJKE_HUISHOUDING = "gezamenlijke_huishouding"
    GEEN_GEZAMENLIJKE_HUISHOUDING = "geen_gezamenlijke_huishouding"
    NADER_ONDERZOEK = "nader_onderzoek"


@dataclass(frozen=True, slots=True)
class Samenwoning:
    verbintenis: Verbintenis
    hoofdverblijf: Hoofdverblijf
    aantal_personen: int = 2
    """How many persons would form this household together (the law speaks of two)."""
    zorgdragen: Zorgdragen = Zorgdragen.GEEN
    duurzaam_gescheiden: bool = False
    beiden_meerderjarig: bool = True
    bloedverwanten_eerste_graad: bool = False
    vermoedensgronden: frozenset[Vermoedensgrond] = frozenset()


@dataclass(frozen=True, slots=True)
class Huishoudingoordeel:
    uitkomst: Huishoudinguitkomst
    regels: tuple[Regel, ...]


def _oordeel(uitkomst: Huishoudinguitkomst, tekst: str) -> Huishoudingoordeel:
    return Huishoudingoordeel(uitkomst, (Regel("INT-08", tekst),))


def beoordeel_gezamenlijke_huishouding(samenwoning: Samenwoning) -> Huishoudingoordeel:
    """INT-08: do these persons form a gezamenlijke huishouding?"""
    geen = Huishoudinguitkomst.GEEN_GEZAMENLIJKE_HUISHOUDING
    ja = Huishoudinguitkomst.GEZAMENLIJKE_HUISHOUDING
    if samenwoning.hoofdverblijf is Hoofdverblijf.ANDERE_WONING:
        return _oordeel(geen, "Zij hebben hun hoofdverblijf niet in dezelfde woning.")
    if samenwoning.hoofdverblijf is Hoofdverblijf.ALLEEN_INSCHRIJVING:
        return _oordeel(
            Huishoudinguitkomst.NADER_ONDERZOEK,
            "Alleen de inschrijving in de BRP wijst op hetzelfde adres; dat bewijst geen "
            "hoofdverblijf in dezelfde woning. Stel de feitelijke woonsituatie vast.",
        )
    gehuwd = samenwoning.verbintenis is not Verbintenis.GEEN
    if gehuwd and not samenwoning.duurzaam_gescheiden:
        soort = (
            "gehuwd" if samenwoning.verbintenis is Verbintenis.HUWELIJK else "geregistreerd partner"
        )
        return _oordeel(
            ja,
            f"Zij zijn {soort} en wonen in dezelfde woning: dat is altijd een gezamenlijke "
            "huishouding.",
        )
    gescheiden = (
        "Zij leven duurzaam gescheiden en tellen daarom als ongehuwd (art. 1.1.2 lid 2 Wmo). "
        if gehuwd
        else ""
    )
    if samenwoning.aantal_personen != 2:
        return _oordeel(
            geen,
            f"{gescheiden}Een gezamenlijke huishouding bestaat uit precies twee personen; hier "
            f"gaat het om {samenwoning.aantal_personen}.",
        )
    if not samenwoning.beiden_meerderjarig:
        return _oordeel(
            geen,
            f"{gescheiden}Alleen twee meerderjarigen kunnen als ongehuwden een gezamenlijke "
            "huishouding voeren (art. 1.1.2 lid 2 Wmo).",
        )
    if samenwoning.bloedverwanten_eerste_graad:
        return _oordeel(
            geen,
            f"{gescheiden}Ouder en kind (bloedverwanten in de eerste graad) voeren voor de Wmo "
            "geen gezamenlijke huishouding (art. 1.1.2 lid 2 Wmo).",
        )
    if samenwoning.vermoedensgronden:
        gronden = ", ".join(
            sorted(g.value.replace("_", " ") for g in samenwoning.vermoedensgronden)
        )
        return _oordeel(
            ja,
            f"{gescheiden}Zij hebben hun hoofdverblijf in dezelfde woning en er is een wettelijk "
            f"vermoeden ({gronden}): een gezamenlijke huishouding (art. 1.1.2 lid 4 Wmo).",
        )
    if samenwoning.zorgdragen is Zorgdragen.WEDERZIJDS:
        return _oordeel(
            ja,
            f"{gescheiden}Twee personen met hun hoofdverblijf in dezelfde woning die zorg dragen "
            "voor elkaar (financieel of op een andere manier, niet per se even veel): een "
            "gezamenlijke huishouding.",
        )
    if samenwoning.zorgdragen is Zorgdragen.EENZIJDIG:
        return _oordeel(
            geen,
            f"{gescheiden}De een zorgt voor de ander, maar niet over en weer: dat is geen "
            "wederzijds zorg dragen voor elkaar en dus geen gezamenlijke huishouding.",
        )
    return _oordeel(
        geen,
        f"{gescheiden}Zij wonen in dezelfde woning maar dragen geen zorg voor elkaar: geen "
        "gezamenlijke huishouding.",
    )
