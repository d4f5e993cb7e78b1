"""The retour answer to an incoming message (306 on a 305, 308 on a 307, 316 on a 315, 318 on a
317, 325 on a 323, and a technical rejection of any message), as a JSON-able structure.

The retour XSDs (302, 306, 308, 316, 318, 320, 325) are not part of the shipped iWmo 3.2
sources, so no retour XML is produced: ``Retourbericht.to_dict()`` carries what a retour holds
(the identification of the heenbericht, the retour's own identification and dagtekening, the
retourcodes of the header and of each line with their status) for the caller to store, show or
turn into XML once the schemas are available. Every retourcode is one of basisschema's
``LDT_RetourCode`` list. Header and lines get 0200 when there is nothing to report; an accepted
declaratie line gets 8001. No clock: the retour's identificatie and dagtekening are passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from wmo_iwmo.basis import Header
from wmo_iwmo.controle import Afkeuring, Declaratiecontrole, Regeluitkomst
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.wmo305 import Wmo305Bericht
from wmo_iwmo.wmo307 import Wmo307Bericht
from wmo_iwmo.wmo315 import Wmo315Bericht
from wmo_iwmo.wmo317 import Wmo317Bericht
from wmo_iwmo.wmo323 import Wmo323Bericht
from wmo_iwmo.xsd import MessageType, SchemaFout, parse_document

RETOUR_VAN: dict[MessageType, str] = {
    "WMO301": "WMO302",
    "WMO305": "WMO306",
    "WMO307": "WMO308",
    "WMO315": "WMO316",
    "WMO317": "WMO318",
    "WMO319": "WMO320",
    "WMO323": "WMO325",
}


class Status(StrEnum):
    GOEDGEKEURD = "goedgekeurd"
    AFGEKEURD = "afgekeurd"


@dataclass(frozen=True, slots=True)
class RetourMelding:
    retourcode: Retourcode
    toelichting: str | None = None  # why, in words; None for 0200 / 8001
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "retourcode": self.retourcode.value,
            "omschrijving": self.retourcode.omschrijving,
            "toelichting": self.toelichting,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class RetourRegel:
    """One line of the heenbericht: identified by position, BSN and toewijzingnummer, plus
    the begin/einddatum (start, stop, productperiode) and, for a declaratie, the
    ReferentieNummer the provider gave the line."""

    index: int
    bsn: str
    toewijzingnummer: int | None
    status: Status
    meldingen: tuple[RetourMelding, ...]
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None
    referentienummer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "bsn": self.bsn,
            "toewijzingnummer": self.toewijzingnummer,
            "referentienummer": self.referentienummer,
            "begindatum": _iso(self.begindatum),
            "einddatum": _iso(self.einddatum),
            "status": self.status.value,
            "retourcodes": [m.to_dict() for m in self.meldingen],
        }


@dataclass(frozen=True, slots=True)
class Heenbericht:
    """The message answered. Fields are None only when a rejected document did not show
    them."""

    berichttype: MessageType
    afzender: str | None
    ontvanger: str | None
    identificatie: str | None
    dagtekening: dt.date | None


@dataclass(frozen=True, slots=True)
class Retourbericht:
    berichttype: str  # e.g. "WMO325"
    identificatie: str
    dagtekening: dt.date
    heenbericht: Heenbericht
    header_meldingen: tuple[RetourMelding, ...]
    regels: tuple[RetourRegel, ...] = ()

    @property
    def status(self) -> Status:
        """Afgekeurd when the header or any line is."""
        rejected = any(m.retourcode is not Retourcode.GEEN_OPMERKING for m in self.header_meldingen)
        if rejected or any(r.status is Status.AFGEKEURD for r in self.regels):
            return Status.AFGEKEURD
        return Status.GOEDGEKEURD

    def to_dict(self) -> dict[str, Any]:
        heen = self.heenbericht
        return {
            "berichttype": self.berichttype,
            "identificatie": self.identificatie,
            "dagtekening": self.dagtekening.isoformat(),
            # the retour goes back: its afzender is the heenbericht's ontvanger
            "afzender": heen.ontvanger,
            "ontvanger": heen.afzender,
            "heenbericht": {
                "berichttype": heen.berichttype,
                "identificatie": heen.identificatie,
                "dagtekening": _iso(heen.dagtekening),
            },
            "status": self.status.value,
            "retourcodes": [m.to_dict() for m in self.header_meldingen],
            "regels": [r.to_dict() for r in self.regels],
        }


def build_retour_wmo306(
    bericht: Wmo305Bericht,
    uitkomsten: Sequence[Regeluitkomst],
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The WMO306 content for a start zorg message and the outcomes of ``check_wmo305``."""
    producten = bericht.client.start_producten
    _same_length(producten, uitkomsten)
    regels = tuple(
        _regel(u, Retourcode.GEEN_OPMERKING, begindatum=p.begindatum)
        for p, u in zip(producten, uitkomsten, strict=True)
    )
    return _retour("WMO305", bericht.header, regels, (), identificatie, dagtekening)


