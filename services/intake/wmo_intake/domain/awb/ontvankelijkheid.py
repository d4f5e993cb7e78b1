"""Is a bezwaarschrift ontvankelijk? The bezwaartermijn (Awb 6:7, 6:8) with the Atw as the
intake counts it (INT-04), posted in time (6:9 lid 2), too early (6:10), verschoonbaar too late
(6:11: the case worker's judgement with a reason), and the requirements of 6:5 with a herstel
term (6:6). The outcome is ontvankelijk, niet-ontvankelijk or herstel nodig, with the reasons.

Choices where the law leaves room: the week of 6:9 lid 2 is counted as seven calendar days
after the last day of the bezwaartermijn without the Atw (it is no term for an act of the
indiener); a verzuim repaired after the herstel term but before the decision counts as
repaired (the caller passes what is still missing on the peildatum)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wmo_intake.domain.awb.termijn import DAG, Awbtermijn, eis_reden, tel_termijn
from wmo_intake.domain.termijnen import Termijn, bezwaartermijn
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel

POSTWEEK = 7 * DAG
STANDAARD_HERSTELTERMIJN_DAGEN = 14


class Ontvankelijkheidsuitkomst(StrEnum):
    ONTVANKELIJK = "ontvankelijk"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"
    HERSTEL_NODIG = "herstel_nodig"


class Vereiste(StrEnum):
    """What a bezwaarschrift holds (Awb 6:5 lid 1)."""

    NAAM = "naam"
    ADRES = "adres"
    DAGTEKENING = "dagtekening"
    BESLUIT = "besluit"
    GRONDEN = "gronden"
    ONDERTEKENING = "ondertekening"


VEREISTE_IN_WOORDEN: dict[Vereiste, str] = {
    Vereiste.NAAM: "de naam van de indiener",
    Vereiste.ADRES: "het adres van de indiener",
    Vereiste.DAGTEKENING: "de datum van het bezwaarschrift",
    Vereiste.BESLUIT: "welk besluit het bezwaar betreft",
    Vereiste.GRONDEN: "waarom de indiener het niet eens is met het besluit (de gronden)",
    Vereiste.ONDERTEKENING: "de handtekening",
}


@dataclass(frozen=True, slots=True)
class Bezwaarschrift:
    """``ontbrekend``: what of 6:5 is still missing on the peildatum."""

    ontvangen: dt.date
    ter_post_bezorgd: dt.date | None = None
    ontbrekend: frozenset[Vereiste] = frozenset()


@dataclass(frozen=True, slots=True)
class Herstelverzoek:
    """The indiener was asked (6:6) on ``verzonden`` to repair the verzuim by ``uiterlijk``."""

    verzonden: dt.date
    uiterlijk: dt.date


@dataclass(frozen=True, slots=True)
class Ontvankelijkheid:
    uitkomst: Ontvankelijkheidsuitkomst
    tijdig: bool
    bezwaartermijn: Termijn
    ontbrekend: tuple[Vereiste, ...]
    herstel_uiterlijk: dt.date | None
    regels: tuple[Regel, ...]


def hersteltermijn(
    verzoek_verzonden: dt.date,
    *,
    dagen: int = STANDAARD_HERSTELTERMIJN_DAGEN,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Awbtermijn:
    """AWB-6:6: the term the gemeente gives to repair a verzuim (two weeks unless chosen
    otherwise), ending on a werkdag."""
    if dagen < 1:
        raise ValueError("een hersteltermijn duurt minstens één dag")
    return tel_termijn(
        "AWB-6:6",
        verzoek_verzonden,
        dagen,
        f"Het verzoek om het bezwaarschrift aan te vullen is verstuurd op "
        f"{datum_nl(verzoek_verzonden)}; de indiener kan dat doen tot en met {{einde}}.",
        kalender,
    )


def _termijnregels(
    bezwaar: Bezwaarschrift,
    termijn: Termijn,
    verzonden: dt.date,
    besluit_genomen: dt.date,
    verschoonbaar: str | None,
) -> tuple[bool, list[Regel]]:
    """Whether the bezwaar counts as in time, and why (6:7–6:11)."""
    eerste_dag = verzonden + DAG
    regels = [
        Regel(
            "AWB-6:8",
            f"De beschikking is verzonden op {datum_nl(verzonden)}. De bezwaartermijn begint de "
            f"dag erna, op {datum_nl(eerste_dag)}.",
        ),
        Regel(
            "AWB-6:7",
            f"De bezwaartermijn is zes weken. De laatste dag is {datum_nl(termijn.uiterlijk)}.",
        ),
    ]
    ontvangen = bezwaar.ontvangen
    if ontvangen < eerste_dag:
        if ontvangen < besluit_genomen:
            regels.append(
                Regel(
                    "AWB-6:10",
                    f"Het bezwaarschrift kwam binnen op {datum_nl(ontvangen)}, voordat het "
                    f"besluit was genomen ({datum_nl(besluit_genomen)}). Er was nog geen besluit "
                    "om bezwaar tegen te maken.",
                )
            )
            return False, regels
        regels.append(
            Regel(
                "AWB-6:10",
                f"Het bezwaarschrift kwam binnen op {datum_nl(ontvangen)}, vóór de termijn "
                "begon. Het besluit was toen al genomen, dus het bezwaar is op tijd.",
            )
        )
        return True, regels
    if ontvangen <= termijn.uiterlijk:
        regels.append(
            Regel(
                "AWB-6:9",
                f"Het bezwaarschrift kwam binnen op {datum_nl(ontvangen)}: binnen de termijn.",
            )
        )
        return True, regels
    post = bezwaar.ter_post_bezorgd
    if post is not None and post <= termijn.uiterlijk and ontvangen <= termijn.uiterlijk + POSTWEEK:
        regels.append(
            Regel(
                "AWB-6:9",
                f"Het bezwaarschrift is op {datum_nl(post)} op de post gedaan, binnen de "
                f"termijn, en kwam binnen op {datum_nl(ontvangen)}: niet later dan een week na "
                "de termijn. Het is dus op tijd.",
            )
        )
        return True, regels
    te_laat = (ontvangen - termijn.uiterlijk).days
    if post is not None and post <= termijn.uiterlijk:
        waarom = (
            f"Het is op tijd op de post gedaan ({datum_nl(post)}), maar kwam pas binnen op "
            f"{datum_nl(ontvangen)}: meer dan een week na de termijn."
        )
    else:
        waarom = f"Het kwam binnen op {datum_nl(ontvangen)}, {te_laat} dag(en) te laat."
    regels.append(Regel("AWB-6:9", f"Het bezwaarschrift is te laat. {waarom}"))
    if verschoonbaar is not None:
        regels.append(
            Regel(
                "AWB-6:11",
                "De medewerker vindt dat de indiener niets te verwijten valt, dus het bezwaar "
                f"wordt toch behandeld. Reden: {verschoonbaar}",
            )
        )
        return True, regels
    regels.append(
        Regel(
            "AWB-6:11",
            "Het bezwaar is niet-ontvankelijk, tenzij de indiener redelijkerwijs niets te "
            "verwijten valt. Vraag de indiener naar de reden en leg uw oordeel vast.",
        )
    )
    return False, regels


def beoordeel_ontvankelijkheid(
    bezwaar: Bezwaarschrift,
    *,
    beschikking_verzonden: dt.date,
    peildatum: dt.date,
    besluit_genomen: dt.date | None = None,
    verschoonbaar: str | None = None,
    herstelverzoek: Herstelverzoek | None = None,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Ontvankelijkheid:
    """Ontvankelijkheid of a bezwaar on the peildatum.

    ``verschoonbaar`` is the case worker's reason why a late bezwaar is excusable (6:11);
    ``herstelverzoek`` the request to repair a verzuim of 6:5, once sent (6:6).
    """
    if verschoonbaar is not None:
        verschoonbaar = eis_reden(
            verschoonbaar, "AWB-6:11", "een verschoonbare termijnoverschrijding"
        )
    termijn = bezwaartermijn(beschikking_verzonden, kalender=kalender)
    tijdig, regels = _termijnregels(
        bezwaar,
        termijn,
        beschikking_verzonden,
        besluit_genomen or beschikking_verzonden,
        verschoonbaar,
    )
    ontbrekend = tuple(v for v in Vereiste if v in bezwaar.ontbrekend)

    def uitkomst(soort: Ontvankelijkheidsuitkomst, herstel: dt.date | None) -> Ontvankelijkheid:
        return Ontvankelijkheid(soort, tijdig, termijn, ontbrekend, herstel, tuple(regels))

    if not tijdig:
        return uitkomst(Ontvankelijkheidsuitkomst.NIET_ONTVANKELIJK, None)
    if not ontbrekend:
        hersteld = " (na herstel)" if herstelverzoek is not None else ""
        regels.append(
            Regel(
                "AWB-6:5",
                f"Het bezwaarschrift bevat alles wat de wet vraagt{hersteld}: naam, adres, "
                "datum, het besluit, de gronden en een handtekening.",
            )
        )
        return uitkomst(Ontvankelijkheidsuitkomst.ONTVANKELIJK, None)
    missend = "; ".join(VEREISTE_IN_WOORDEN[v] for v in ontbrekend)
    regels.append(Regel("AWB-6:5", f"In het bezwaarschrift ontbreekt: {missend}."))
    if herstelverzoek is None:
        voorstel = hersteltermijn(peildatum, kalender=kalender)
        regels.append(
            Regel(
                "AWB-6:6",
                "Vraag de indiener dit aan te vullen en geef daarvoor een termijn. Bij "
                f"verzending vandaag is dat bijvoorbeeld tot en met "
                f"{datum_nl(voorstel.uiterlijk)}. Zonder die kans mag het bezwaar niet "
                "niet-ontvankelijk worden verklaard.",
            )
        )
        return uitkomst(Ontvankelijkheidsuitkomst.HERSTEL_NODIG, voorstel.uiterlijk)
    if peildatum <= herstelverzoek.uiterlijk:
        regels.append(
            Regel(
                "AWB-6:6",
                f"De indiener is op {datum_nl(herstelverzoek.verzonden)} gevraagd dit aan te "
                f"vullen, uiterlijk op {datum_nl(herstelverzoek.uiterlijk)}. Wacht tot die "
                "datum.",
            )
        )
        return uitkomst(Ontvankelijkheidsuitkomst.HERSTEL_NODIG, herstelverzoek.uiterlijk)
    regels.append(
        Regel(
            "AWB-6:6",
            f"De indiener is op {datum_nl(herstelverzoek.verzonden)} gevraagd dit aan te vullen, "
            f"uiterlijk op {datum_nl(herstelverzoek.uiterlijk)}, en heeft dat niet gedaan. Het "
            "bezwaar kan daarom niet-ontvankelijk worden verklaard.",
        )
    )
    return uitkomst(Ontvankelijkheidsuitkomst.NIET_ONTVANKELIJK, herstelverzoek.uiterlijk)
