"""``make bench-decisions``: the pure decisions per CPU-second, one core (issue 17.3).

Each decision runs on realistic input (the worked examples of the unit tests: scenario A's
advice, scenario C's pgb plan, scenario B's tegemoetkoming and a hulpmiddel's eigen bijdrage)
for a few seconds of process time; the figure is decisions per CPU-second of this process, so a
busy machine lowers the wall-clock rate but not the figure. Prints only; no test asserts it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal

from tests.pgb.unit.voorbeelden import plan
from wmo_finance.domain.eigen_bijdrage_berekening import bereken_eigen_bijdrage
from wmo_finance.domain.policy import finance_beleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_indicatie.domain.advies import Onderzoeksgegevens, adviseer
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.levensdomeinen import Levensdomein, LevensdomeinScore
from wmo_indicatie.domain.omvang import Netwerk
from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied
from wmo_pgb.domain.toets import toets
from wmo_shared.policy import PolicyRegistry, cak_abonnementstarieven

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG


def _advies() -> Callable[[], object]:
    policy = PolicyRegistry.load().section("0085", dt.date(2024, 1, 1), SECTION, IndicatiePolicy)
    gegevens = Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(Levensdomein.PSYCHISCH_FUNCTIONEREN, 3),
            LevensdomeinScore(Levensdomein.DAGBESTEDING, 3),
            LevensdomeinScore(Levensdomein.SOCIAAL_FUNCTIONEREN, 2),
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
        resultaatgebieden=frozenset({Resultaatgebied.DAGSTRUCTUUR}),
        netwerk=Netwerk.ONDERSTEUNEND,
    )
    begin = dt.date(2024, 3, 1)
    return lambda: adviseer(gegevens, begin, policy)


def _toets() -> Callable[[], object]:
    scenario_c = plan()
    return lambda: toets(scenario_c, maatwerkvoorziening_vastgesteld=True)


def _eigen_bijdrage(grondslag: str) -> Callable[[], object]:
    beleid = finance_beleid(PolicyRegistry.load(), "0085", dt.date(2024, 1, 1))
    landelijk = cak_abonnementstarieven()
    extra: dict[str, object] = (
        {"voorziening": VoorzieningSoort.aanbouw, "toegekend_bedrag": Decimal("14250.00")}
        if grondslag == "tegemoetkoming"
        else {"kostprijs": Decimal("4800.00"), "laatst_bekend_doortrekken": True}
    )
    return lambda: bereken_eigen_bijdrage(
        grondslag=grondslag,
        gemeente="0085",
        ingangsdatum=dt.date(2024, 4, 1),
        beleid=beleid,
        landelijke_tarieven=landelijk,
        **extra,
    )


DECISIONS: dict[str, Callable[[], Callable[[], object]]] = {
    "indicatie advies (IND-01..12)": _advies,
    "pgb toets (PGB-03..10)": _toets,
    "eigen bijdrage tegemoetkoming (FIN-08)": lambda: _eigen_bijdrage("tegemoetkoming"),
    "eigen bijdrage hulpmiddel (FIN-09)": lambda: _eigen_bijdrage("hulpmiddel"),
}


def per_cpu_second(decide: Callable[[], object], seconds: float) -> float:
    decide()  # warm caches (policy parsing happens once per process in the services too)
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
    print(f"{'decision':45} {'per CPU-second':>15}")
    for name, make in DECISIONS.items():
        print(f"{name:45} {per_cpu_second(make(), args.seconds):>15,.0f}", flush=True)


if __name__ == "__main__":
    main()
