"""The checks on what a case worker records about a bezwaar and its steps, each with a stable
code and the article it enforces: a bezwaar lies only against a sent besluit (6:10); a
bezwaarschrift cannot be posted after it arrived (6:9); herstel is recorded only when it was
asked (6:6, 7:10 lid 2); further uitstel goes past the beslistermijn (7:10 lid 4); a voorlopige
voorziening is decided after it was asked (8:81); a gegrond bezwaar, and only that, names the
herziene beschikking of the contested one (7:11); a decided bezwaar takes no more steps; a
decision on the merits needs an ontvankelijk bezwaar and a hearing or its exception (7:2, 7:3).
Pure: plain values in, ``Weigering`` out."""

from __future__ import annotations

import datetime as dt
import uuid

from wmo_intake.domain.awb.ontvankelijkheid import Ontvankelijkheid, Ontvankelijkheidsuitkomst
from wmo_intake.domain.awb.termijn import weigering
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import datum_nl
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def toets_bestreden_besluit(verzonden: bool) -> None:
    """AWB-6:10 ``niet-verzonden``: a concept is no besluit yet; bezwaar lies against a sent
    beschikking only."""
    if not verzonden:
        raise weigering(
            "niet-verzonden",
            "Deze beschikking is nog een concept: er is nog geen besluit om bezwaar tegen te "
            "maken (Awb 6:10).",
            veld="beschikkingId",
            rules=("AWB-6:10",),
        )


def toets_ter_post(ter_post_bezorgd: dt.date | None, ontvangstdatum: dt.date) -> None:
    """AWB-6:9 ``volgorde``: the bezwaarschrift was posted on or before the day it arrived."""
    if ter_post_bezorgd is not None and ter_post_bezorgd > ontvangstdatum:
        raise weigering(
            "volgorde",
            "Op de post gedaan na de ontvangst? Dat kan niet.",
            veld="terPostBezorgd",
            rules=("AWB-6:9",),
        )


def toets_herstel_gevraagd(herstel_open: bool) -> None:
    """AWB-6:6 / 7:10 ``geen-herstelverzoek``: herstel answers an open request to repair."""
    if not herstel_open:
        raise weigering(
            "geen-herstelverzoek",
            "Er is geen openstaand verzoek om herstel.",
            veld="hersteldOp",
            rules=("AWB-6:6", "AWB-7:10"),
        )


def toets_uitstel_na_termijn(tot: dt.date, uiterlijk: dt.date) -> None:
    """AWB-7:10 ``te-vroeg``: further uitstel (lid 4) ends after the beslistermijn as it stands."""
    if tot <= uiterlijk:
        raise weigering(
            "te-vroeg",
            f"De nieuwe datum ligt niet na de laatste dag van de beslistermijn "
            f"({datum_nl(uiterlijk)}).",
            veld="tot",
            rules=("AWB-7:10",),
        )


def toets_voorlopige_voorziening(ingediend_op: dt.date, uitspraak_op: dt.date | None) -> None:
    """AWB-8:81 ``volgorde``: the judge rules on a request after it was made."""
    if uitspraak_op is not None and uitspraak_op < ingediend_op:
        raise weigering(
            "volgorde",
            "De uitspraak ligt vóór het verzoek.",
            veld="uitspraakOp",
            rules=("AWB-8:81",),
        )


HERZIENING = "herzieneBeschikkingId"


def herziening_nodig(uitkomst: str, herziene_beschikking_id: uuid.UUID | None) -> bool:
    """AWB-7:11: a gegrond bezwaar names its herziene beschikking (``verplicht``); any other
    outcome names none (``niet-toegestaan``). True when one is named and must be checked."""
    if uitkomst != "gegrond":
        if herziene_beschikking_id is not None:
            raise weigering(
                "niet-toegestaan",
                "Alleen bij een gegrond bezwaar.",
                veld=HERZIENING,
                rules=("AWB-7:11",),
            )
        return False
    if herziene_beschikking_id is None:
        raise weigering(
            "verplicht",
            "Een gegrond bezwaar leidt tot een herziene beschikking: stel die op (soort "
            "herziening, vorigeBeschikkingId = de bestreden beschikking) en noem haar hier.",
            veld=HERZIENING,
            rules=("AWB-7:11",),
        )
    return True


