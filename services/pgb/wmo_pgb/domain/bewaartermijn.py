"""What pgb lists for destruction (issue 14.5, AVG-5.1e) and from which day the bewaartermijn
runs. A pgb-plan goes with everything hanging from it (toetsingen, besluit, budget and its
versions, spending checks, SVB records); a pgb-verzoek without a plan goes on its own."""

from __future__ import annotations

from wmo_shared.bewaartermijn import Soort

PGB_PLAN = Soort(
    naam="pgb-plan",
    einde="het einde van het budget (de einddatum van de huidige versie, of de intrekking als "
    "die eerder is), of de laatste beslissing, wijziging of bestedingscontrole als die later is",
    omvat=(
        "pgb-plannen",
        "toetsingen",
        "besluiten",
        "pgb-verzoeken bij het plan",
        "budgetten met hun versies en intrekking",
        "bestedingscontroles en signaleringen",
        "SVB-toekenningen en regels van budgetafsluitingen",
    ),
)
PGB_VERZOEK = Soort(
    naam="pgb-verzoek",
    einde="de dag waarop op het verzoek werd beslist (afgewezen, zonder pgb-plan)",
    omvat=("pgb-verzoeken",),
)
SOORTEN = {s.naam: s for s in (PGB_PLAN, PGB_VERZOEK)}
