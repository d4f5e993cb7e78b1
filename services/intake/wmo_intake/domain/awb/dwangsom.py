"""Dwangsom bij niet tijdig beslissen (Awb 4:17, 4:18) on an aanvraag or a bezwaar.

After the beslistermijn passed, the aanvrager sends a written ingebrekestelling. The gemeente
then has two weeks (a statutory term: the Atw applies to it); from the day after, the dwangsom
runs for every day until the decision: €23 a day for the first 14 days, €35 for the next 14,
€45 for the rest, at most 42 days (€1,442); the Atw does not apply to those 42 days (4:17 lid
1). The day the decision is taken is not counted. The gemeente sets the amount within two weeks
after the last day it was owed (4:18). No dwangsom when 4:17 lid 6 applies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_intake.domain.awb.termijn import DAG, eis_reden
from wmo_intake.domain.werkdagen import (
    STANDAARDKALENDER,
    Werkdagkalender,
    datum_nl,
    pas_termijnenwet_toe,
)
from wmo_shared.regels import Regel

SCHIJVEN: tuple[tuple[int, Decimal], ...] = (
    (14, Decimal("23")),
    (14, Decimal("35")),
    (14, Decimal("45")),
)
MAXIMUM_DAGEN = sum(d for d, _ in SCHIJVEN)
MAXIMUM_BEDRAG = sum((d * b for d, b in SCHIJVEN), Decimal(0))


class Dwangsomuitsluiting(StrEnum):
    """Awb 4:17 lid 6."""

    ONREDELIJK_LAAT_IN_GEBREKE_GESTELD = "onredelijk_laat_in_gebreke_gesteld"
    GEEN_BELANGHEBBENDE = "geen_belanghebbende"
    KENNELIJK_NIET_ONTVANKELIJK_OF_ONGEGROND = "kennelijk_niet_ontvankelijk_of_ongegrond"


_UITSLUITING_IN_WOORDEN = {
    Dwangsomuitsluiting.ONREDELIJK_LAAT_IN_GEBREKE_GESTELD: (
        "de gemeente is onredelijk laat in gebreke gesteld"
    ),
    Dwangsomuitsluiting.GEEN_BELANGHEBBENDE: "de aanvrager is geen belanghebbende",
    Dwangsomuitsluiting.KENNELIJK_NIET_ONTVANKELIJK_OF_ONGEGROND: (
        "de aanvraag is duidelijk niet-ontvankelijk of ongegrond"
    ),
}


@dataclass(frozen=True, slots=True)
class Dwangsom:
    """The dwangsom on the peildatum. ``eerste_dag`` is the first day it runs (also when that
    lies after the peildatum); ``definitief`` once the decision came or the maximum was hit."""

    verschuldigd: bool
    eerste_dag: dt.date | None
    dagen: int
    bedrag: Decimal
    maximum_bereikt: bool
    definitief: bool
    vaststellen_uiterlijk: dt.date | None
    regels: tuple[Regel, ...]


def bedrag_voor_dagen(dagen: int) -> Decimal:
    """The sum of the daily amounts of 4:17 lid 2 for ``dagen`` days (at most 42 count)."""
    rest = max(0, min(dagen, MAXIMUM_DAGEN))
    totaal = Decimal(0)
    for schijf, per_dag in SCHIJVEN:
        deel = min(rest, schijf)
        totaal += deel * per_dag
        rest -= deel
    return totaal


def _euro(bedrag: Decimal) -> str:
    return f"€ {bedrag:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def dwangsom(
    *,
    beslistermijn_uiterlijk: dt.date,
    ingebrekestelling_ontvangen: dt.date,
    peildatum: dt.date,
    beslist_op: dt.date | None = None,
    uitsluiting: Dwangsomuitsluiting | None = None,
    reden_uitsluiting: str | None = None,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Dwangsom:
    """AWB-4:17 / AWB-4:18: the dwangsom owed on the peildatum."""
    ontvangen = ingebrekestelling_ontvangen
    if ontvangen <= beslistermijn_uiterlijk:
        regel = Regel(
            "AWB-4:17",
            f"De ingebrekestelling kwam binnen op {datum_nl(ontvangen)}, maar de beslistermijn "
            f"liep nog tot en met {datum_nl(beslistermijn_uiterlijk)}. Een ingebrekestelling "
            "telt pas na afloop van de termijn; de aanvrager kan dan opnieuw een sturen.",
        )
        return Dwangsom(False, None, 0, Decimal(0), False, True, None, (regel,))
    if uitsluiting is not None:
        reden = eis_reden(reden_uitsluiting, "AWB-4:17", "geen dwangsom")
        regel = Regel(
            "AWB-4:17",
            f"Er is geen dwangsom verschuldigd, omdat {_UITSLUITING_IN_WOORDEN[uitsluiting]}. "
            f"Reden: {reden}",
        )
        return Dwangsom(False, None, 0, Decimal(0), False, True, None, (regel,))
    twee_weken = pas_termijnenwet_toe(ontvangen, ontvangen + 14 * DAG, kalender)
    eerste_dag = twee_weken.einde + DAG
    regels = [
        Regel(
            "AWB-4:17",
            f"De beslistermijn eindigde op {datum_nl(beslistermijn_uiterlijk)}. De "
            f"ingebrekestelling kwam binnen op {datum_nl(ontvangen)}. De gemeente heeft daarna "
            f"nog twee weken, tot en met {datum_nl(twee_weken.einde)}.",
        ),
        *(Regel("AWB-4:17", t) for t in twee_weken.toelichtingen),
    ]
    if beslist_op is not None and beslist_op < eerste_dag:
        regels.append(
            Regel(
                "AWB-4:17",
                f"De gemeente besliste op {datum_nl(beslist_op)}, binnen die twee weken. Er is "
                "geen dwangsom verschuldigd.",
            )
        )
        return Dwangsom(False, eerste_dag, 0, Decimal(0), False, True, None, tuple(regels))
    laatste_mogelijke = eerste_dag + (MAXIMUM_DAGEN - 1) * DAG
    einde = peildatum if beslist_op is None else min(peildatum, beslist_op - DAG)
    einde = min(einde, laatste_mogelijke)
    dagen = max(0, (einde - eerste_dag).days + 1)
    bedrag = bedrag_voor_dagen(dagen)
    maximum = dagen == MAXIMUM_DAGEN
    definitief = maximum or (beslist_op is not None and beslist_op <= peildatum)
    tekst = (
        f"De dwangsom loopt vanaf {datum_nl(eerste_dag)}: de eerste 14 dagen € 23 per dag, de "
        "volgende 14 dagen € 35 en daarna € 45, voor hoogstens 42 dagen (€ 1.442). "
    )
    if dagen == 0:
        tekst += f"Op {datum_nl(peildatum)} is nog niets verschuldigd."
    else:
        tekst += f"Tot en met {datum_nl(einde)} zijn dat {dagen} dag(en): {_euro(bedrag)}."
    if maximum:
        tekst += " Het maximum is bereikt."
    regels.append(Regel("AWB-4:17", tekst))
    vaststellen: dt.date | None = None
    if definitief and dagen > 0:
        vaststellen = pas_termijnenwet_toe(einde, einde + 14 * DAG, kalender).einde
        regels.append(
            Regel(
                "AWB-4:18",
                "De gemeente stelt vast dat de dwangsom verschuldigd is en hoe hoog die is, "
                f"uiterlijk op {datum_nl(vaststellen)}: binnen twee weken na de laatste dag.",
            )
        )
    return Dwangsom(
        True, eerste_dag, dagen, bedrag, maximum, definitief, vaststellen, tuple(regels)
    )
