"""A provider's verzoek om toewijzing (WMO315) or om wijziging (WMO317) and the gemeente's answer
(iWmo 3.2): the terms and which answer may follow which.

Terms (iWmo 3.2 berichtenverkeer; not in the rule catalogue, which has no iWmo rules): the
retour (WMO316/318) goes back within **3 werkdagen** after receipt (IWMO-RETOUR; intake sends
it in the same call), and the verzoek is answered within **5 werkdagen** after receipt
(IWMO-ANTWOORD) with a WMO301 (honoured) or a WMO319 (refused, or "aanvraag in onderzoek").
An answer "in onderzoek" meets the answer term; the toewijzing or refusal follows later and
ends the verzoek. Werkdagen are Monday to Friday except the feestdagen of the Algemene
termijnenwet (``werkdagen.STANDAARDKALENDER``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

Verzoeksoort = Literal["WMO315", "WMO317"]
Verzoekstatus = Literal["open", "in-onderzoek", "toegekend", "afgewezen"]
Antwoordsoort = Literal["in-onderzoek", "toegekend", "afgewezen"]
VERZOEKSTATUSSEN: tuple[Verzoekstatus, ...] = ("open", "in-onderzoek", "toegekend", "afgewezen")
RETOUR_WERKDAGEN = 3
ANTWOORD_WERKDAGEN = 5
REDEN_WIJZIGING_AANBIEDER = "12"  # LDT_RedenWijziging: geinitieerd door de aanbieder


@dataclass(frozen=True, slots=True)
class Verzoektermijn:
    rule: str
    ontvangen: dt.date
    uiterlijk: dt.date
    regel: Regel


def retourtermijn(
    ontvangen: dt.date, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Verzoektermijn:
    uiterlijk = kalender.plus_werkdagen(ontvangen, RETOUR_WERKDAGEN)
    return Verzoektermijn(
        "IWMO-RETOUR",
        ontvangen,
        uiterlijk,
        Regel(
            "IWMO-RETOUR",
            f"Het verzoek is ontvangen op {datum_nl(ontvangen)}; de retour gaat binnen drie "
            f"werkdagen terug, uiterlijk op {datum_nl(uiterlijk)}. Weekenden en feestdagen "
            "tellen niet mee.",
        ),
    )


def antwoordtermijn(
    ontvangen: dt.date, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Verzoektermijn:
    uiterlijk = kalender.plus_werkdagen(ontvangen, ANTWOORD_WERKDAGEN)
    return Verzoektermijn(
        "IWMO-ANTWOORD",
        ontvangen,
        uiterlijk,
        Regel(
            "IWMO-ANTWOORD",
            f"Het verzoek is ontvangen op {datum_nl(ontvangen)}; de gemeente beantwoordt het "
            f"binnen vijf werkdagen met een toewijzing (WMO301) of een antwoordbericht "
            f"(WMO319), uiterlijk op {datum_nl(uiterlijk)}. Weekenden en feestdagen tellen "
            "niet mee.",
        ),
    )


def toets_antwoord(
    status: Verzoekstatus, antwoord: Antwoordsoort, reden_afwijzing: str | None
) -> None:
    """Which answer may follow (a verzoek its retour refused is not kept, so never answered):
    after "in onderzoek" only the toewijzing or the refusal; a refusal names its reason (and
    only a refusal does)."""
    if status in ("toegekend", "afgewezen"):
        raise Weigering("verzoek-beantwoord", f"Dit verzoek is al {status}.", soort="conflict")
    if status == "in-onderzoek" and antwoord == "in-onderzoek":
        raise Weigering(
            "verzoek-in-onderzoek",
            "Dit verzoek is al in onderzoek; het antwoord is nu de toewijzing of de afwijzing.",
            soort="conflict",
        )
    if (antwoord == "afgewezen") != (reden_afwijzing is not None):
        raise Weigering(
            "reden-afwijzing",
            "Een afwijzing noemt een reden uit de iWmo-codelijst RedenAfwijzingVerzoek "
            "(1-9); een ander antwoord niet.",
            veld="redenAfwijzing",
        )


def op_tijd(beantwoord: dt.date, termijn: Verzoektermijn) -> bool:
    return beantwoord <= termijn.uiterlijk


def toets_wijziging(
    toewijzingnummer: int,
    begindatum: dt.date,
    einddatum: dt.date | None,
    omvang: dict[str, object] | None,
    beschikt_tot: dt.date | None,
    beschikte_omvang: dict[str, object] | None,
) -> None:
    """A change of a toewijzing honoured from a WMO317 stays within the beschikking it rests on
    (AAN-01: the opdracht carries the beschikte einddatum and omvang); more needs a new
    beschikking, so the verzoek is refused with reason 1 (geen wijziging, maar nieuwe
    aanvraag)."""
    if einddatum is not None and einddatum < begindatum:
        raise Weigering(
            "einddatum-voor-begindatum",
            f"Toewijzing {toewijzingnummer}: de einddatum {datum_nl(einddatum)} ligt voor de "
            f"ingangsdatum {datum_nl(begindatum)}.",
            veld="antwoord",
        )
    if beschikt_tot is not None and (einddatum is None or einddatum > beschikt_tot):
        raise Weigering(
            "buiten-beschikking",
            f"Toewijzing {toewijzingnummer}: de beschikking loopt tot {datum_nl(beschikt_tot)}; "
            "een latere einddatum vraagt een nieuwe beschikking (wijs af met reden 1).",
            veld="antwoord",
            regels=(Regel("AAN-01", "De opdracht volgt de beschikte einddatum en omvang."),),
        )
    if omvang is None or beschikte_omvang is None or omvang == beschikte_omvang:
        return
    zelfde_maat = all(omvang.get(k) == beschikte_omvang.get(k) for k in ("eenheid", "frequentie"))
    volume, beschikt = omvang.get("volume"), beschikte_omvang.get("volume")
    if not (zelfde_maat and isinstance(volume, int) and isinstance(beschikt, int)) or (
        volume > beschikt
    ):
        raise Weigering(
            "buiten-beschikking",
            f"Toewijzing {toewijzingnummer}: de gevraagde omvang gaat buiten de beschikte omvang; "
            "dat vraagt een nieuwe beschikking (wijs af met reden 1).",
            veld="antwoord",
            regels=(Regel("AAN-01", "De opdracht volgt de beschikte einddatum en omvang."),),
        )


def wmo301_ongeldig(reden: str) -> Weigering:
    """IWMO-ANTWOORD: an honoured verzoek is answered with a WMO301 valid against its XSD, or
    nothing is written (``wmo301-ongeldig``)."""
    tekst = f"De toewijzing vormt geen geldig WMO301-bericht: {reden}"
    return Weigering("wmo301-ongeldig", tekst, regels=[Regel("IWMO-ANTWOORD", tekst)])


def toets_aantal_opdrachten(gegeven: int, verwacht: int) -> None:
    """IWMO-ANTWOORD: an honoured verzoek starts one opdracht per requested or new product
    (``aantal-opdrachten`` on ``opdrachten``)."""
    if gegeven != verwacht:
        reden = (
            f"Dit antwoord vraagt {verwacht} opdracht(en): één per aangevraagd of nieuw "
            "product dat wordt toegekend."
        )
        raise Weigering(
            "aantal-opdrachten", reden, veld="opdrachten", regels=[Regel("IWMO-ANTWOORD", reden)]
        )


def toets_opdracht_bij_verzoek(
    i: int, agb: str | None, verzoek_agb: str, bsn: str | None, verzoek_bsn: str | None
) -> None:
    """IWMO-ANTWOORD: the opdrachten answer the verzoek of its provider (``andere-aanbieder``)
    for its client (``andere-client``). ``bsn`` None: not known yet."""
    if agb not in (None, verzoek_agb):
        reden = "Het verzoek komt van een andere aanbieder."
        raise Weigering(
            "andere-aanbieder",
            reden,
            veld=f"opdrachten[{i}].aanbiederAgb",
            regels=[Regel("IWMO-ANTWOORD", reden)],
        )
    if bsn is not None and bsn != verzoek_bsn:
        reden = "De maatwerkvoorziening is van een andere cliënt dan het verzoek."
        raise Weigering(
            "andere-client",
            reden,
            veld=f"opdrachten[{i}].maatwerkvoorzieningId",
            regels=[Regel("IWMO-ANTWOORD", reden)],
        )
