"""RES-05 primaat van verhuizen and RES-06 woonvoorzieningen (seed 001 H5): wonen in een
geschikt huis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum, StrEnum
from types import MappingProxyType

from wmo_intake.domain.bevinding import Bevinding, Toetsing, Uitkomst
from wmo_shared.regels import Regel

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK


class Verhuisfactor(IntEnum):
    """The twelve factors of the belangenafweging, seed 001 H5, in the seed's order."""

    BELANGENAFWEGING = 1
    AANGEPASTE_WONINGEN_BESCHIKBAAR = 2
    KOSTENVERGELIJKING = 3
    VOLKSHUISVESTING = 4
    MEDISCH_AANVAARDBARE_TERMIJN = 5
    SOCIALE_OMSTANDIGHEDEN = 6
    AFSTEMMING_ANDERE_VOORZIENINGEN = 7
    WERKSITUATIE = 8
    WOONLASTEN = 9
    WOONCOMFORT = 10
    HUURDER_OF_EIGENAAR = 11
    WIL_OM_TE_VERHUIZEN = 12


VERHUISFACTOREN: Mapping[Verhuisfactor, str] = MappingProxyType(
    {
        Verhuisfactor.BELANGENAFWEGING: "factoren die een rol spelen bij de belangenafweging",
        Verhuisfactor.AANGEPASTE_WONINGEN_BESCHIKBAAR: "de aanwezigheid van aangepaste of "
        "eenvoudig aan te passen woningen",
        Verhuisfactor.KOSTENVERGELIJKING: "kostenvergelijking tussen aanpassen en verhuizen",
        Verhuisfactor.VOLKSHUISVESTING: "de volkshuisvestelijke factor",
        Verhuisfactor.MEDISCH_AANVAARDBARE_TERMIJN: "de woning moet binnen een medisch "
        "aanvaardbare termijn beschikbaar zijn",
        Verhuisfactor.SOCIALE_OMSTANDIGHEDEN: "sociale omstandigheden",
        Verhuisfactor.AFSTEMMING_ANDERE_VOORZIENINGEN: "afstemming met andere voorzieningen",
        Verhuisfactor.WERKSITUATIE: "werksituatie",
        Verhuisfactor.WOONLASTEN: "verandering in woonlasten",
        Verhuisfactor.WOONCOMFORT: "wooncomfort",
        Verhuisfactor.HUURDER_OF_EIGENAAR: "is de cliënt huurder of eigenaar van de woning?",
        Verhuisfactor.WIL_OM_TE_VERHUIZEN: "de wil van de cliënt om te verhuizen",
    }
)


class Weging(StrEnum):
    VOOR_VERHUIZEN = "voor_verhuizen"
    TEGEN_VERHUIZEN = "tegen_verhuizen"
    NEUTRAAL = "neutraal"


@dataclass(frozen=True, slots=True)
class Factorweging:
    factor: Verhuisfactor
    weging: Weging
    toelichting: str


@dataclass(frozen=True, slots=True)
class Verhuisafweging:
    toetsing: Toetsing
    verhuizen_adequaat: bool | None
    """None while the weighing is incomplete."""


