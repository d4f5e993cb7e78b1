"""A pgb rests on a real intake aanvraag (issue 12.1, 12.2): the aanvraag a plan or request
names exists in the gemeente (``onbekende-aanvraag``, on ``aanvraagId``) and is the cliënt's
(``andere-client``, on ``bsn``); whether a maatwerkvoorziening is necessary is what the onderzoek
concluded (PGB-01), taken over from intake — a typed value that differs is refused.

Pure: intake's answer comes in as its contract, fetched before the transaction opens."""

from __future__ import annotations

from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

VELD_NODIG = "maatwerkvoorzieningNodig"


def toets_aanvraag(feiten: AanvraagFeiten | None, *, bsn: str, gemeente: str) -> AanvraagFeiten:
    """The aanvraag as intake knows it, or a 400 naming ``aanvraagId`` or ``bsn``."""
    if feiten is None or feiten.gemeente != gemeente:
        raise Weigering(
            "onbekende-aanvraag",
            "Er is geen aanvraag met dit id in uw gemeente (intake); een pgb is altijd voor een "
            "ontvangen aanvraag.",
            veld="aanvraagId",
        )
    if feiten.bsn != bsn:
        raise Weigering(
            "andere-client", "De aanvraag hoort bij een andere cliënt dan dit pgb.", veld="bsn"
        )
    return feiten


def maatwerkvoorziening_nodig(feiten: AanvraagFeiten | None, opgegeven: bool | None) -> bool | None:
    """PGB-01: intake's conclusion when the onderzoek has one (a differing typed value is a 400
    naming the field); without a conclusion yet, what the caller typed (or nothing)."""
    conclusie = feiten.maatwerkvoorziening_nodig if feiten is not None else None
    if conclusie is None:
        return opgegeven
    if opgegeven is not None and opgegeven != conclusie:
        gevonden = "wel" if conclusie else "geen"
        reden = (
            f"Het onderzoek bij deze aanvraag concludeerde dat {gevonden} maatwerkvoorziening "
            f"noodzakelijk is; maatwerkvoorzieningNodig wordt uit intake overgenomen en kan niet "
            f"{str(opgegeven).lower()} zijn (PGB-01). Laat het veld weg of pas het onderzoek aan."
        )
        raise Weigering("andere-conclusie", reden, veld=VELD_NODIG, regels=[Regel("PGB-01", reden)])
    return conclusie


def verplichte_conclusie(nodig: bool | None) -> bool:
    """A request without a plan is decided on the conclusion: from intake or, while intake has
    none yet, typed."""
    if nodig is None:
        raise Weigering(
            "verplicht",
            "Het onderzoek bij deze aanvraag heeft nog geen conclusie: geef "
            "maatwerkvoorzieningNodig op (PGB-01).",
            veld=VELD_NODIG,
        )
    return nodig


def geldende_conclusie(intake: bool | None, opgeslagen: bool | None) -> bool | None:
    """What the toets and besluit on a plan rest on (PGB-01): intake's conclusion as it is now
    (the onderzoek may have concluded after the plan was recorded), else what the plan holds."""
    return intake if intake is not None else opgeslagen