def toets_herziening(
    soort: str, vorige_beschikking_id: uuid.UUID | None, bestreden_id: uuid.UUID
) -> None:
    """AWB-7:11 ``geen-herziening``: the named beschikking revises the contested one."""
    if soort != "herziening" or vorige_beschikking_id != bestreden_id:
        raise weigering(
            "geen-herziening",
            "Dit is geen herziening van de beschikking waartegen het bezwaar is gemaakt.",
            veld=HERZIENING,
            rules=("AWB-7:11",),
        )


def toets_bezwaar_open(uitkomst: str | None, beslisdatum: dt.date | None) -> None:
    """AWB-7:11 ``bezwaar-afgehandeld`` (409): once decided, a bezwaar takes no more steps."""
    if uitkomst is not None:
        raise weigering(
            "bezwaar-afgehandeld",
            f"Op dit bezwaar is al beslist ({uitkomst}, {beslisdatum}).",
            veld=None,
            rules=("AWB-7:11",),
            soort="conflict",
        )


def toets_herstelverzoek(herstel_nodig: bool, verzoek_loopt: bool) -> None:
    """AWB-6:6 (409): herstel is asked only when something is missing that the indiener can
    repair (``geen-herstel-nodig``), and not while a request runs (``herstelverzoek-loopt``)."""
    if not herstel_nodig:
        raise Weigering(
            "geen-herstel-nodig",
            "Er ontbreekt niets dat de indiener kan herstellen (Awb 6:5, 6:6).",
            soort="conflict",
            regels=[Regel("AWB-6:6", "Herstel is alleen nodig als er iets ontbreekt.")],
        )
    if verzoek_loopt:
        raise weigering(
            "herstelverzoek-loopt",
            "Er loopt al een verzoek om herstel; leg eerst vast of en wanneer het is hersteld.",
            veld=None,
            rules=("AWB-6:6",),
            soort="conflict",
        )


OP_DE_INHOUD = ("gegrond", "ongegrond")


def toets_beslissing(uitkomst: str, ontvankelijkheid: Ontvankelijkheid, gehoord: bool) -> None:
    """What the outcome needs (400 ``voorwaarde-niet-voldaan`` on ``uitkomst``): a decision on
    the merits only on an ontvankelijk bezwaar (6:6, 6:7–6:11) after the indiener was heard or
    an exception of 7:3 was recorded (7:2); niet-ontvankelijk only when the Awb makes it so."""
    o = ontvankelijkheid
    if uitkomst in OP_DE_INHOUD and o.uitkomst is not Ontvankelijkheidsuitkomst.ONTVANKELIJK:
        raise VoorwaardeNietVoldaan(o.regels[-1], veld="uitkomst")
    if uitkomst == "niet_ontvankelijk" and (
        o.uitkomst is not Ontvankelijkheidsuitkomst.NIET_ONTVANKELIJK
    ):
        raise VoorwaardeNietVoldaan(
            Regel(
                o.regels[-1].rule,
                "Het bezwaar is (nog) niet niet-ontvankelijk: " + o.regels[-1].toelichting,
            ),
            veld="uitkomst",
        )
    if uitkomst in OP_DE_INHOUD and not gehoord:
        raise VoorwaardeNietVoldaan(
            Regel(
                "AWB-7:2",
                "Hoor de indiener voordat u op het bezwaar beslist, of leg vast waarom dat niet "
                "hoeft (art. 7:3).",
            ),
            veld="uitkomst",
        )