def weeg_primaat_van_verhuizen(
    wegingen: Sequence[Factorweging],
    *,
    geschikte_woning_binnen_medisch_aanvaardbare_termijn: bool,
    conclusie_verhuizen_adequaat: bool,
) -> Verhuisafweging:
    """RES-05: before adapting the home, judge whether moving reaches the result. All twelve
    factors are weighed (the worker's judgement); moving is never adequate when no suitable
    home is available within a medically acceptable term."""
    per_factor = {w.factor: w for w in wegingen}
    ontbrekend = [
        f for f in Verhuisfactor if f not in per_factor or not per_factor[f].toelichting.strip()
    ]
    regels = [
        Regel("RES-05", f"Factor {f.value} is niet gewogen: {VERHUISFACTOREN[f]}.")
        for f in ontbrekend
    ]
    if ontbrekend:
        return Verhuisafweging(
            Toetsing(False, tuple(regels), tuple(f.name.lower() for f in ontbrekend)), None
        )
    voor = [f.value for f in Verhuisfactor if per_factor[f].weging is Weging.VOOR_VERHUIZEN]
    tegen = [f.value for f in Verhuisfactor if per_factor[f].weging is Weging.TEGEN_VERHUIZEN]
    samenvatting = (
        f"Alle twaalf factoren zijn gewogen (voor verhuizen: {voor or 'geen'}; tegen: "
        f"{tegen or 'geen'})."
    )
    if not geschikte_woning_binnen_medisch_aanvaardbare_termijn:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Er is geen geschikte woning binnen een medisch aanvaardbare "
                "termijn: verhuizen is niet de adequate oplossing. Vergelijk nu een losse "
                "woonunit met aanpassing van de woning.",
            )
        )
        return Verhuisafweging(Toetsing(True, tuple(regels)), False)
    if conclusie_verhuizen_adequaat:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Verhuizen bereikt het resultaat (primaat van verhuizen): geen "
                "woningaanpassing.",
            )
        )
    else:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Verhuizen leidt niet tot het resultaat: vergelijk een losse "
                "woonunit met aanpassing van de woning.",
            )
        )
    return Verhuisafweging(Toetsing(True, tuple(regels)), conclusie_verhuizen_adequaat)


class Woonoplossing(StrEnum):
    WOONUNIT = "woonunit"
    AANPASSING = "aanpassing"


@dataclass(frozen=True, slots=True)
class Woonunitofferte:
    kosten: Decimal
    verwijderingskosten: Decimal
    doorlooptijd_weken: int
    herverstrekbaar: bool
    realiseerbaar: bool = True


@dataclass(frozen=True, slots=True)
class Aanpassingsofferte:
    """Adapting or extending the home (inpandige verbouwing or aanbouw)."""

    kosten: Decimal
    doorlooptijd_weken: int


@dataclass(frozen=True, slots=True)
class Woonkeuze:
    oplossing: Woonoplossing
    regels: tuple[Regel, ...]


def vergelijk_woonunit_en_aanpassing(
    woonunit: Woonunitofferte, aanpassing: Aanpassingsofferte
) -> Woonkeuze:
    """RES-05 (seed 001 H5): when moving does not reach the result, "wordt bekeken of het
    plaatsen van een losse woonunit de goedkoopst adequate oplossing is": the unit is chosen
    only when it is, its removal costs included ("worden bij de vergelijking meegerekend").
    Between two solutions that cost the same, the unit has the preference when it is faster or
    re-usable (herverstrekbaar); a unit that is faster or re-usable but dearer is not the
    goedkoopst adequate solution (a worker who still prefers it goes against the finding and
    motivates that in the beschikking)."""
    eigen_kracht = (
        " Bespreek ook de Blijverslening en Verzilverlening: geen voorliggende voorziening, "
        "wel eigen kracht."
    )
    if not woonunit.realiseerbaar:
        return Woonkeuze(
            Woonoplossing.AANPASSING,
            (
                Regel(
                    "RES-05",
                    "Een losse woonunit is hier niet te realiseren: aanpassing van de woning."
                    + eigen_kracht,
                ),
            ),
        )
    unit_totaal = woonunit.kosten + woonunit.verwijderingskosten
    kosten = (
        f"woonunit € {unit_totaal:.2f} (inclusief € {woonunit.verwijderingskosten:.2f} voor "
        f"verwijderen), aanpassing € {aanpassing.kosten:.2f}"
    )
    voordelen = []
    if woonunit.doorlooptijd_weken < aanpassing.doorlooptijd_weken:
        voordelen.append(
            f"sneller ({woonunit.doorlooptijd_weken} tegen {aanpassing.doorlooptijd_weken} weken)"
        )
    if woonunit.herverstrekbaar:
        voordelen.append("herverstrekbaar")
    if unit_totaal < aanpassing.kosten or (unit_totaal == aanpassing.kosten and voordelen):
        grond = "goedkoper" if unit_totaal < aanpassing.kosten else "even duur"
        extra = f" en {', '.join(voordelen)}" if voordelen else ""
        return Woonkeuze(
            Woonoplossing.WOONUNIT,
            (
                Regel(
                    "RES-05",
                    f"De losse woonunit is de goedkoopst adequate oplossing: {grond}{extra}, "
                    f"verwijderingskosten meegerekend ({kosten}).",
                ),
            ),
        )
    if voordelen:
        waarom = (
            f"De losse woonunit is {', '.join(voordelen)}, maar niet de goedkoopst adequate "
            f"oplossing ({kosten}): aanpassing van de woning."
        )
    else:
        waarom = (
            "De losse woonunit is niet goedkoper, niet sneller en niet herverstrekbaar: "
            f"aanpassing van de woning ({kosten})."
        )
    return Woonkeuze(Woonoplossing.AANPASSING, (Regel("RES-05", waarom + eigen_kracht),))


