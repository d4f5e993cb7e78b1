"""Finding a cliënt (issue 14.2): which criteria a search has, how a name is normalised for the
trigram comparison, and when a search is refused. Pure: the query lives in ``db.clientzoeken``.

- ZOEK-01 a search names at least one criterion (naam, geboortedatum, postcode with huisnummer,
  BSN, zaakreferentie); an empty search is refused, so nobody lists a whole gemeente by it.
- ZOEK-02 a name is compared without case and accents, and ranked by how much of it matches
  (PostgreSQL ``pg_trgm`` word similarity), so a misspelled name still finds the person.
- ZOEK-03 an address is searched by postcode and huisnummer together.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from enum import StrEnum

from wmo_shared.regels import Regel
from wmo_shared.types import ascii_digits
from wmo_shared.weigering import Weigering

# The accented letters the stored normal form folds, and what they fold to. The database folds
# with ``translate(..)`` over the same two strings (an immutable expression for the index).
MET_ACCENT = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ"
ZONDER_ACCENT = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN"


class Criterium(StrEnum):
    NAAM = "naam"
    GEBOORTEDATUM = "geboortedatum"
    ADRES = "adres"
    BSN = "bsn"
    ZAAKREFERENTIE = "zaakreferentie"


class Referentiesoort(StrEnum):
    """What a zaakreferentie is: the id of a melding, aanvraag, beschikking, bezwaar or klacht,
    or the toewijzingnummer of an opdracht (iWmo)."""

    ID = "id"
    TOEWIJZINGNUMMER = "toewijzingnummer"


@dataclass(frozen=True, slots=True)
class Zaakreferentie:
    soort: Referentiesoort
    id: uuid.UUID | None = None
    nummer: int | None = None


def normaliseer_naam(naam: str) -> str:
    """ZOEK-02: lower case, accents folded, runs of white space as one space (what the stored
    ``zoeknaam`` holds for ``voornamen achternaam``)."""
    tabel = str.maketrans(MET_ACCENT, ZONDER_ACCENT)
    gevouwen = unicodedata.normalize("NFC", naam).translate(tabel).lower()
    return " ".join(gevouwen.split())


def criteria(
    *,
    naam: str | None,
    geboortedatum: object | None,
    postcode: str | None,
    huisnummer: str | None,
    bsn: str | None,
    zaakreferentie: str | None,
) -> tuple[Criterium, ...]:
    """The kinds of criteria given (ZOEK-01, ZOEK-03); the audit records these, never values."""
    if (postcode is None) != (huisnummer is None):
        veld = "huisnummer" if huisnummer is None else "postcode"
        raise Weigering(
            "adres-onvolledig",
            "Zoek op een adres met postcode én huisnummer.",
            veld=veld,
            regels=[Regel("ZOEK-03", "Een adres wordt gezocht op postcode en huisnummer samen.")],
        )
    if naam is not None and len(normaliseer_naam(naam)) < 2:
        raise Weigering(
            "naam-te-kort",
            "Een naam om op te zoeken heeft minstens twee letters.",
            veld="naam",
            regels=[Regel("ZOEK-02", "Een naam wordt vergeleken op groepjes van drie letters.")],
        )
    gegeven = [
        (Criterium.NAAM, naam),
        (Criterium.GEBOORTEDATUM, geboortedatum),
        (Criterium.ADRES, postcode),
        (Criterium.BSN, bsn),
        (Criterium.ZAAKREFERENTIE, zaakreferentie),
    ]
    soorten = tuple(c for c, waarde in gegeven if waarde is not None)
    if not soorten:
        raise Weigering(
            "zoekcriterium-ontbreekt",
            "Geef minstens één zoekcriterium: naam, geboortedatum, postcode en huisnummer, BSN "
            "of zaakreferentie.",
            veld="naam",
            regels=[Regel("ZOEK-01", "Een zoekopdracht noemt minstens één criterium.")],
        )
    return soorten


def lees_zaakreferentie(waarde: str) -> Zaakreferentie:
    """A uuid (melding, aanvraag, beschikking, bezwaar, klacht) or a toewijzingnummer."""
    tekst = waarde.strip()
    if ascii_digits(tekst) and len(tekst) <= 18:
        return Zaakreferentie(Referentiesoort.TOEWIJZINGNUMMER, nummer=int(tekst))
    try:
        return Zaakreferentie(Referentiesoort.ID, id=uuid.UUID(tekst))
    except ValueError as exc:
        raise Weigering(
            "ongeldige-zaakreferentie",
            "Een zaakreferentie is het id van een melding, aanvraag, beschikking, bezwaar of "
            "klacht, of het toewijzingnummer van een opdracht.",
            veld="zaakreferentie",
        ) from exc
