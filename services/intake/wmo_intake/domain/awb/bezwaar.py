"""The beslistermijn on a bezwaar (Awb 7:10): six weeks after the bezwaartermijn ended, twelve
with an adviescommissie (7:13); opgeschort while the indiener repairs a verzuim (7:10 lid 2);
verdaagd by at most six weeks with written notice (7:10 lid 3 and 5); further only on the
grounds of 7:10 lid 4. A delay caused by the indiener or overmacht suspends the term through
7:14 and 4:15 lid 2 (``aanpassingen.schort_op``). The Atw applies as elsewhere.

Choice where the law leaves room: a bezwaarschrift that arrives after the bezwaartermijn (late
but excusable, or posted in time) is counted from the day after it arrived, so the gemeente
never has less than the full term to decide."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum

from wmo_intake.domain.awb.aanpassingen import schort_op_bij_verzoek
from wmo_intake.domain.awb.termijn import (
    Aanpassing,
    Aanpassingssoort,
    Awbtermijn,
    eis_reden,
    tel_termijn,
    verdaag,
    weiger,
)
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel

MAXIMALE_VERDAGING_WEKEN = 6


class Uitstelgrond(StrEnum):
    """Awb 7:10 lid 4: further delay after the verdaging."""

    ALLE_BELANGHEBBENDEN_STEMMEN_IN = "alle_belanghebbenden_stemmen_in"
    INDIENER_STEMT_IN = "indiener_stemt_in"
    PROCEDUREVOORSCHRIFTEN = "procedurevoorschriften"


_UITSTELGROND_IN_WOORDEN = {
    Uitstelgrond.ALLE_BELANGHEBBENDEN_STEMMEN_IN: "alle belanghebbenden stemmen ermee in",
    Uitstelgrond.INDIENER_STEMT_IN: (
        "de indiener stemt ermee in en niemand anders wordt erdoor benadeeld"
    ),
    Uitstelgrond.PROCEDUREVOORSCHRIFTEN: "het is nodig om wettelijke procedureregels te volgen",
}


def beslistermijn_bezwaar(
    beschikking_verzonden: dt.date,
    *,
    bezwaar_ontvangen: dt.date,
    adviescommissie: bool = False,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-7:10 (and 7:13): the last day to decide on the bezwaar."""
    einde_bezwaartermijn = bezwaartermijn(beschikking_verzonden, kalender=kalender).uiterlijk
    weken = 12 if adviescommissie else 6
    if bezwaar_ontvangen > einde_bezwaartermijn:
        aanvang = bezwaar_ontvangen
        vanaf = (
            f"Het bezwaarschrift kwam pas op {datum_nl(bezwaar_ontvangen)} binnen, na de "
            f"bezwaartermijn ({datum_nl(einde_bezwaartermijn)}). De beslistermijn telt daarom "
            "vanaf de dag na ontvangst"
        )
    else:
        aanvang = einde_bezwaartermijn
        vanaf = (
            f"De bezwaartermijn eindigde op {datum_nl(einde_bezwaartermijn)}. De beslistermijn "
            "telt vanaf de dag daarna"
        )
    termijn = tel_termijn(
        "AWB-7:10",
        aanvang,
        7 * weken,
        f"{vanaf}: de gemeente beslist binnen {weken} weken, dus uiterlijk op {{einde}}.",
        kalender,
    )
    if adviescommissie:
        commissie = Regel(
            "AWB-7:13",
            "Een onafhankelijke bezwaarcommissie adviseert over het bezwaar. Daarom is de "
            "beslistermijn twaalf weken in plaats van zes.",
        )
        termijn = replace(termijn, regels=(commissie, *termijn.regels))
    return termijn


def schort_op_voor_herstel(
    termijn: Awbtermijn,
    *,
    verzocht_op: dt.date,
    herstellen_uiterlijk: dt.date,
    hersteld_op: dt.date | None = None,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-7:10 lid 2: the beslistermijn stands still while the indiener repairs a verzuim."""
    return schort_op_bij_verzoek(
        termijn,
        rule="AWB-7:10",
        wat="het bezwaarschrift aan te vullen (herstel verzuim)",
        verzocht_op=verzocht_op,
        termijn_verzoek_uiterlijk=herstellen_uiterlijk,
        voldaan_op=hersteld_op,
        kalender=kalender,
    )


def verdaag_bezwaar(
    termijn: Awbtermijn,
    *,
    mededeling_op: dt.date,
    weken: int = MAXIMALE_VERDAGING_WEKEN,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-7:10 lid 3 and 5: postpone the decision by at most six weeks in all, with written
    notice to the belanghebbenden before the term ends. Longer only on the grounds of lid 4
    (``verder_uitstel_bezwaar``)."""
    return verdaag(
        termijn,
        rule="AWB-7:10",
        maximaal_weken=MAXIMALE_VERDAGING_WEKEN,
        weken=weken,
        mededeling_op=mededeling_op,
        wie_gehoord="de indiener (en iedere andere belanghebbende)",
        kalender=kalender,
    )


def verder_uitstel_bezwaar(
    termijn: Awbtermijn,
    *,
    grond: Uitstelgrond,
    tot: dt.date,
    mededeling_op: dt.date,
    reden: str,
    andere_belanghebbenden_benadeeld: bool = False,
) -> Awbtermijn:
    """AWB-7:10 lid 4 and 5: further delay to an agreed date, on one of the grounds of the law,
    with written notice. The agreed date is kept as it is."""
    reden = eis_reden(reden, "AWB-7:10", "verder uitstel")
    if grond is Uitstelgrond.INDIENER_STEMT_IN and andere_belanghebbenden_benadeeld:
        raise weiger(
            "AWB-7:10",
            "De indiener stemt in, maar andere belanghebbenden kunnen door het uitstel worden "
            "benadeeld. Dan is ook hun instemming nodig.",
        )
    if tot <= termijn.uiterlijk:
        raise ValueError("de nieuwe datum ligt niet na de laatste dag van de termijn")
    if mededeling_op > termijn.uiterlijk:
        raise weiger(
            "AWB-7:10",
            f"Leg verder uitstel vast vóór de beslistermijn afloopt; de laatste dag was "
            f"{datum_nl(termijn.uiterlijk)}.",
        )
    dagen = (tot - termijn.uiterlijk).days
    regel = Regel(
        "AWB-7:10",
        f"Verder uitstel tot en met {datum_nl(tot)}, omdat "
        f"{_UITSTELGROND_IN_WOORDEN[grond]}. Reden: {reden} Belanghebbenden zijn hierover op "
        f"{datum_nl(mededeling_op)} schriftelijk geïnformeerd.",
    )
    aanpassing = Aanpassing(Aanpassingssoort.VERDER_UITSTEL, "AWB-7:10", dagen, regel.toelichting)
    return replace(
        termijn,
        berekend_einde=tot,
        uiterlijk=tot,
        regels=(*termijn.regels, regel),
        aanpassingen=(*termijn.aanpassingen, aanpassing),
    )
