"""Terms that pause and stretch, with reasons: opschorting of a beslistermijn while the resident
supplements an aanvraag (Awb 4:15 lid 1) or for the other grounds of 4:15 lid 2 (written
consent, delay caused by the aanvrager, overmacht), the announcement of Awb 4:14 when the
gemeente cannot decide in time, and extending the six-week onderzoek by agreement (INT-01).

Counting: an opschorting runs from the day after the request up to the day the aanvraag is
supplemented (that day runs again) or, when it is not supplemented, through the last day of
the term given for it. The suspended calendar days are added to the counted end; the Atw is
then applied to the new end. A 4:14 announcement does not move a statutory term: the
aanvrager may still send an ingebrekestelling after it (4:17)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum

from wmo_intake.domain.awb.termijn import (
    DAG,
    Aanpassing,
    Aanpassingssoort,
    Awbtermijn,
    Dagtermijn,
    als_awbtermijn,
    eis_reden,
    verschuif,
    weiger,
    weigering,
)
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel


class Opschortingsgrond(StrEnum):
    """Awb 4:15 lid 2 (and 7:14 for a bezwaar)."""

    INSTEMMING_AANVRAGER = "instemming_aanvrager"
    VERTRAGING_AANVRAGER = "vertraging_aanvrager"
    OVERMACHT = "overmacht"


_GROND_IN_WOORDEN = {
    Opschortingsgrond.INSTEMMING_AANVRAGER: "de aanvrager heeft schriftelijk ingestemd met uitstel",
    Opschortingsgrond.VERTRAGING_AANVRAGER: "de vertraging komt door de aanvrager",
    Opschortingsgrond.OVERMACHT: "de gemeente kan door overmacht niet beslissen",
}


def opgeschorte_dagen(
    verzocht_op: dt.date, termijn_verzoek_uiterlijk: dt.date, voldaan_op: dt.date | None
) -> int:
    """Calendar days suspended by a request (4:15 lid 1, 7:10 lid 2): from the day after the
    request up to the day it was met, or through the last day given for it."""
    if termijn_verzoek_uiterlijk < verzocht_op:
        raise ValueError("de termijn voor het verzoek eindigt vóór het verzoek")
    if voldaan_op is None:
        return (termijn_verzoek_uiterlijk - verzocht_op).days
    if voldaan_op < verzocht_op:
        raise ValueError("aangevuld vóór het verzoek om aanvulling")
    if voldaan_op > termijn_verzoek_uiterlijk:
        # Supplemented late: the suspension ended when the given term passed unused.
        return (termijn_verzoek_uiterlijk - verzocht_op).days
    return max((voldaan_op - verzocht_op).days - 1, 0)


def schort_op_bij_verzoek(
    termijn: Dagtermijn,
    *,
    rule: str,
    wat: str,
    verzocht_op: dt.date,
    termijn_verzoek_uiterlijk: dt.date,
    voldaan_op: dt.date | None,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """The shared counting of 4:15 lid 1 and 7:10 lid 2 (``wat``: what was asked, in words)."""
    basis = als_awbtermijn(termijn)
    if verzocht_op > basis.uiterlijk:
        raise weiger(
            rule,
            f"Het verzoek ({datum_nl(verzocht_op)}) kwam na de laatste dag van de termijn "
            f"({datum_nl(basis.uiterlijk)}); een verlopen termijn kan niet worden opgeschort.",
        )
    dagen = opgeschorte_dagen(verzocht_op, termijn_verzoek_uiterlijk, voldaan_op)
    if voldaan_op is None:
        stand = (
            f"Er is (nog) niet op gereageerd; de termijn staat stil tot en met "
            f"{datum_nl(termijn_verzoek_uiterlijk)}, de laatste dag die ervoor is gegeven"
        )
    elif voldaan_op > termijn_verzoek_uiterlijk:
        stand = (
            f"De reactie kwam pas op {datum_nl(voldaan_op)}, na de gegeven termijn; de termijn "
            f"stond stil tot en met {datum_nl(termijn_verzoek_uiterlijk)}"
        )
    else:
        stand = f"De reactie kwam op {datum_nl(voldaan_op)}; vanaf die dag loopt de termijn weer"
    einde = basis.berekend_einde + dagen * DAG
    uitleg = Regel(
        rule,
        f"Op {datum_nl(verzocht_op)} is gevraagd om {wat}. {stand}. De termijn schuift daardoor "
        f"{dagen} dag(en) op, tot {datum_nl(einde)}.",
    )
    aanpassing = Aanpassing(Aanpassingssoort.OPSCHORTING, rule, dagen, uitleg.toelichting)
    return verschuif(basis, aanpassing, uitleg, kalender)


def schort_op_voor_aanvulling(
    termijn: Dagtermijn,
    *,
    verzocht_op: dt.date,
    aanvullen_uiterlijk: dt.date,
    aangevuld_op: dt.date | None = None,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-4:15 lid 1: the beslistermijn stands still while the aanvrager supplements the
    aanvraag (``aangevuld_op`` None: not yet, counted as if the term passes unused)."""
    return schort_op_bij_verzoek(
        termijn,
        rule="AWB-4:15",
        wat="de aanvraag aan te vullen",
        verzocht_op=verzocht_op,
        termijn_verzoek_uiterlijk=aanvullen_uiterlijk,
        voldaan_op=aangevuld_op,
        kalender=kalender,
    )


