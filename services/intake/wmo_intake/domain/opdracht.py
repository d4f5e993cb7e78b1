"""The dienstverleningsopdracht to the provider (seed 001 bijlage 2 par. 6): when it may go out
and what it must hold (AAN-01), the provider's answer and obligations (AAN-02, AAN-06, AAN-07)
and how no-shows may be declared (AAN-05)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from wmo_intake.domain.bevinding import Toetsing
from wmo_intake.domain.datums import niet_in_de_toekomst, tussen
from wmo_intake.domain.termijnen import Opzegtermijn, opzegtermijn
from wmo_shared.regels import Regel
from wmo_shared.types import is_valid_bsn
from wmo_shared.weigering import Weigering

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


# --- when an opdracht may go out and what the provider may do with it -------------------------


def toets_in_natura(leveringsvorm: str) -> None:
    """Only a voorziening in natura (zin) goes to a provider (``geen-zin``)."""
    if leveringsvorm != "zin":
        raise Weigering(
            "geen-zin",
            "Alleen een voorziening in natura (zin) gaat als opdracht naar een aanbieder.",
            veld="maatwerkvoorzieningId",
        )


def toets_verstrekbaar(beschikking_verzonden: bool, loopt_al: bool, agb: str | None) -> str:
    """The opdracht follows the sent beschikking (409 ``beschikking-niet-verzonden``), once per
    voorziening (409 ``opdracht-bestaat-al``), to a named provider; returns its AGB code."""
    if not beschikking_verzonden:
        raise Weigering(
            "beschikking-niet-verzonden",
            "De beschikking is nog niet verzonden; de opdracht volgt op de verzonden beschikking.",
            soort="conflict",
        )
    if loopt_al:
        raise Weigering(
            "opdracht-bestaat-al",
            "Voor deze maatwerkvoorziening loopt al een opdracht.",
            soort="conflict",
        )
    if agb is None:
        raise Weigering("verplicht", "Noem de aanbieder (AGB-code).", veld="aanbiederAgb")
    return agb


def toets_volledig(opdracht: Dienstverleningsopdracht) -> None:
    """AAN-01 (``opdracht-onvolledig``): every required part is there, each missing one named."""
    toets = toets_opdracht(opdracht)
    if toets.voldaan:
        return
    reden = "De dienstverleningsopdracht is onvolledig (AAN-01): " + "; ".join(
        r.toelichting for r in toets.regels
    )
    raise Weigering(
        "opdracht-onvolledig",
        reden,
        velden=[
            (veld, r.toelichting) for veld, r in zip(toets.ontbrekend, toets.regels, strict=False)
        ],
        regels=[Regel("AAN-01", reden)],
    )


def toets_crisis(crisis: bool, verzocht_op: dt.datetime | None) -> None:
    """AAN-07: on crisis the time support was asked for starts the 24 hours (``verplicht``)."""
    if crisis and verzocht_op is None:
        raise Weigering(
            "verplicht", "Bij crisis: wanneer is om ondersteuning gevraagd?", veld="verzochtOp"
        )


def toets_reactie(status: str, datum: dt.date, verstrekt: dt.date, vandaag: dt.date) -> None:
    """The provider answers once (409 ``opdracht-beantwoord``), on or after the opdracht."""
    if status != "verstrekt":
        raise Weigering(
            "opdracht-beantwoord",
            f"De opdracht is al beantwoord (status '{status}').",
            soort="conflict",
        )
    tussen("datum", datum, verstrekt, vandaag, "De datum ligt vóór de opdracht of in de toekomst.")


def toets_zorgplan(status: str, ontvangstdatum: dt.date, vandaag: dt.date) -> None:
    """AAN-02: a zorgplan belongs to an accepted opdracht (409 ``opdracht-niet-geaccepteerd``)."""
    if status != "geaccepteerd":
        raise Weigering(
            "opdracht-niet-geaccepteerd",
            f"Een zorgplan hoort bij een geaccepteerde opdracht (status '{status}').",
            soort="conflict",
        )
    niet_in_de_toekomst("ontvangstdatum", ontvangstdatum, vandaag)


def toets_opzegbaar(status: str, al_opgezegd: bool) -> None:
    """AAN-06: only a running opdracht is cancelled (409 ``opdracht-niet-lopend``)."""
    if status != "geaccepteerd" or al_opgezegd:
        raise Weigering(
            "opdracht-niet-lopend",
            f"Alleen een lopende opdracht kan worden opgezegd (status '{status}').",
            soort="conflict",
        )


def opzegging(opgezegd_op: dt.date, verkort_tot: dt.date | None) -> Opzegtermijn:
    """AAN-06: the notice period, shortened by the gemeente never to before the notice
    (``volgorde``)."""
    try:
        return opzegtermijn(opgezegd_op, verkort_tot=verkort_tot)
    except ValueError as exc:
        raise Weigering(
            "volgorde", str(exc), veld="verkortTot", regels=[Regel("AAN-06", str(exc))]
        ) from exc


# iWmo eenheid (WMO757) of an omvang → finance's unit of a tariff, and how many of the omvang's
# units make one of finance's units (minutes priced per hour: 60).
_TARIEFEENHEID = {
    "04": ("uur", 1),
    "01": ("uur", 60),
    "16": ("dagdeel", 1),
    "14": ("etmaal", 1),
    "82": ("stuk", 1),
    "84": ("stuk", 1),
}


def tarief_per_eenheid(
    zin_tarief: Decimal | None, tariefeenheid: str, omvangeenheid: str | None
) -> Decimal | None:
    """FIN-13: the contract tariff in euros per unit of the omvang (None when there is no
    tariff in natura or its unit does not fit the omvang's)."""
    if zin_tarief is None or omvangeenheid is None or omvangeenheid not in _TARIEFEENHEID:
        return None
    eenheid, per = _TARIEFEENHEID[omvangeenheid]
    if tariefeenheid != eenheid:
        return None
    return zin_tarief / per
