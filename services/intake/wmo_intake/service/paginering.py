"""Opaque cursors of the paginated lists and feeds. A cursor that does not decode is a 400
naming the parameter."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid

from wmo_shared.problems import invalid

# What a position or a rank can be: a bigint identity or number, and a word similarity x 1000
# (db.clientzoeken). Beyond them a cursor was not one of ours.
_MAX_POSITIE = 2**63 - 1
_MAX_RANG = 1000


def _ongeldig() -> Exception:
    return invalid("cursor", "Deze cursor is ongeldig.", "ongeldige-cursor")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(cursor: str) -> bytes:
    return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))


def positie_cursor(positie: int) -> str:
    """A position in an ordered list (toewijzingnummer, volgnummer)."""
    return _b64(f"v1:{positie}".encode())


def lees_positie(cursor: str) -> int:
    try:
        versie, _, positie = _unb64(cursor).decode().partition(":")
        if versie != "v1":
            raise ValueError(versie)
        waarde = int(positie)
        if not 0 <= waarde <= _MAX_POSITIE:
            raise ValueError(positie)
        return waarde
    except (ValueError, UnicodeDecodeError) as exc:
        raise _ongeldig() from exc


def termijn_cursor(uiterlijk: dt.date, soort: str, referentie: str) -> str:
    """A position in the werkvoorraad (deadline, kind, reference)."""
    return _b64(json.dumps((uiterlijk.isoformat(), soort, referentie)).encode())


def lees_termijn(cursor: str) -> tuple[dt.date, str, str]:
    try:
        datum, soort, referentie = json.loads(_unb64(cursor))
        return dt.date.fromisoformat(datum), str(soort), str(referentie)
    except (ValueError, TypeError) as exc:
        raise _ongeldig() from exc


def lees_termijn_id(cursor: str) -> tuple[dt.date, uuid.UUID]:
    """A ``termijn_cursor`` whose reference is an id (the iWmo-verzoeken by answer term)."""
    datum, _, referentie = lees_termijn(cursor)
    try:
        return datum, uuid.UUID(referentie)
    except ValueError as exc:
        raise _ongeldig() from exc


def sleutel_cursor(datum: dt.date, id_: uuid.UUID) -> str:
    """A position in a list ordered by a date and then the id (bezwaren, klachten)."""
    return _b64(json.dumps(("v1", datum.isoformat(), str(id_))).encode())


def lees_sleutel(cursor: str) -> tuple[dt.date, uuid.UUID]:
    try:
        versie, datum, id_ = json.loads(_unb64(cursor))
        if versie != "v1":
            raise ValueError(versie)
        return dt.date.fromisoformat(datum), uuid.UUID(id_)
    except (ValueError, TypeError) as exc:
        raise _ongeldig() from exc


def rang_cursor(rang: int, id_: str) -> str:
    """A position in a ranked list (rank, id): the search for cliënten."""
    return _b64(json.dumps((rang, id_)).encode())


def lees_rang(cursor: str) -> tuple[int, str]:
    try:
        rang, id_ = json.loads(_unb64(cursor))
        uuid.UUID(str(id_))
        if not 0 <= int(rang) <= _MAX_RANG:
            raise ValueError(rang)
        return int(rang), str(id_)
    except (ValueError, TypeError) as exc:
        raise _ongeldig() from exc


def lijst_cursor(posities: dict[str, str | None]) -> str:
    """A position in the destruction list (issue 14.5): per service still to ask, the cursor of
    its next page (None: its first page). A service that is done is left out."""
    return _b64(json.dumps(["l1", posities]).encode())


def lees_lijst(cursor: str, diensten: tuple[str, ...]) -> dict[str, str | None]:
    try:
        versie, posities = json.loads(_unb64(cursor))
        if versie != "l1" or not isinstance(posities, dict):
            raise ValueError(versie)
        for dienst, positie in posities.items():
            if dienst not in diensten or not (positie is None or isinstance(positie, str)):
                raise ValueError(dienst)
        return {d: posities[d] for d in diensten if d in posities}
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise _ongeldig() from exc
