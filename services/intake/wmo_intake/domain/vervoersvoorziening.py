"""Vervoer as a maatwerkvoorziening (seed 001 H6; RES-07, FIN-10, MZ-04): a collectief-vervoer
pas (taxipas, iWmo productcategorie 08) or an individuele vervoersvoorziening (12, e.g. a
scootmobiel) granted in a beschikking with its km budget per year, the begeleider rule, the
medical check before the taxi is set aside, and its supplier.

- Km budget: "met een systeem voor collectief vervoer ... dient ... een afstand van 1500 - 2000
  km per jaar te kunnen worden afgelegd. Indien daar aanleiding voor is kan het college dit
  aantal ophogen"; with another means of transport or intramural the norm halves (1500 → 750);
  the norm "may be granted at once without exhaustive research". Above the norm only with a
  motivation, stored with the voorziening (policy values: ``finance.yaml`` ``vervoer``, the one
  source finance computes the tegemoetkoming from too).
- Begeleider: a (free) begeleider only when medical acts may be needed DURING the ride; with
  that indicatie a begeleider always travels along (RES-07, MZ-04).
- Medical check: who says they cannot use the taxi gets a medical examination first; only when
  it shows they cannot does a financiële tegemoetkoming follow (FIN-10, finance) instead of a
  taxipas.
- Only the supermarket as need: no taxipas (algemeen gebruikelijk, RES-07)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

COLLECTIEF = "08"
INDIVIDUEEL = "12"
CATEGORIEEN = frozenset({COLLECTIEF, INDIVIDUEEL})

MedischeUitkomst = Literal["kan_met_taxi", "kan_niet_met_taxi"]


@dataclass(frozen=True, slots=True)
class Kilometernorm:
    bron: str
    per_jaar: int
    ander_vervoer_of_intramuraal: int


@dataclass(frozen=True, slots=True)
class Vervoer:
    km_per_jaar: int | None
    ander_vervoermiddel: bool
    intramuraal: bool
    alleen_supermarkt: bool
    motivering_km: str | None
    begeleider: bool
    medische_handelingen_tijdens_rit: bool | None
    kan_met_taxi: bool
    medisch_onderzoek: MedischeUitkomst | None
    leverancier: str


@dataclass(frozen=True, slots=True)
class Vervoersuitkomst:
    norm_km: int
    boven_norm: bool
    regels: tuple[Regel, ...]


def _veld(i: int, naam: str) -> str:
    return f"maatwerkvoorzieningen.{i}.vervoer.{naam}"


def _weiger(i: int, naam: str, code: str, rule: str, reden: str) -> Weigering:
    return Weigering(code, reden, veld=_veld(i, naam), regels=[Regel(rule, reden)])


def toets_vervoer(
    i: int, productcategorie: str, v: Vervoer, norm: Kilometernorm
) -> Vervoersuitkomst:
    """The voorziening's vervoer facts checked, with the rules that decide them; a refusal
    (400) names the field under ``maatwerkvoorzieningen.{i}.vervoer``."""
    regels: list[Regel] = []
    taxipas = productcategorie == COLLECTIEF
    if taxipas and v.alleen_supermarkt:
        raise _weiger(
            i,
            "alleenSupermarkt",
            "algemeen-gebruikelijk",
            "RES-07",
            "Als naar de supermarkt gaan de enige vervoersbehoefte is, is er geen taxipas: dat "
            "is algemeen gebruikelijk.",
        )
    if taxipas and not v.kan_met_taxi:
        if v.medisch_onderzoek is None:
            raise _weiger(
                i,
                "medischOnderzoek",
                "medisch-onderzoek-nodig",
                "RES-07",
                "De inwoner geeft aan niet met de taxi te kunnen: eerst volgt een medisch "
                "onderzoek.",
            )
        if v.medisch_onderzoek == "kan_niet_met_taxi":
            raise _weiger(
                i,
                "medischOnderzoek",
                "taxi-medisch-onmogelijk",
                "FIN-10",
                "Uit het medisch onderzoek blijkt dat de inwoner niet met de taxi kan: geen "
                "taxipas, maar een financiële tegemoetkoming voor vervoer (finance, "
                "vervoersvergoeding).",
            )
        regels.append(
            Regel("RES-07", "Uit het medisch onderzoek blijkt dat de inwoner met de taxi kan.")
        )
    if v.begeleider and v.medische_handelingen_tijdens_rit is not True:
        raise _weiger(
            i,
            "begeleider",
            "geen-begeleiding",
            "RES-07",
            "Een (kosteloze) begeleider alleen als er tijdens de rit medische handelingen nodig "
            "kunnen zijn; ondersteuning op de plaats van bestemming telt niet.",
        )
    if v.begeleider:
        regels.append(
            Regel(
                "MZ-04",
                "Indicatie voor begeleiding: tijdens de rit kunnen medische handelingen nodig "
                "zijn. Een begeleider reist altijd mee, kosteloos.",
            )
        )
    basis = (
        norm.ander_vervoer_of_intramuraal
        if v.ander_vervoermiddel or v.intramuraal
        else (norm.per_jaar)
    )
    waarom = (
        " (gehalveerd: ander vervoermiddel of intramuraal)"
        if v.ander_vervoermiddel or v.intramuraal
        else ""
    )
    km = v.km_per_jaar
    if taxipas and km is None:
        km = basis
        regels.append(
            Regel(
                "FIN-10",
                f"Kilometerbudget {basis} km per jaar{waarom}, ineens toegekend zonder "
                f"uitputtend onderzoek ({norm.bron}).",
            )
        )
    elif km is not None and km <= basis:
        regels.append(
            Regel(
                "FIN-10", f"Kilometerbudget {km} km per jaar, binnen de norm van {basis}{waarom}."
            )
        )
    boven = km is not None and km > basis
    if boven:
        motivering = (v.motivering_km or "").strip()
        if not motivering:
            raise _weiger(
                i,
                "motiveringKm",
                "motivering-nodig",
                "FIN-10",
                f"{km} km per jaar ligt boven de norm van {basis} km{waarom}: dat kan alleen "
                "als daar aanleiding voor is, met een motivering.",
            )
        regels.append(
            Regel(
                "FIN-10",
                f"Kilometerbudget {km} km per jaar, boven de norm van {basis}{waarom}. "
                f"Motivering: {motivering}",
            )
        )
    regels.append(Regel("RES-07", f"Vervoer via {v.leverancier}."))
    return Vervoersuitkomst(basis, boven, tuple(regels))


def toets_categorie(i: int, productcategorie: str, heeft_vervoer: bool) -> None:
    """A taxipas carries its vervoer facts; other categories than vervoer carry none."""
    if productcategorie == COLLECTIEF and not heeft_vervoer:
        raise Weigering(
            "verplicht",
            "Collectief vervoer (productcategorie 08) wordt toegekend met kilometerbudget, "
            "begeleiding en vervoerder (vervoer).",
            veld=f"maatwerkvoorzieningen.{i}.vervoer",
        )
    if heeft_vervoer and productcategorie not in CATEGORIEEN:
        raise Weigering(
            "niet-toegestaan",
            "Vervoersgegevens horen alleen bij vervoer (productcategorie 08 of 12).",
            veld=f"maatwerkvoorzieningen.{i}.vervoer",
        )
