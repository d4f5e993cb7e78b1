"""An indicatie rests on a real intake aanvraag (issue 12.1): the aanvraag exists in the
gemeente (``onbekende-aanvraag``, on ``aanvraagId``) and is the cliënt's whose BSN the indicatie
names (``andere-client``, on ``bsn``). Pure: intake's answer comes in as its contract, fetched
by the service layer before its transaction opens."""

from __future__ import annotations

from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.weigering import Weigering


def toets_aanvraag(
    feiten: AanvraagFeiten | None, *, bsn: str, gemeente: str, bsn_veld: str = "bsn"
) -> None:
    """400 naming ``aanvraagId`` when intake does not know the aanvraag in ``gemeente``; 400
    naming ``bsn_veld`` when it is another cliënt's."""
    if feiten is None or feiten.gemeente != gemeente:
        raise Weigering(
            "onbekende-aanvraag",
            "Er is geen aanvraag met dit id in uw gemeente (intake); een indicatie is altijd "
            "voor een ontvangen aanvraag.",
            veld="aanvraagId",
        )
    if feiten.bsn != bsn:
        raise Weigering(
            "andere-client",
            "De aanvraag hoort bij een andere cliënt dan deze indicatie.",
            veld=bsn_veld,
        )