# --- RES-06 woonvoorzieningen (H5) -------------------------------------------------------------


class Woonruimte(StrEnum):
    ZELFSTANDIGE_WONING = "zelfstandige_woning"
    HOTEL = "hotel"
    PENSION = "pension"
    TREKKERSWOONWAGEN = "trekkerswoonwagen"
    TOERCARAVAN = "toercaravan"
    STACARAVAN = "stacaravan"
    KLOOSTER = "klooster"
    TWEEDE_WONING = "tweede_woning"
    VAKANTIEWONING = "vakantiewoning"
    RECREATIEWONING = "recreatiewoning"
    GEHUURDE_KAMER = "gehuurde_kamer"
    GEMEENSCHAPPELIJKE_RUIMTE_DOELGROEPGEBOUW = "gemeenschappelijke_ruimte_doelgroepgebouw"
    """Common areas of buildings meant for elderly or disabled people."""
    MANTELZORGWONING = "mantelzorgwoning"


def toets_woonruimte(
    woonruimte: Woonruimte, *, zonder_noemenswaardige_meerkosten_bij_nieuwbouw: bool = False
) -> Bevinding:
    """RES-06: no woonvoorziening for the listed kinds of dwelling, nor for what new-build or
    renovation includes at no notable extra cost."""
    if woonruimte is Woonruimte.MANTELZORGWONING:
        return Bevinding(
            "RES-06",
            _GEEN,
            "Geen woonvoorziening voor een mantelzorgwoning: zelf bouwen of huren is eigen "
            "verantwoordelijkheid; de gemeente kan adviseren over vergunningen.",
        )
    if woonruimte is not Woonruimte.ZELFSTANDIGE_WONING:
        return Bevinding(
            "RES-06",
            _GEEN,
            f"Geen woonvoorziening voor deze woonruimte ({woonruimte.value.replace('_', ' ')}).",
        )
    if zonder_noemenswaardige_meerkosten_bij_nieuwbouw:
        return Bevinding(
            "RES-06",
            _GEEN,
            "Deze voorziening kan bij nieuwbouw of renovatie zonder noemenswaardige meerkosten "
            "worden meegenomen: geen woonvoorziening.",
        )
    return Bevinding(
        "RES-06", _MAATWERK, "Een zelfstandige woning: een woonvoorziening is mogelijk."
    )


class Saneringsoorzaak(StrEnum):
    ALLERGIE = "allergie"
    """Allergic reaction to materials such as carpet or curtains (allergene factoren)."""
    ASBEST = "asbest"
    SPAANPLAAT = "spaanplaat"
    VOCHT = "vocht"
    TOCHT = "tocht"


def toets_woningsanering(oorzaak: Saneringsoorzaak, *, kan_zelf_betalen: bool) -> Bevinding:
    """RES-06: woningsanering for allergies only when the client cannot pay it; never for
    problems from the materials themselves (asbestos, particle board, damp, draught)."""
    if oorzaak is not Saneringsoorzaak.ALLERGIE:
        return Bevinding(
            "RES-06",
            _GEEN,
            f"De problemen komen voort uit de woning zelf ({oorzaak.value}): daarvoor wordt "
            "geen voorziening verstrekt.",
        )
    if kan_zelf_betalen:
        return Bevinding(
            "RES-06",
            _GEEN,
            "De cliënt kan de sanering voor de allergie zelf betalen: geen voorziening.",
        )
    return Bevinding(
        "RES-06",
        _MAATWERK,
        "Sanering voor de allergie die de cliënt niet zelf kan betalen: een voorziening is "
        "mogelijk.",
    )
