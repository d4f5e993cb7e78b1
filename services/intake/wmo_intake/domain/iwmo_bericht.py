"""Which iWmo 3.2 message a provider sent: intake takes a WMO305 (start), WMO307 (stop), WMO315
(verzoek om toewijzing), WMO317 (verzoek om wijziging) or WMO323 (declaratie), recognised by
the namespace of its schema."""

from __future__ import annotations

import re
from typing import Literal

from wmo_intake.domain.grenzen import MAX_IWMO_BERICHT_BYTES
from wmo_shared.weigering import Weigering

Berichtsoort = Literal["WMO305", "WMO307", "WMO315", "WMO317", "WMO323"]
ONDERSTEUND: tuple[Berichtsoort, ...] = ("WMO305", "WMO307", "WMO315", "WMO317", "WMO323")
_TYPE = re.compile(rb"http://www\.istandaarden\.nl/iwmo/3_2/(wmo\d{3})/schema")


def berichtsoort(xml: bytes) -> Berichtsoort:
    """The kind of message (``leeg`` without a body, ``te-groot`` above
    ``MAX_IWMO_BERICHT_BYTES``, ``onbekend-bericht`` for any other)."""
    if not xml.strip():
        raise Weigering("leeg", "Het bericht is leeg.", veld="body")
    if len(xml) > MAX_IWMO_BERICHT_BYTES:
        raise Weigering(
            "te-groot",
            f"Het bericht is {len(xml)} bytes; hoogstens {MAX_IWMO_BERICHT_BYTES}.",
            veld="body",
        )
    gevonden = _TYPE.search(xml[:2000])
    soort = gevonden.group(1).decode().upper() if gevonden else ""
    for ondersteund in ONDERSTEUND:
        if soort == ondersteund:
            return ondersteund
    raise Weigering(
        "onbekend-bericht",
        "Stuur een iWmo 3.2 WMO305, WMO307, WMO315, WMO317 of WMO323 (application/xml).",
        veld="body",
    )
