"""The end of a one-off pgb (FIN-05) by an intrekking or herziening of its beschikking, and its
payment to the supplier. The gemeente pays the supplier itself (feed ``leveranciersbetalingen``;
the paying system reports the payment back). When the beschikking that granted the pgb is
withdrawn or revised away:

- before the payment is done, the payment is cancelled: the feed gets a cancellation entry
  (never a deleted row), so the paying system does not pay;
- after it is done, the payment stands. Whether the amount is recovered is for the gemeente to
  decide (the college *can* recover what was granted wrongly, it is not bound to); nothing is
  recovered automatically.

A payment reported after the cancellation is refused (409): the supplier was not to be paid.
Pure: no clock, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_finance.domain.geld import euro
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Betaalstatus(StrEnum):
    open = "open"
    """In the feed, not yet reported as paid."""
    betaald = "betaald"
    geannuleerd = "geannuleerd"
    """Cancelled before it was paid: the feed carries the cancellation."""


class Gevolg(StrEnum):
    betaling_geannuleerd = "betaling-geannuleerd"
    terugvordering_ter_beoordeling = "terugvordering-ter-beoordeling"


@dataclass(frozen=True, slots=True)
class Einde:
    gevolg: Gevolg
    regels: tuple[Regel, ...]

    @property
    def annuleren(self) -> bool:
        return self.gevolg is Gevolg.betaling_geannuleerd


_WAT = {"intrekking": "ingetrokken", "herziening": "herzien"}


def betaalstatus(*, betaald_op: dt.date | None, gevolg: str | None) -> Betaalstatus:
    if betaald_op is not None:
        return Betaalstatus.betaald
    if gevolg == Gevolg.betaling_geannuleerd.value:
        return Betaalstatus.geannuleerd
    return Betaalstatus.open


def einde(
    *,
    grond: str,
    einddatum: dt.date,
    betaald_op: dt.date | None,
    bedrag: Decimal,
    leverancier: str,
) -> Einde:
    """What the end of the beschikking means for the payment to the supplier."""
    wat = _WAT[grond]
    if betaald_op is None:
        return Einde(
            Gevolg.betaling_geannuleerd,
            (
                Regel(
                    "FIN-05",
                    f"De beschikking van dit eenmalig pgb is {wat} (laatste dag "
                    f"{einddatum.isoformat()}) voordat de gemeente de leverancier betaalde: de "
                    f"betaling van {euro(bedrag)} aan {leverancier} is geannuleerd. De feed "
                    "leveranciersbetalingen meldt de annulering; betaal deze leverancier niet.",
                ),
            ),
        )
    return Einde(
        Gevolg.terugvordering_ter_beoordeling,
        (
            Regel(
                "FIN-05",
                f"De beschikking van dit eenmalig pgb is {wat} (laatste dag "
                f"{einddatum.isoformat()}), maar de gemeente betaalde {leverancier} al op "
                f"{betaald_op.isoformat()} {euro(bedrag)}. Die betaling blijft staan.",
            ),
            Regel(
                "FIN-05",
                "Of het bedrag wordt teruggevorderd, beslist de gemeente: zij kán terugvorderen "
                "wat ten onrechte is verstrekt, maar hoeft het niet. Er wordt niets "
                "automatisch teruggevorderd; hoor de inwoner voordat de gemeente besluit.",
            ),
        ),
    )


def controleer_betaling(
    *, status: Betaalstatus, betaaldatum: dt.date, besluitdatum: dt.date
) -> None:
    """The paying system reports the payment to the supplier done: only for a payment that is
    still open (409 ``betaling-geannuleerd`` or ``al-betaald``), not before the besluit (400)."""
    if status is Betaalstatus.geannuleerd:
        reden = (
            "De betaling van dit eenmalig pgb is geannuleerd: de beschikking is ingetrokken of "
            "herzien voordat er betaald was, en de feed leveranciersbetalingen meldt de "
            "annulering. De leverancier hoort niet betaald te worden."
        )
        raise Weigering(
            "betaling-geannuleerd", reden, regels=[Regel("FIN-05", reden)], soort="conflict"
        )
    if status is Betaalstatus.betaald:
        reden = "De betaling van dit eenmalig pgb is al vastgelegd; een pgb wordt één keer betaald."
        raise Weigering("al-betaald", reden, regels=[Regel("FIN-05", reden)], soort="conflict")
    if betaaldatum < besluitdatum:
        reden = (
            f"De betaaldatum {betaaldatum.isoformat()} ligt vóór het besluit van "
            f"{besluitdatum.isoformat()}: zonder besluit wordt er niet betaald."
        )
        raise Weigering(
            "regel-geschonden", reden, veld="betaaldatum", regels=[Regel("FIN-05", reden)]
        )


def event_id_hergebruikt() -> Weigering:
    """An event received before is answered with the end it recorded; when there is none for
    its eenmalig pgb, the eventId was used for something else (409)."""
    return Weigering(
        "event-id-hergebruikt",
        "Dit eventId is al ontvangen voor iets anders dan het einde van dit eenmalig pgb.",
        veld="eventId",
        soort="conflict",
    )
