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
from wmo_shared.types import ascii_digits

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_TOEWIJZINGNUMMER = 999_999_999


# What a WMO301 takes from a ``ToewijzingFeedItem``, as a plain tuple of str, int and None
# (dates as ISO text): the form in which rows go to a worker process, where a model or a
# NamedTuple with dates costs ten times as much to pickle (and the twin model of
# ``wmo_exchange.pages`` cannot be pickled by name). In the order ``velden`` gives them.
Velden = tuple[
    int,  # volgnummer
    str,  # toewijzingnummer
    str,  # gemeente
    str,  # aanbieder_agb
    str,  # bsn
    str,  # geboortedatum
    str,  # geslacht
    str,  # achternaam
    str | None,  # voorletters
    str,  # productcategorie
    str,  # productcode
    str,  # ingangsdatum
    str | None,  # einddatum
    tuple[int, str, str] | None,  # omvang: volume, eenheid, frequentie
    str | None,  # reden_wijziging
    str,  # toewijzingsdatum
    str,  # geregistreerd_op (with its UTC offset)
    str | None,  # referentie_aanbieder
]


def velden(item: ToewijzingFeedItem) -> Velden:
    o, eind = item.omvang, item.einddatum
    return (
        item.volgnummer,
        item.toewijzingnummer,
        item.gemeente,
        item.aanbieder_agb,
        item.bsn,
        item.geboortedatum.isoformat(),
        item.geslacht,
        item.achternaam,
        item.voorletters,
        item.productcategorie,
        item.productcode,
        item.ingangsdatum.isoformat(),
        None if eind is None else eind.isoformat(),
        None if o is None else (o.volume, o.eenheid, o.frequentie),
        item.reden_wijziging,
        item.toewijzingsdatum.isoformat(),
        item.geregistreerd_op.isoformat(),
        item.referentie_aanbieder,
    )


def identificatie(item: ToewijzingFeedItem) -> str:
    """BerichtIdentificatie (1-12 characters, unique per berichtsoort for the gemeente)."""
    return _identificatie(item.volgnummer)


def _identificatie(volgnummer: int) -> str:
    return f"T{volgnummer:011d}"


def bestandsnaam(item: ToewijzingFeedItem) -> str:
    return f"WMO301-{item.gemeente}-{identificatie(item)}.xml"


def wmo301_bericht(item: ToewijzingFeedItem, dagtekening: dt.date) -> Wmo301Bericht:
    """Raises ``InvalidMessageError`` when the item cannot be a WMO301 toewijzing."""
    nummer = item.toewijzingnummer
    if not ascii_digits(nummer) or int(nummer) > MAX_TOEWIJZINGNUMMER:
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
    return velden_xml(velden(item), dagtekening.isoformat())


def velden_xml(v: Velden, dagtekening: str) -> bytes:
    """``wmo301_xml`` of the item whose ``velden`` are ``v``; ``dagtekening`` in ISO form."""
    (
        volgnummer,
        toewijzingnummer,
        gemeente,
        agb,
        bsn,
        geboortedatum,
        geslacht,
        achternaam,
        voorletters,
        categorie,
        code,
        ingangsdatum,
        einddatum,
        omvang,
        reden,
        toewijzingsdatum,
        geregistreerd_op,
        referentie,
    ) = v
    if not ascii_digits(toewijzingnummer) or int(toewijzingnummer) > MAX_TOEWIJZINGNUMMER:
        raise InvalidMessageError(
            f"toewijzingnummer {toewijzingnummer!r} is geen iWmo-nummer (0-999999999)"
        )
    omvang_xml = ""
    if omvang is not None:
        volume, eenheid, frequentie = omvang
        if eenheid not in _EENHEDEN or frequentie not in _FREQUENTIES:
            try:  # for the message of the enum
                Eenheid(eenheid), Frequentie(frequentie)
            except ValueError as exc:
                raise InvalidMessageError(f"omvang past niet in iWmo: {exc}") from exc
        omvang_xml = _OMVANG % (volume, eenheid, frequentie)
    # the 11-proef of the BSN (build_wmo301 checks it) was done by the contract's Bsn type;
    # ISO dates (years of four digits) compare as text as they do as dates
    if einddatum is not None and einddatum < ingangsdatum:
        raise InvalidMessageError(
            f"toewijzing {int(toewijzingnummer)}: einddatum ligt voor ingangsdatum"
        )
    tijd = dt.datetime.fromisoformat(geregistreerd_op).astimezone(AMSTERDAM)
    xml = (
        _TEMPLATE
        % (
            _x(gemeente),
            _x(agb),
            volgnummer,
            dagtekening,
            _x(bsn),
            geboortedatum,
            geslacht,
            _x(achternaam),
            "" if voorletters is None else _VOORLETTERS % _x(voorletters),
            int(toewijzingnummer),
            "" if referentie is None else _REFERENTIE % _x(referentie),
            _x(categorie),
            _x(code),
            toewijzingsdatum,
            tijd.hour,
            tijd.minute,
            tijd.second,
            ingangsdatum,
            "" if einddatum is None else _EINDDATUM % einddatum,
            "" if reden is None else _REDEN % _x(reden),
            omvang_xml,
        )
    ).encode()
    fouten = validate("WMO301", xml)
    if fouten:
        raise InvalidMessageError("de gegevens vormen geen geldig WMO301-bericht", tuple(fouten))
    return xml


