"""The cursor of the SVB toekenningen feed: an opaque token for "after volgnummer n". A cursor
the feed did not hand out is refused (code ``cursor``), never read as the start."""

from __future__ import annotations

import base64
import binascii

from wmo_shared.weigering import Weigering

_PREFIX = "svb1:"
_MAX_VOLGNUMMER = 2**63 - 1  # the feed's bigint identity


def encode_cursor(volgnummer: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{volgnummer}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        waarde = int(raw[len(_PREFIX) :])
        if not 0 <= waarde <= _MAX_VOLGNUMMER:
            raise ValueError(raw)
        return waarde
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise Weigering(
            "cursor",
            "Deze cursor is onbekend; gebruik de volgendeCursor van een pagina.",
            veld="cursor",
        ) from exc
