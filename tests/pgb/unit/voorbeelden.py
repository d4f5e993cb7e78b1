"""Example plans for the pgb unit tests. The base plan is scenario C (Anna Bakker, Vlissingen,
2015): her son manages the pgb, an alfahulp without KvK or diplomas cleans 3 hours a week."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

from wmo_pgb.domain.plan import Omvang, PgbPlan, Pgbvaardigheid
from wmo_pgb.domain.policy import PgbBeleid, pgb_beleid
from wmo_pgb.domain.toets import Bevinding, Toetsresultaat, Uitkomst, Voorwaardenaam
from wmo_shared.policy import default_registry

VLISSINGEN = "0718"
OOSTSTELLINGWERF = "0085"

ALLE_VAARDIGHEDEN = {v.value: True for v in Pgbvaardigheid}

SCENARIO_C: dict[str, Any] = {
    "maatwerkvoorziening": {
        "product": "alfahulp",
        "productcode": "HH50",
        "omvang": {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"},
    },
    "gevraagde_omvang": {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"},
    "keuze": {
        "reden": "Ik wil de hulp die al jaren bij mijn buurvrouw schoonmaakt.",
        "geinformeerd_over_administratie": True,
        "geinformeerd_over_werkgeverschap": True,
        "geinformeerd_over_zin": True,
    },
    "beheerder": {
        "rol": "netwerklid",
        "naam": "Peter Bakker",
        "relatie_tot_inwoner": "zoon",
        "vaardigheden": ALLE_VAARDIGHEDEN,
        "heeft_tijd_en_ruimte": True,
        "relatie_met_zorgverlener": "geen",
        "beheerkosten": "kosteloos",
    },
    "risicosituaties": {
        "cognitieve_beperking": False,
        "laaggeletterd": False,
        "problematische_schulden": False,
        "schuldhulp": "geen",
    },
    "zorgverlener": {
        "soort": "overig",
        "naam": "alfahulp",
        "relatie_tot_inwoner": "hulp van de buurvrouw",
    },
    "contractvorm": "overeenkomst_van_opdracht",
    "doelen": ["een schoon en leefbaar huis"],
    "bijdrage_aan_doelen": "Anna kan door artrose in beide handen niet meer schoonmaken.",
    "kwaliteitswaarborg": "De hulp werkt al jaren naar tevredenheid bij de buurvrouw.",
    "ernstige_problematiek": False,
}


def plan(
    *,
    keuze: dict[str, Any] | None = None,
    beheerder: dict[str, Any] | None = None,
    risicosituaties: dict[str, Any] | None = None,
    zorgverlener: dict[str, Any] | None = None,
    **velden: Any,
) -> PgbPlan:
    """Scenario C with some answers changed; the result is validated like API input."""
    data = copy.deepcopy(SCENARIO_C)
    for naam, wijziging in (
        ("keuze", keuze),
        ("beheerder", beheerder),
        ("risicosituaties", risicosituaties),
        ("zorgverlener", zorgverlener),
    ):
        if wijziging:
            data[naam].update(wijziging)
    data.update(velden)
    return PgbPlan.model_validate(data)


def omvang(hoeveelheid: str, eenheid: str = "uur", frequentie: str = "per_week") -> Omvang:
    return Omvang.model_validate(
        {"hoeveelheid": Decimal(hoeveelheid), "eenheid": eenheid, "frequentie": frequentie}
    )


def beleid(gemeente: str, peildatum: dt.date) -> PgbBeleid:
    return pgb_beleid(default_registry(), gemeente, peildatum)


def walcheren() -> PgbBeleid:
    return beleid(VLISSINGEN, dt.date(2015, 3, 1))


def ooststellingwerf() -> PgbBeleid:
    return beleid(OOSTSTELLINGWERF, dt.date(2026, 3, 16))


def bevindingen(
    resultaat: Toetsresultaat, voorwaarde: Voorwaardenaam, rule: str
) -> list[Bevinding]:
    (gevonden,) = [v for v in resultaat.voorwaarden if v.naam is voorwaarde]
    return [b for b in gevonden.bevindingen if b.regel.rule == rule]


def uitkomsten(resultaat: Toetsresultaat, voorwaarde: Voorwaardenaam, rule: str) -> set[Uitkomst]:
    return {b.uitkomst for b in bevindingen(resultaat, voorwaarde, rule)}