def build_retour_wmo308(
    bericht: Wmo307Bericht,
    uitkomsten: Sequence[Regeluitkomst],
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The WMO308 content for a stop zorg message and the outcomes of ``check_wmo307``."""
    producten = bericht.client.stop_producten
    _same_length(producten, uitkomsten)
    regels = tuple(
        _regel(u, Retourcode.GEEN_OPMERKING, begindatum=p.begindatum, einddatum=p.einddatum)
        for p, u in zip(producten, uitkomsten, strict=True)
    )
    return _retour("WMO307", bericht.header, regels, (), identificatie, dagtekening)


def build_retour_wmo316(
    bericht: Wmo315Bericht,
    uitkomsten: Sequence[Regeluitkomst],
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The WMO316 content for a verzoek om toewijzing and the outcomes of ``check_wmo315``:
    one line per AangevraagdProduct, its ReferentieAanbieder as the line's reference."""
    producten = bericht.client.aangevraagde_producten
    _same_length(producten, uitkomsten)
    regels = tuple(
        _regel(
            u,
            Retourcode.GEEN_OPMERKING,
            begindatum=p.toewijzing_ingangsdatum,
            einddatum=p.toewijzing_einddatum,
            referentienummer=p.referentie_aanbieder,
        )
        for p, u in zip(producten, uitkomsten, strict=True)
    )
    return _retour("WMO315", bericht.header, regels, (), identificatie, dagtekening)


def build_retour_wmo318(
    bericht: Wmo317Bericht,
    uitkomst: Regeluitkomst,
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The WMO318 content for a verzoek om wijziging and the outcome of ``check_wmo317``: one
    line, the verzoek, with its ReferentieAanbieder."""
    _same_length([bericht.client.verzoek], [uitkomst])
    regel = _regel(
        uitkomst,
        Retourcode.GEEN_OPMERKING,
        referentienummer=bericht.client.verzoek.referentie_aanbieder,
    )
    return _retour("WMO317", bericht.header, (regel,), (), identificatie, dagtekening)


def build_retour_wmo325(
    bericht: Wmo323Bericht,
    controle: Declaratiecontrole,
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The WMO325 content for a declaratie and the result of ``check_wmo323``. The no-show
    signaleringen are for the gemeente and stay out of the retour."""
    prestaties = [p for _, p in bericht.declaratie.prestaties]
    _same_length(prestaties, controle.uitkomsten)
    regels = tuple(
        _regel(
            u,
            Retourcode.DECLARATIE_TOEGEWEZEN,
            begindatum=p.productperiode.begindatum,
            einddatum=p.productperiode.einddatum,
            referentienummer=p.product_referentie.referentienummer,
        )
        for p, u in zip(prestaties, controle.uitkomsten, strict=True)
    )
    return _retour(
        "WMO323", bericht.header, regels, controle.bericht_afkeuringen, identificatie, dagtekening
    )


def build_retour_technisch(
    message_type: MessageType,
    xml: bytes,
    fouten: Sequence[SchemaFout],
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    """The retour for a document refused on its schema: 0001 on the header, one per error.
    The heenbericht's identification is read from the document where it can be found."""
    return Retourbericht(
        berichttype=RETOUR_VAN[message_type],
        identificatie=identificatie,
        dagtekening=dagtekening,
        heenbericht=_best_effort_heenbericht(message_type, xml),
        header_meldingen=tuple(
            RetourMelding(Retourcode.TECHNISCH_AFGEKEURD, f"regel {f.line}: {f.message}")
            for f in fouten
        )
        or (RetourMelding(Retourcode.TECHNISCH_AFGEKEURD),),
    )


def _retour(
    message_type: MessageType,
    header: Header,
    regels: tuple[RetourRegel, ...],
    bericht_afkeuringen: Sequence[Afkeuring],
    identificatie: str,
    dagtekening: dt.date,
) -> Retourbericht:
    return Retourbericht(
        berichttype=RETOUR_VAN[message_type],
        identificatie=identificatie,
        dagtekening=dagtekening,
        heenbericht=Heenbericht(
            berichttype=message_type,
            afzender=header.afzender,
            ontvanger=header.ontvanger,
            identificatie=header.berichtidentificatie.identificatie,
            dagtekening=header.berichtidentificatie.dagtekening,
        ),
        header_meldingen=tuple(_melding(a) for a in bericht_afkeuringen)
        or (RetourMelding(Retourcode.GEEN_OPMERKING),),
        regels=regels,
    )


def _regel(
    uitkomst: Regeluitkomst,
    akkoord: Retourcode,
    *,
    begindatum: dt.date | None = None,
    einddatum: dt.date | None = None,
    referentienummer: str | None = None,
) -> RetourRegel:
    return RetourRegel(
        index=uitkomst.index,
        bsn=uitkomst.bsn,
        toewijzingnummer=uitkomst.toewijzingnummer,
        status=Status.GOEDGEKEURD if uitkomst.goedgekeurd else Status.AFGEKEURD,
        meldingen=tuple(_melding(a) for a in uitkomst.afkeuringen) or (RetourMelding(akkoord),),
        begindatum=begindatum,
        einddatum=einddatum,
        referentienummer=referentienummer,
    )


def _melding(afkeuring: Afkeuring) -> RetourMelding:
    return RetourMelding(afkeuring.retourcode, afkeuring.reden, afkeuring.rule)


def _same_length(lines: Sequence[object], uitkomsten: Sequence[Regeluitkomst]) -> None:
    if len(lines) != len(uitkomsten) or any(u.index != i for i, u in enumerate(uitkomsten)):
        raise ValueError("de uitkomsten horen niet bij de regels van dit bericht")


def _best_effort_heenbericht(message_type: MessageType, xml: bytes) -> Heenbericht:
    root = parse_document(xml)
    if isinstance(root, list):
        return Heenbericht(message_type, None, None, None, None)

    def text(path: str) -> str | None:
        # unvalidated input: keep it short enough to store and show
        value = root.findtext(path)
        return value.strip()[:64] if isinstance(value, str) and value.strip() else None

    dagtekening: dt.date | None = None
    raw = text("{*}Header/{*}BerichtIdentificatie/{*}Dagtekening")
    if raw is not None:
        try:
            dagtekening = dt.date.fromisoformat(raw)
        except ValueError:
            dagtekening = None
    return Heenbericht(
        berichttype=message_type,
        afzender=text("{*}Header/{*}Afzender"),
        ontvanger=text("{*}Header/{*}Ontvanger"),
        identificatie=text("{*}Header/{*}BerichtIdentificatie/{*}Identificatie"),
        dagtekening=dagtekening,
    )


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()
