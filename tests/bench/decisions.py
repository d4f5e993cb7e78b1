"""``make bench-decisions``: the pure decisions per CPU-second, one core (issue 17.3).

Each decision runs for a few seconds of process time on a round of realistic inputs, every one
a complete decision as a case worker gets it (the advice with all its sentences and every
profile's ranking, the toets with its findings, the eigen bijdrage with its month-by-month
schedule of many years):

- indicatie advies: four onderzoeken in turn: scenario A (dementia, dagbesteding), a young
  adult needing individuele begeleiding, a client needing both aarden, and one with the plus
  criteria and the consulent's own choices. Individuele begeleiding ranks eight profiles,
  dagbesteding four, both twelve; each onderzoek's own figure is printed below the line (the
  bench of issue 17 measured scenario A alone).
- pgb toets: scenario C's plan and three variants (a professional beheerder, a network member
  as zorgverlener, the inwoner managing it with gaps in the plan).
- eigen bijdrage: start dates over two years and amounts from a few hundred euros to a
  woningaanpassing of € 18.000: schedules of one month up to 15 years (tegemoetkoming) or
  about 20 (a hulpmiddel carried on the CAK abonnementstarief).

The figure is decisions per CPU-second of this process, so a busy machine lowers the wall-clock
rate but not the figure (it still varies by some 10% between runs on a shared machine). Prints
only; no test asserts it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from tests.pgb.unit.voorbeelden import plan
from wmo_finance.domain.eigen_bijdrage_berekening import Grondslag, bereken_eigen_bijdrage
from wmo_finance.domain.policy import finance_beleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_indicatie.domain.advies import Onderzoeksgegevens, adviseer
from wmo_indicatie.domain.begrippen import AardKeuze, DuurCategorie, Omvangklasse
from wmo_indicatie.domain.kenmerken import Gedrag, Kenmerken, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.levensdomeinen import Levensdomein, LevensdomeinScore
from wmo_indicatie.domain.omvang import Netwerk
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied
from wmo_pgb.domain.toets import toets
from wmo_shared.policy import PolicyRegistry, cak_abonnementstarieven

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
D, R = Levensdomein, Resultaatgebied

ONDERZOEKEN = (
    # scenario A: dementia, the day cannot be filled alone: dagbesteding
    Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(D.PSYCHISCH_FUNCTIONEREN, 3),
            LevensdomeinScore(D.DAGBESTEDING, 3),
            LevensdomeinScore(D.SOCIAAL_FUNCTIONEREN, 2),
        ),
        kenmerken=Kenmerken(
            leeftijd=82,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=L,
            zelfinzicht=L,
            ziektebesef=L,
            problematiek=Problematiek.STABIEL,
            verwachting=Verwachting.ACHTERUITGANG,
            risico=H,
            belastbaarheid=L,
            draagkracht_netwerk=N,
            verwacht_rendement=N,
        ),
        resultaatgebieden=frozenset({R.DAGSTRUCTUUR}),
        netwerk=Netwerk.ONDERSTEUNEND,
    ),
    # a young adult with debts and little grip: individuele begeleiding, ontwikkelgericht
    Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(D.PSYCHISCH_FUNCTIONEREN, 2),
            LevensdomeinScore(D.PRAKTISCH_FUNCTIONEREN, 1),
            LevensdomeinScore(D.SOCIAAL_FUNCTIONEREN, 2),
            LevensdomeinScore(D.FINANCIEN, 3),
            LevensdomeinScore(D.HUISVESTING, 1, ervaren_als_belemmering=False),
        ),
        kenmerken=Kenmerken(
            leeftijd=24,
            intellectueel_vermogen=N,
            lerend_vermogen=N,
            motivatie=H,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=Problematiek.FLUCTUEREND,
            verwachting=Verwachting.VERBETERING,
            gedrag=Gedrag.GEACCEPTEERD,
            risico=N,
            belastbaarheid=N,
            draagkracht_netwerk=L,
            verwacht_rendement=H,
        ),
        resultaatgebieden=frozenset(
            {R.FINANCIELE_SITUATIE, R.ADMINISTRATIE, R.SOCIALE_CONTACTEN, R.ZAKEN_REGELEN}
        ),
        netwerk=Netwerk.GEEN,
    ),
    # both aarden: administration and the day
    Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(D.DAGBESTEDING, 2),
            LevensdomeinScore(D.FINANCIEN, 2),
            LevensdomeinScore(D.PRAKTISCH_FUNCTIONEREN, 1),
            LevensdomeinScore(D.LICHAMELIJK_FUNCTIONEREN, 0),
        ),
        kenmerken=Kenmerken(
            leeftijd=58,
            intellectueel_vermogen=N,
            lerend_vermogen=N,
            motivatie=N,
            zelfinzicht=L,
            problematiek=Problematiek.STABIEL,
            verwachting=Verwachting.VERBETERING,
            risico=L,
            belastbaarheid=N,
            draagkracht_netwerk=N,
        ),
        resultaatgebieden=frozenset({R.FINANCIELE_SITUATIE, R.ADMINISTRATIE, R.DAGSTRUCTUUR}),
        netwerk=Netwerk.BELASTEND,
    ),
    # zwaar probleemgedrag, the consulent chose aard, omvang class and duur
    Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(D.PSYCHISCH_FUNCTIONEREN, 3),
            LevensdomeinScore(D.SOCIAAL_FUNCTIONEREN, 3),
            LevensdomeinScore(D.HUISVESTING, 2),
        ),
        kenmerken=Kenmerken(
            leeftijd=41,
            lerend_vermogen=L,
            motivatie=L,
            ziektebesef=L,
            problematiek=Problematiek.ACUUT,
            verwachting=Verwachting.GELIJK,
            gedrag=Gedrag.ZWAAR_PROBLEEMGEDRAG,
            risico=H,
        ),
        plusfeiten=PlusFeiten(
            probleemgedrag_continu=True, risico_veiligheid=True, kan_veranderen=True
        ),
        resultaatgebieden=frozenset({R.ZELFSTANDIG_WONEN, R.REGIE_EN_BESLUITEN}),
        aard=AardKeuze.INDIVIDUELE_BEGELEIDING,
        omvangklasse=Omvangklasse.INTENSIEF,
        duurcategorie=DuurCategorie.LANGERE_INZET,
    ),
)


T = TypeVar("T")


def _rond(invoer: tuple[T, ...]) -> Callable[[], T]:
    """The inputs in turn, one per call."""
    return itertools.cycle(invoer).__next__


def _advies(onderzoeken: tuple[Onderzoeksgegevens, ...] = ONDERZOEKEN) -> Callable[[], object]:
    policy = PolicyRegistry.load().section("0085", dt.date(2024, 1, 1), SECTION, IndicatiePolicy)
    begindata = tuple(dt.date(2024, 3, 1) + dt.timedelta(days=9 * i) for i in range(7))
    volgende = _rond(tuple(itertools.product(onderzoeken, begindata)))

    def besluit() -> object:
        gegevens, begin = volgende()
        return adviseer(gegevens, begin, policy)

    return besluit


def _toets() -> Callable[[], object]:
    plannen = (
        plan(),  # scenario C
        plan(
            beheerder={
                "rol": "bewindvoerder",
                "naam": "Bewind BV",
                "relatie_met_zorgverlener": "geen",
                "beheerkosten": "ten_laste_van_inwoner",
            },
            risicosituaties={"problematische_schulden": True, "schuldhulp": "bewind"},
        ),
        plan(
            zorgverlener={
                "soort": "netwerklid",
                "naam": "Els",
                "relatie_tot_inwoner": "dochter",
                "is_overbelaste_mantelzorger": False,
            },
            contractvorm="overeenkomst_partner_of_familielid",
            netwerkinzet={
                "soort_hulp": "huishouden",
                "frequentie": "drie keer per week",
                "duur": "langdurig",
                "verplichtend": True,
                "waarom_beter": "kent de routines van haar moeder",
            },
        ),
        plan(
            beheerder={
                "rol": "inwoner",
                "vaardigheden": {"kent_pgb_regels": False, "regelt_vervanging": True},
                "met_hulp_van_ander": None,
            },
            keuze={"geinformeerd_over_zin": None},
            risicosituaties={"laaggeletterd": True},
            kwaliteitswaarborg="",
        ),
    )
    volgende = _rond(plannen)
    return lambda: toets(volgende(), maatwerkvoorziening_vastgesteld=True)


def _eigen_bijdrage(grondslag: Grondslag) -> Callable[[], object]:
    beleid = finance_beleid(PolicyRegistry.load(), "0085", dt.date(2024, 1, 1))
    landelijk = cak_abonnementstarieven()
    begindata = tuple(dt.date(2024 + m // 12, m % 12 + 1, 1) for m in range(24))
    if grondslag == "tegemoetkoming":
        soorten = (VoorzieningSoort.aanbouw, VoorzieningSoort.roerende_woonvoorziening)
        bedragen = ("14250.00", "2380.50", "18000.00", "640.00", "7999.99")
        extra: tuple[dict[str, Any], ...] = tuple(
            {"voorziening": s, "toegekend_bedrag": Decimal(b)}
            for s, b in itertools.product(soorten, bedragen)
        )
    else:
        extra = tuple(
            {"kostprijs": Decimal(k), "laatst_bekend_doortrekken": True}
            for k in ("4800.00", "450.00", "2250.75", "5980.00", "3600.00")
        )
    volgende = _rond(tuple(itertools.product(begindata, extra)))

    def besluit() -> object:
        ingangsdatum, invoer = volgende()
        return bereken_eigen_bijdrage(
            grondslag=grondslag,
            gemeente="0085",
            ingangsdatum=ingangsdatum,
            beleid=beleid,
            landelijke_tarieven=landelijk,
            **invoer,
        )

    return besluit


# The advice per kind of onderzoek, printed under its line: how the profiles ranked weigh.
ADVIES_PER_ONDERZOEK: dict[str, Callable[[], Callable[[], object]]] = {
    f"  {naam}": functools.partial(_advies, (o,))
    for naam, o in zip(
        (
            "scenario A, dagbesteding (4 profielen)",
            "individuele begeleiding (8 profielen)",
            "beide aarden (8 + 4 profielen)",
            "plus, keuzes consulent (8 profielen)",
        ),
        ONDERZOEKEN,
        strict=True,
    )
}

DECISIONS: dict[str, Callable[[], Callable[[], object]]] = {
    "indicatie advies (IND-01..12)": _advies,
    "pgb toets (PGB-01..13)": _toets,
    "eigen bijdrage tegemoetkoming (FIN-08)": lambda: _eigen_bijdrage("tegemoetkoming"),
    "eigen bijdrage hulpmiddel (FIN-09, FIN-12)": lambda: _eigen_bijdrage("hulpmiddel"),
}


def per_cpu_second(decide: Callable[[], object], seconds: float) -> float:
    for _ in range(1000):  # every input once, and the tables a service fills on its first calls
        decide()
    count, started = 0, time.process_time()
    while (spent := time.process_time() - started) < seconds:
        for _ in range(100):
            decide()
        count += 100
    return count / spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="CPU seconds per decision")
    args = parser.parse_args()
    print(f"{'decision (one core)':45} {'per CPU-second':>15} {'µs each':>8}")
    for name, make in DECISIONS.items():
        rate = per_cpu_second(make(), args.seconds)
        print(f"{name:45} {rate:>15,.0f} {1e6 / rate:>8.1f}", flush=True)
        if name.startswith("indicatie advies"):
            for deel, maak in ADVIES_PER_ONDERZOEK.items():
                rate = per_cpu_second(maak(), args.seconds / 3)
                print(f"{deel:45} {rate:>15,.0f} {1e6 / rate:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
