"""What may happen to an onderzoek: one per melding, changed only while the case is in it (or
in an aanvraag that came before it was finished), its startdatum fixed; an advies of the
indicatie service needs the begeleiding data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wmo_shared.weigering import Weigering

OPEN = ("onderzoek", "tijdelijke_voorziening")


def toets_enige_onderzoek(bestaat_al: bool) -> None:
    """``onderzoek-bestaat-al`` (409): one onderzoek per melding."""
    if bestaat_al:
        raise Weigering(
            "onderzoek-bestaat-al", "Voor deze melding loopt al een onderzoek.", soort="conflict"
        )


def onderzoek_open(status: str, gereed: bool) -> bool:
    """The onderzoek may still change: the case is in it (or in a temporary voorziening), or an
    aanvraag came before it was finished (the Awb right to apply) and it is not yet ``gereed``."""
    return status in OPEN or (status == "aanvraag" and not gereed)


def toets_bijwerken(
    status: str, gereed: bool, startdatum: dt.date, nieuwe_startdatum: dt.date
) -> None:
    """``onderzoek-afgesloten`` (409) once the case has moved on (``onderzoek_open``); the
    startdatum never changes (``vast``)."""
    if not onderzoek_open(status, gereed):
        raise Weigering(
            "onderzoek-afgesloten",
            f"Het onderzoek is afgesloten: de zaak is in status '{status}'. Een nieuwe "
            "situatie vraagt een herindicatie.",
            soort="conflict",
        )
    if nieuwe_startdatum != startdatum:
        raise Weigering(
            "vast", "De startdatum van een onderzoek verandert niet.", veld="startdatum"
        )


def adviesverzoek(
    verzoek: dict[str, Any] | None, begeleiding: dict[str, Any] | None
) -> dict[str, Any]:
    """What goes to the indicatie service: the request given, else the begeleiding data of the
    onderzoek (``ontbreekt`` when there is neither)."""
    gekozen = verzoek or begeleiding
    if not gekozen:
        raise Weigering(
            "ontbreekt",
            "Het onderzoek bevat geen begeleidingsgegevens en er is geen verzoek meegegeven.",
            veld="verzoek",
        )
    return gekozen


def toets_ongewijzigd(gevraagd_bij: dict[str, Any], nu: dict[str, Any] | None) -> None:
    """``onderzoek-gewijzigd`` (409): the begeleiding data the advies was asked for changed
    while the indicatie service answered; ask again."""
    if gevraagd_bij != nu:
        raise Weigering(
            "onderzoek-gewijzigd",
            "Het onderzoek is gewijzigd terwijl het advies werd gevraagd; vraag het opnieuw.",
            soort="conflict",
        )
