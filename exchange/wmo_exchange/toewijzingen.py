"""Toewijzing feed item → WMO301 message (one message per toewijzing, sent to its aanbieder).

One toewijzing per message keeps the message identification a function of the feed position
(``T`` + volgnummer), so a page read again after an interruption produces the same file with
the same BerichtIdentificatie: the file is replaced, never duplicated. iWmo 3.x sends only new
or changed toewijzingen, so a message with one ToegewezenProduct is a complete message.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from wmo_iwmo._xml import IWMO_NS, message_ns
from wmo_iwmo.basis import (
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    XSD_VERSIE,
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
    BERICHTCODE,
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
    """The message, validated against the shipped WMO301.xsd (once, with the compiled schema
    of the process). Written from a template: byte for byte what ``build_wmo301`` makes of
    ``wmo301_bericht(item)`` (tests/exchange/test_toewijzingen.py compares them), without an
    element tree per message and without validating twice."""
    if not item.toewijzingnummer.isdigit() or int(item.toewijzingnummer) > MAX_TOEWIJZINGNUMMER:
        raise InvalidMessageError(
            f"toewijzingnummer {item.toewijzingnummer!r} is geen iWmo-nummer (0-999999999)"
        )
    omvang = ""
    if item.omvang is not None:
        try:
            eenheid, frequentie = Eenheid(item.omvang.eenheid), Frequentie(item.omvang.frequentie)
        except ValueError as exc:
            raise InvalidMessageError(f"omvang past niet in iWmo: {exc}") from exc
        omvang = _OMVANG.format(item.omvang.volume, eenheid.value, frequentie.value)
    # the 11-proef of the BSN (build_wmo301 checks it) was done by the contract's Bsn type
    if item.einddatum is not None and item.einddatum < item.ingangsdatum:
        raise InvalidMessageError(
            f"toewijzing {int(item.toewijzingnummer)}: einddatum ligt voor ingangsdatum"
        )
    tijd = item.geregistreerd_op.astimezone(AMSTERDAM).time().replace(microsecond=0, tzinfo=None)
    xml = _TEMPLATE.format(
        afzender=_x(item.gemeente),
        ontvanger=_x(item.aanbieder_agb),
        identificatie=identificatie(item),
        dagtekening=dagtekening.isoformat(),
        bsn=_x(item.bsn),
        geboortedatum=item.geboortedatum.isoformat(),
        geslacht=item.geslacht,
        achternaam=_x(item.achternaam),
        voorletters=_opt(6, "iwmo:Voorletters", item.voorletters),
        toewijzingnummer=int(item.toewijzingnummer),
        referentie=_opt(8, "wmo301:ReferentieAanbieder", item.referentie_aanbieder),
        categorie=_x(item.productcategorie),
        code=_x(item.productcode),
        toewijzingsdatum=item.toewijzingsdatum.isoformat(),
        toewijzingstijd=tijd.isoformat(timespec="seconds"),
        ingangsdatum=item.ingangsdatum.isoformat(),
        einddatum=_opt(8, "wmo301:Einddatum", item.einddatum),
        reden=_opt(8, "wmo301:RedenWijziging", item.reden_wijziging),
        omvang=omvang,
    ).encode()
    fouten = validate("WMO301", xml)
    if fouten:
        raise InvalidMessageError("de gegevens vormen geen geldig WMO301-bericht", tuple(fouten))
    return xml


def wmo301_xml_via_bericht(item: ToewijzingFeedItem, dagtekening: dt.date) -> bytes:
    """The same message through the element tree of ``wmo_iwmo`` (the reference)."""
    return build_wmo301(wmo301_bericht(item, dagtekening))


# lxml's text escaping: &, <, > and a carriage return (kept as a character reference).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _x(value: str) -> str:
    return value.translate(_ESCAPES)


def _opt(indent: int, tag: str, value: object) -> str:
    """An optional element on its own line, as lxml's pretty print puts it."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else _x(str(value))
    return f"{' ' * indent}<{tag}>{text}</{tag}>\n"


_OMVANG = (
    "        <wmo301:Omvang>\n"
    "          <iwmo:Volume>{}</iwmo:Volume>\n"
    "          <iwmo:Eenheid>{}</iwmo:Eenheid>\n"
    "          <iwmo:Frequentie>{}</iwmo:Frequentie>\n"
    "        </wmo301:Omvang>\n"
)
_TEMPLATE = f"""<?xml version="1.0" encoding="UTF-8"?>
<wmo301:Bericht xmlns:iwmo="{IWMO_NS}" xmlns:wmo301="{message_ns("WMO301")}">
  <wmo301:Header>
    <wmo301:BerichtCode>{BERICHTCODE}</wmo301:BerichtCode>
    <wmo301:BerichtVersie>{BERICHT_VERSIE}</wmo301:BerichtVersie>
    <wmo301:BerichtSubversie>{BERICHT_SUBVERSIE}</wmo301:BerichtSubversie>
    <wmo301:Afzender>{{afzender}}</wmo301:Afzender>
    <wmo301:Ontvanger>{{ontvanger}}</wmo301:Ontvanger>
    <wmo301:BerichtIdentificatie>
      <iwmo:Identificatie>{{identificatie}}</iwmo:Identificatie>
      <iwmo:Dagtekening>{{dagtekening}}</iwmo:Dagtekening>
    </wmo301:BerichtIdentificatie>
    <wmo301:XsdVersie>
      <iwmo:BasisschemaXsdVersie>{XSD_VERSIE}</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>{XSD_VERSIE}</iwmo:BerichtXsdVersie>
    </wmo301:XsdVersie>
  </wmo301:Header>
  <wmo301:Client>
    <wmo301:Bsn>{{bsn}}</wmo301:Bsn>
    <wmo301:Geboortedatum>
      <iwmo:Datum>{{geboortedatum}}</iwmo:Datum>
    </wmo301:Geboortedatum>
    <wmo301:Geslacht>{{geslacht}}</wmo301:Geslacht>
    <wmo301:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>{{achternaam}}</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
{{voorletters}}      <iwmo:NaamGebruik>1</iwmo:NaamGebruik>
    </wmo301:Naam>
    <wmo301:Contactgegevens>
      <wmo301:Contact>
        <wmo301:Soort>01</wmo301:Soort>
      </wmo301:Contact>
    </wmo301:Contactgegevens>
    <wmo301:ToegewezenProducten>
      <wmo301:ToegewezenProduct>
        <wmo301:ToewijzingNummer>{{toewijzingnummer}}</wmo301:ToewijzingNummer>
{{referentie}}        <wmo301:Product>
          <iwmo:Categorie>{{categorie}}</iwmo:Categorie>
          <iwmo:Code>{{code}}</iwmo:Code>
        </wmo301:Product>
        <wmo301:Toewijzingsdatum>{{toewijzingsdatum}}</wmo301:Toewijzingsdatum>
        <wmo301:Toewijzingstijd>{{toewijzingstijd}}</wmo301:Toewijzingstijd>
        <wmo301:Ingangsdatum>{{ingangsdatum}}</wmo301:Ingangsdatum>
{{einddatum}}{{reden}}{{omvang}}      </wmo301:ToegewezenProduct>
    </wmo301:ToegewezenProducten>
  </wmo301:Client>
</wmo301:Bericht>
"""
