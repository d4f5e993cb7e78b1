"""Referral to an algemene or collectieve voorziening as the outcome of an onderzoek step
(INT-06; seed 002 art. 1): such a voorziening is reached without a beschikking (an algemene
one without any check, a collectieve one after a light check), and the resident keeps the
right to apply for a maatwerkvoorziening for what it leaves unsolved (art. 2.3.2 lid 9 Wmo)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

SOORTTEKST = {
    "algemeen": "een algemene voorziening, voor iedereen toegankelijk zonder toets of beschikking",
    "collectief": "een collectieve voorziening, toegankelijk na een lichte toets, zonder "
    "beschikking",
}

AANVRAAG_BLIJFT_MOGELIJK = (
    "Deze verwijzing is geen beschikking. Lost deze voorziening uw hulpvraag niet (helemaal) "
    "op, dan kunt u altijd een aanvraag voor een maatwerkvoorziening indienen; daarop beslist "
    "het college bij beschikking, waartegen bezwaar mogelijk is."
)


@dataclass(frozen=True, slots=True)
class Voorzieningfeiten:
    naam: str
    soort: str
    aanbod: str
    bereikbaarheid: str
    actief: bool


@dataclass(frozen=True, slots=True)
class Verwijzing:
    lost_op: tuple[str, ...]
    mededeling: str
    regels: tuple[Regel, ...]


def verwijs(
    voorziening: Voorzieningfeiten, lost_op: Sequence[str], hulpvraagdelen: Sequence[str]
) -> Verwijzing:
    """The referral: only to a voorziening still offered (409 ``voorziening-niet-actief``),
    only for parts of the onderzoek's hulpvraag (400 on ``lostOp``); the mededeling names what
    the voorziening offers, how to reach it, and that an aanvraag stays possible."""
    if not voorziening.actief:
        reden = f"{voorziening.naam} wordt niet meer aangeboden (niet actief in het register)."
        raise Weigering(
            "voorziening-niet-actief",
            reden,
            veld="algemeneVoorzieningId",
            regels=[Regel("INT-06", reden)],
            soort="conflict",
        )
    delen = tuple(dict.fromkeys(lost_op))
    vreemd = [d for d in delen if d not in hulpvraagdelen]
    if vreemd:
        reden = (
            f"{', '.join(vreemd)} hoort niet bij de hulpvraag van dit onderzoek "
            f"({', '.join(hulpvraagdelen) or 'geen delen vastgelegd'})."
        )
        raise Weigering("geen-deel-van-hulpvraag", reden, veld="lostOp")
    wat = f" voor {', '.join(delen)}" if delen else ""
    mededeling = (
        f"U bent{wat} verwezen naar {voorziening.naam}: {SOORTTEKST[voorziening.soort]}. "
        f"Aanbod: {voorziening.aanbod} Zo bereikt u haar: {voorziening.bereikbaarheid} "
        f"{AANVRAAG_BLIJFT_MOGELIJK}"
    )
    regels = (
        Regel(
            "INT-06",
            f"Trede algemene voorziening van de afwegingsladder: {voorziening.naam}{wat}, "
            "zonder beschikking (seed 002 art. 1).",
        ),
        Regel("INT-06", AANVRAAG_BLIJFT_MOGELIJK),
    )
    return Verwijzing(delen, mededeling, regels)
