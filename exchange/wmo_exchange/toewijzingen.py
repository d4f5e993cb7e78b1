"""Toewijzing feed item → WMO301 message (one message per toewijzing, sent to its aanbieder).

One toewijzing per message keeps the message identification a function of the feed position
(``T`` + volgnummer), so a page read again after an interruption produces the same file with
the same BerichtIdentificatie: the file is replaced, never duplicated. iWmo 3.x sends only new
or changed toewijzingen, so a message with one ToegewezenProduct is a complete message.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from wmo_iwmo.basis import (
    Achternaam,
    BerichtIdentificatie,
    Geboortedatum,
    Header,
    Omvang,
    Product,
    VolledigeNaam,
)
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.wmo301 import (
    Contact,
    ToegewezenProduct,
    Wmo301Bericht,
    Wmo301Client,
    build_wmo301,
)
from wmo_iwmo.xsd import InvalidMessageError, validate
from wmo_shared.contracts import ToewijzingFeedItem

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_TOEWIJZINGNUMMER = 999_999_999


def identificatie(item: ToewijzingFeedItem) -> str:
    """BerichtIdentificatie (1-12 characters, unique per berichtsoort for the gemeente)."""
    return f"T{item.volgnummer:011d}"


def bestandsnaam(item: ToewijzingFeedItem) -> str:
    return f"WMO301-{item.gemeente}-{identificatie(item)}.xml"


def wmo301_bericht(item: ToewijzingFeedItem, dagtekening: dt.date) -> Wmo301Bericht:
    """Raises ``InvalidMessageError`` when the item cannot be a WMO301 toewijzing."""
    if not item.toewijzingnummer.isdigit() or int(item.toewijzingnummer) > MAX_TOEWIJZINGNUMMER:
        raise InvalidMessageError(
            f"toewijzingnummer {item.toewijzingnummer!r} is geen iWmo-nummer (0-999999999)"
        )
    omvang = None
    if item.omvang is not None:
        try:
            omvang = Omvang(
                volume=item.omvang.volume,
                eenheid=Eenheid(item.omvang.eenheid),
                frequentie=Frequentie(item.omvang.frequentie),
            )
        except ValueError as exc:
            raise InvalidMessageError(f"omvang past niet in iWmo: {exc}") from exc
    tijd = item.geregistreerd_op.astimezone(AMSTERDAM).time().replace(microsecond=0, tzinfo=None)
    return Wmo301Bericht(
        header=Header(
            afzender=item.gemeente,
            ontvanger=item.aanbieder_agb,
            berichtidentificatie=BerichtIdentificatie(identificatie(item), dagtekening),
        ),
        client=Wmo301Client(
            bsn=item.bsn,
            geboortedatum=Geboortedatum(item.geboortedatum),
            geslacht=item.geslacht,
            naam=VolledigeNaam(Achternaam(item.achternaam), voorletters=item.voorletters),
            contactgegevens=(Contact(soort="01"),),
            toegewezen_producten=(
                ToegewezenProduct(
                    toewijzingnummer=int(item.toewijzingnummer),
                    toewijzingsdatum=item.toewijzingsdatum,
                    toewijzingstijd=tijd,
                    ingangsdatum=item.ingangsdatum,
                    einddatum=item.einddatum,
                    product=Product(item.productcategorie, item.productcode),
                    reden_wijziging=item.reden_wijziging,
                    referentie_aanbieder=item.referentie_aanbieder,
                    omvang=omvang,
                ),
            ),
        ),
    )


def wmo301_xml(item: ToewijzingFeedItem, dagtekening: dt.date) -> bytes:
    """The message, validated against the shipped WMO301.xsd (``build_wmo301`` validates its
    output; the explicit check here keeps that promise visible where files are written)."""
    xml = build_wmo301(wmo301_bericht(item, dagtekening))
    fouten = validate("WMO301", xml)
    if fouten:
        raise InvalidMessageError("WMO301 is niet geldig volgens de XSD", tuple(fouten))
    return xml
