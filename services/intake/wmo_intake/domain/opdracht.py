"""The dienstverleningsopdracht to the provider (seed 001 bijlage 2 par. 6): what it must hold
(AAN-01) and how no-shows may be declared (AAN-05)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from wmo_intake.domain.bevinding import Toetsing
from wmo_shared.regels import Regel
from wmo_shared.types import is_valid_bsn

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Dienstverleningsopdracht:
    """As entered; every field may still be missing."""

    bsn: str | None = None
    naam: str | None = None
    adres: str | None = None
    telefoonnummer: str | None = None
    emailadres: str | None = None
    doelen: tuple[str, ...] = ()
    begindatum: dt.date | None = None
    einddatum: dt.date | None = None
    omvang: Decimal | None = None
    omvangeenheid: str | None = None
    """E.g. "uur per week", "dagdelen per week"."""
    productcode: str | None = None


def _leeg(waarde: str | None) -> bool:
    return waarde is None or not waarde.strip()


def toets_opdracht(opdracht: Dienstverleningsopdracht) -> Toetsing:
    """AAN-01: the opdracht holds at least BSN; name, address, phone and e-mail; goals; start
    and end date; omvang; productcode. ``ontbrekend`` lists missing or invalid field names."""
    gebreken: list[tuple[str, str]] = []
    if _leeg(opdracht.bsn):
        gebreken.append(("bsn", "het BSN van de inwoner ontbreekt"))
    elif opdracht.bsn is not None and not is_valid_bsn(opdracht.bsn.strip()):
        gebreken.append(("bsn", "het BSN is ongeldig (9 cijfers die aan de elfproef voldoen)"))
    for veld, omschrijving in (
        ("naam", "de naam"),
        ("adres", "het adres"),
        ("telefoonnummer", "het telefoonnummer"),
        ("emailadres", "het e-mailadres"),
    ):
        if _leeg(getattr(opdracht, veld)):
            gebreken.append((veld, f"{omschrijving} ontbreekt"))
    if (
        opdracht.emailadres
        and opdracht.emailadres.strip()
        and not _EMAIL.fullmatch(opdracht.emailadres.strip())
    ):
        gebreken.append(("emailadres", "het e-mailadres is ongeldig"))
    if not any(d.strip() for d in opdracht.doelen):
        gebreken.append(("doelen", "de doelen van de opdracht ontbreken"))
    if opdracht.begindatum is None:
        gebreken.append(("begindatum", "de begindatum ontbreekt"))
    if opdracht.einddatum is None:
        gebreken.append(("einddatum", "de einddatum ontbreekt"))
    elif opdracht.begindatum is not None and opdracht.einddatum < opdracht.begindatum:
        gebreken.append(("einddatum", "de einddatum ligt vóór de begindatum"))
    if opdracht.omvang is None or _leeg(opdracht.omvangeenheid):
        gebreken.append(("omvang", "de omvang (aantal en eenheid) ontbreekt"))
    elif opdracht.omvang <= 0:
        gebreken.append(("omvang", "de omvang moet groter dan nul zijn"))
    if _leeg(opdracht.productcode):
        gebreken.append(("productcode", "de productcode ontbreekt"))

    if not gebreken:
        return Toetsing(
            True,
            (Regel("AAN-01", "De dienstverleningsopdracht bevat alle verplichte gegevens."),),
        )
    regels = tuple(
        Regel("AAN-01", f"De dienstverleningsopdracht is onvolledig: {reden}.")
        for _, reden in gebreken
    )
    return Toetsing(False, regels, tuple(dict.fromkeys(veld for veld, _ in gebreken)))


@dataclass(frozen=True, slots=True)
class NoShowOordeel:
    declarabel: int
    """Time units the provider may declare for these no-shows."""
    niet_declarabel: int
    melden_aan_gebiedsteam: bool
    regels: tuple[Regel, ...]


MELDGRENS_NO_SHOWS = 3


def beoordeel_no_shows(aantal: int, *, extra_toestemming_per_email: int = 0) -> NoShowOordeel:
    """AAN-05 for one client in one period: one no-show (one time unit) may be declared;
    further ones only with the gebiedsteam's explicit consent by e-mail; three or more are
    reported to the gebiedsteam."""
    if aantal < 0 or extra_toestemming_per_email < 0:
        raise ValueError("aantallen kunnen niet negatief zijn")
    eerste = min(aantal, 1)
    extra = min(extra_toestemming_per_email, max(aantal - 1, 0))
    declarabel = eerste + extra
    regels = []
    if aantal == 0:
        regels.append(Regel("AAN-05", "Geen no-shows in deze periode."))
    else:
        tekst = (
            f"{aantal} no-show(s) in deze periode: de eerste mag als één tijdseenheid worden "
            "gedeclareerd"
        )
        if aantal > 1:
            tekst += (
                f"; van de volgende {aantal - 1} zijn er {extra} gedeclareerd met uitdrukkelijke "
                "toestemming van het gebiedsteam per e-mail"
            )
        regels.append(Regel("AAN-05", f"{tekst}. Declarabel: {declarabel}."))
    melden = aantal >= MELDGRENS_NO_SHOWS
    if melden:
        regels.append(
            Regel(
                "AAN-05",
                f"Er waren {aantal} no-shows bij deze cliënt in één periode (3 of meer): de "
                "aanbieder meldt dit bij het gebiedsteam.",
            )
        )
    return NoShowOordeel(declarabel, aantal - declarabel, melden, tuple(regels))