def schort_op(
    termijn: Dagtermijn,
    *,
    grond: Opschortingsgrond,
    van: dt.date,
    tot_en_met: dt.date,
    reden: str,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-4:15 lid 2: suspend from ``van`` through ``tot_en_met`` on a stated ground; for
    consent that is the period the aanvrager agreed to in writing."""
    reden = eis_reden(reden, "AWB-4:15", "opschorting")
    basis = als_awbtermijn(termijn)
    if tot_en_met < van:
        raise ValueError("de opschorting eindigt vóór zij begint")
    if van > basis.uiterlijk:
        raise weiger(
            "AWB-4:15",
            f"De termijn eindigde al op {datum_nl(basis.uiterlijk)}; een verlopen termijn kan "
            "niet worden opgeschort.",
        )
    dagen = (tot_en_met - van).days + 1
    einde = basis.berekend_einde + dagen * DAG
    uitleg = Regel(
        "AWB-4:15",
        f"De termijn staat stil van {datum_nl(van)} tot en met {datum_nl(tot_en_met)} "
        f"({dagen} dag(en)), omdat {_GROND_IN_WOORDEN[grond]}: {reden} De termijn loopt "
        f"daardoor tot {datum_nl(einde)}.",
    )
    aanpassing = Aanpassing(Aanpassingssoort.OPSCHORTING, "AWB-4:15", dagen, uitleg.toelichting)
    return verschuif(basis, aanpassing, uitleg, kalender)


def meld_vertraging(
    termijn: Dagtermijn, *, mededeling_op: dt.date, verwacht_op: dt.date
) -> Awbtermijn:
    """AWB-4:14: the gemeente tells the aanvrager it cannot decide in time and names a date as
    soon as possible. The statutory ``uiterlijk`` stays; ``verwacht_op`` records the date."""
    basis = als_awbtermijn(termijn)
    if verwacht_op <= basis.uiterlijk:
        raise ValueError("de verwachte datum ligt niet na de laatste dag van de termijn")
    if mededeling_op > basis.uiterlijk:
        raise weiger(
            "AWB-4:14",
            f"Meld een vertraging vóór de termijn afloopt; de laatste dag was "
            f"{datum_nl(basis.uiterlijk)}.",
        )
    regel = Regel(
        "AWB-4:14",
        f"Op {datum_nl(mededeling_op)} heeft de gemeente laten weten dat de beslissing later "
        f"komt, naar verwachting uiterlijk op {datum_nl(verwacht_op)}. De wettelijke termijn "
        f"blijft {datum_nl(basis.uiterlijk)}: daarna kan de aanvrager de gemeente in gebreke "
        "stellen.",
    )
    return replace(basis, verwacht_op=verwacht_op, regels=(*basis.regels, regel))


def verleng_onderzoek(
    termijn: Dagtermijn, *, afgesproken_op: dt.date, tot: dt.date, reden: str
) -> Awbtermijn:
    """INT-01: the six-week onderzoek extended by agreement with the resident, to an agreed
    date, before the six weeks are over."""
    reden = eis_reden(reden, "INT-01", "een langere onderzoekstermijn")
    basis = als_awbtermijn(termijn)
    if tot <= basis.uiterlijk:
        raise ValueError("de nieuwe datum ligt niet na de laatste dag van het onderzoek")
    if afgesproken_op > basis.uiterlijk:
        raise weiger(
            "INT-01",
            f"Spreek een langere onderzoekstermijn af vóór de zes weken voorbij zijn; de laatste "
            f"dag was {datum_nl(basis.uiterlijk)}.",
        )
    dagen = (tot - basis.uiterlijk).days
    regel = Regel(
        "INT-01",
        f"Op {datum_nl(afgesproken_op)} is met de inwoner afgesproken dat het onderzoek langer "
        f"duurt, tot en met {datum_nl(tot)}. Reden: {reden}",
    )
    aanpassing = Aanpassing(Aanpassingssoort.VERLENGING, "INT-01", dagen, regel.toelichting)
    return replace(
        basis,
        berekend_einde=tot,
        uiterlijk=tot,
        regels=(*basis.regels, regel),
        aanpassingen=(*basis.aanpassingen, aanpassing),
    )


def eis_datum(
    veld: str, datum: dt.date | None, *, rule: str, ontvangen: dt.date, vandaag: dt.date
) -> dt.date:
    """A date the step needs (``verplicht``), on or after the day the aanvraag arrived and not
    in the future (``buiten-bereik``)."""
    if datum is None:
        raise weigering(
            "verplicht", "Deze datum is verplicht bij deze grond.", veld=veld, rules=(rule,)
        )
    tussen(veld, datum, ontvangen, vandaag, "De datum ligt vóór de aanvraag of in de toekomst.")
    return datum


def toets_opschorting(
    grond: str,
    *,
    verzocht_op: dt.date | None,
    aanvullen_uiterlijk: dt.date | None,
    aangevuld_op: dt.date | None,
    van: dt.date | None,
    tot_en_met: dt.date | None,
    reden: str | None,
    ontvangen: dt.date,
    vandaag: dt.date,
) -> tuple[str, str]:
    """AWB-4:15: what each ground needs. ``aanvulling`` (lid 1): the day of the request and
    the term given for it; any other ground (lid 2): the period and the reason. Returns the
    kind of step and the field a refusal of the step itself is about."""

    def eis(veld: str, datum: dt.date | None) -> None:
        eis_datum(veld, datum, rule="AWB-4:15", ontvangen=ontvangen, vandaag=vandaag)

    if grond == "aanvulling":
        eis("verzochtOp", verzocht_op)
        if aanvullen_uiterlijk is None:
            raise weigering(
                "verplicht",
                "Noem de termijn voor de aanvulling.",
                veld="aanvullenUiterlijk",
                rules=("AWB-4:15",),
            )
        if aangevuld_op is not None:
            eis("aangevuldOp", aangevuld_op)
        return "aanvulling", "verzochtOp"
    eis("van", van)
    if tot_en_met is None:
        raise weigering(
            "verplicht",
            "Noem tot en met wanneer de termijn stilstaat.",
            veld="totEnMet",
            rules=("AWB-4:15",),
        )
    if not (reden or "").strip():
        raise weigering(
            "verplicht", "Leg vast waarom de termijn stilstaat.", veld="reden", rules=("AWB-4:15",)
        )
    return "opschorting", "van"


def toets_nog_open(beslist_op: dt.date | None) -> None:
    """INT-03 ``al-beslist`` (409): once the beschikking on the aanvraag was sent, its
    beslistermijn no longer changes."""
    if beslist_op is not None:
        raise weigering(
            "al-beslist",
            f"Op deze aanvraag is al beslist (beschikking verzonden op {beslist_op}); de "
            "beslistermijn kan niet meer veranderen.",
            veld=None,
            rules=("INT-03",),
            soort="conflict",
        )


ONDERZOEK_LOOPT = ("melding", "onderzoek", "tijdelijke_voorziening")


def toets_onderzoek_loopt(zaakstatus: str) -> None:
    """INT-01 ``onderzoek-afgerond`` (409): the onderzoekstermijn is extended only while the
    onderzoek runs."""
    if zaakstatus not in ONDERZOEK_LOOPT:
        raise weigering(
            "onderzoek-afgerond",
            f"Het onderzoek is voorbij (status '{zaakstatus}'); de termijn verandert niet meer.",
            veld=None,
            rules=("INT-01",),
            soort="conflict",
        )