def wmo301_xml_via_bericht(item: ToewijzingFeedItem, dagtekening: dt.date) -> bytes:
    """The same message through the element tree of ``wmo_iwmo`` (the reference)."""
    return build_wmo301(wmo301_bericht(item, dagtekening))


_EENHEDEN = frozenset(e.value for e in Eenheid)
_FREQUENTIES = frozenset(f.value for f in Frequentie)

# lxml's text escaping: &, <, > and a carriage return (kept as a character reference).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _x(value: str) -> str:
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


def _opt(indent: int, tag: str) -> str:
    """An optional element on its own line, as lxml's pretty print puts it (``%`` its text)."""
    return f"{' ' * indent}<{tag}>%s</{tag}>\n"


_VOORLETTERS = _opt(6, "iwmo:Voorletters")
_REFERENTIE = _opt(8, "wmo301:ReferentieAanbieder")
_EINDDATUM = _opt(8, "wmo301:Einddatum")
_REDEN = _opt(8, "wmo301:RedenWijziging")
_OMVANG = (
    "        <wmo301:Omvang>\n"
    "          <iwmo:Volume>%d</iwmo:Volume>\n"
    "          <iwmo:Eenheid>%s</iwmo:Eenheid>\n"
    "          <iwmo:Frequentie>%s</iwmo:Frequentie>\n"
    "        </wmo301:Omvang>\n"
)
_TEMPLATE = f"""<?xml version="1.0" encoding="UTF-8"?>
<wmo301:Bericht xmlns:iwmo="{IWMO_NS}" xmlns:wmo301="{message_ns("WMO301")}">
  <wmo301:Header>
    <wmo301:BerichtCode>{BERICHTCODE}</wmo301:BerichtCode>
    <wmo301:BerichtVersie>{BERICHT_VERSIE}</wmo301:BerichtVersie>
    <wmo301:BerichtSubversie>{BERICHT_SUBVERSIE}</wmo301:BerichtSubversie>
    <wmo301:Afzender>%s</wmo301:Afzender>
    <wmo301:Ontvanger>%s</wmo301:Ontvanger>
    <wmo301:BerichtIdentificatie>
      <iwmo:Identificatie>T%011d</iwmo:Identificatie>
      <iwmo:Dagtekening>%s</iwmo:Dagtekening>
    </wmo301:BerichtIdentificatie>
    <wmo301:XsdVersie>
      <iwmo:BasisschemaXsdVersie>{XSD_VERSIE}</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>{XSD_VERSIE}</iwmo:BerichtXsdVersie>
    </wmo301:XsdVersie>
  </wmo301:Header>
  <wmo301:Client>
    <wmo301:Bsn>%s</wmo301:Bsn>
    <wmo301:Geboortedatum>
      <iwmo:Datum>%s</iwmo:Datum>
    </wmo301:Geboortedatum>
    <wmo301:Geslacht>%s</wmo301:Geslacht>
    <wmo301:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>%s</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
%s      <iwmo:NaamGebruik>1</iwmo:NaamGebruik>
    </wmo301:Naam>
    <wmo301:Contactgegevens>
      <wmo301:Contact>
        <wmo301:Soort>01</wmo301:Soort>
      </wmo301:Contact>
    </wmo301:Contactgegevens>
    <wmo301:ToegewezenProducten>
      <wmo301:ToegewezenProduct>
        <wmo301:ToewijzingNummer>%d</wmo301:ToewijzingNummer>
%s        <wmo301:Product>
          <iwmo:Categorie>%s</iwmo:Categorie>
          <iwmo:Code>%s</iwmo:Code>
        </wmo301:Product>
        <wmo301:Toewijzingsdatum>%s</wmo301:Toewijzingsdatum>
        <wmo301:Toewijzingstijd>%02d:%02d:%02d</wmo301:Toewijzingstijd>
        <wmo301:Ingangsdatum>%s</wmo301:Ingangsdatum>
%s%s%s      </wmo301:ToegewezenProduct>
    </wmo301:ToegewezenProducten>
  </wmo301:Client>
</wmo301:Bericht>
"""
