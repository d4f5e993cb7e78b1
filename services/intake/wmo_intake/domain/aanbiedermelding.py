"""What a provider reports about its opdracht (seed 001 Bijlage 2 §3.9–3.10, §6.3–6.7, §7.2,
§7.6), with its term from ``domain.termijnen`` and whether it came late: bijzonderheden and
changes in the situation (AAN-03), replacement (AAN-04), no-shows (AAN-05), incidents and
calamities (AAN-08), the crisis start (AAN-07), voortgangs- and eindrapportage (AAN-12, §6.7)
and signals about the resident (AAN-11: overloaded mantelzorg §3.9, unsafe situation §3.10).
``signaal``: the report goes into the gemeente's werkvoorraad for the case worker. Pure: the
moment of reporting (``gemeld``) is passed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wmo_intake.domain.opdracht import beoordeel_no_shows
from wmo_intake.domain.termijnen import (
    AMSTERDAM,
    bijzonderheden_meldtermijn,
    crisis_meldtermijn,
    crisis_starttermijn,
    incident_meldtermijn,
    tijdstip_nl,
    vervangingstermijn,
)
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

_EIND_VAN_DE_DAG = dt.time(23, 59, 59)


class Meldingsoort(StrEnum):
    BIJZONDERHEID = "bijzonderheid"
    VERVANGING = "vervanging"
    NO_SHOW = "no-show"
    INCIDENT = "incident"
    CRISISSTART = "crisisstart"
    VOORTGANGSRAPPORTAGE = "voortgangsrapportage"
    EINDRAPPORTAGE = "eindrapportage"
    SIGNAAL = "signaal"


RULE = {
    Meldingsoort.BIJZONDERHEID: "AAN-03",
    Meldingsoort.VERVANGING: "AAN-04",
    Meldingsoort.NO_SHOW: "AAN-05",
    Meldingsoort.INCIDENT: "AAN-08",
    Meldingsoort.CRISISSTART: "AAN-07",
    Meldingsoort.VOORTGANGSRAPPORTAGE: "AAN-12",
    Meldingsoort.EINDRAPPORTAGE: "AAN-12",
    Meldingsoort.SIGNAAL: "AAN-11",
}


@dataclass(frozen=True, slots=True)
class Beoordeling:
    uiterlijk: dt.datetime | None
    """The last moment the report was due (Europe/Amsterdam); None when it has no term."""
    te_laat: bool
    signaal: bool
    """The report goes into the werkvoorraad of the gemeente."""
    regels: tuple[Regel, ...]

    @property
    def werkdatum(self) -> dt.date | None:
        return self.uiterlijk.astimezone(AMSTERDAM).date() if self.uiterlijk else None


def _einde_dag(datum: dt.date) -> dt.datetime:
    return dt.datetime.combine(datum, _EIND_VAN_DE_DAG, tzinfo=AMSTERDAM)


def _laat(rule: str, gemeld: dt.datetime, uiterlijk: dt.datetime) -> tuple[bool, list[Regel]]:
    if gemeld <= uiterlijk:
        return False, []
    return True, [
        Regel(
            rule,
            f"De melding kwam binnen op {tijdstip_nl(gemeld)}, na de termijn "
            f"({tijdstip_nl(uiterlijk)}): zij staat als te laat in de werkvoorraad.",
        )
    ]


def bijzonderheid(
    plaatsgevonden: dt.date,
    geconstateerd: dt.date | None,
    gemeld: dt.datetime,
    *,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Beoordeling:
    """AAN-03: within five werkdagen after it took place or was noticed (``volgorde``)."""
    try:
        termijn = bijzonderheden_meldtermijn(plaatsgevonden, geconstateerd, kalender=kalender)
    except ValueError as exc:
        raise Weigering("volgorde", str(exc), veld="geconstateerd") from exc
    uiterlijk = _einde_dag(termijn.uiterlijk)
    te_laat, extra = _laat("AAN-03", gemeld, uiterlijk)
    return Beoordeling(uiterlijk, te_laat, te_laat, (*termijn.regels, *extra))


def vervanging(
    eerste_afwezigheidsdag: dt.date,
    vervanger_vanaf: dt.date | None,
    andere_oplossing: bool,
    gemeld: dt.datetime,
) -> Beoordeling:
    """AAN-04: a replacement works at the latest from the sixth day, unless another solution
    was agreed with the client or gemeente. Late: the replacement starts after the sixth day,
    or none is named and the sixth day has passed."""
    termijn = vervangingstermijn(eerste_afwezigheidsdag)
    if vervanger_vanaf is not None and vervanger_vanaf < eerste_afwezigheidsdag:
        raise Weigering(
            "volgorde",
            "De vervanger kan niet vóór de eerste afwezigheidsdag starten.",
            veld="vervangerVanaf",
        )
    uiterlijk = _einde_dag(termijn.uiterlijk)
    regels = list(termijn.regels)
    if andere_oplossing:
        regels.append(
            Regel(
                "AAN-04",
                "Met cliënt en/of gemeente is een andere oplossing "
                "afgesproken; de termijn van de zesde dag geldt niet.",
            )
        )
        return Beoordeling(uiterlijk, False, False, tuple(regels))
    if vervanger_vanaf is not None:
        te_laat = vervanger_vanaf > termijn.uiterlijk
        regels.append(
            Regel(
                "AAN-04",
                f"De vervanger werkt vanaf {datum_nl(vervanger_vanaf)}"
                + (": na de zesde dag, te laat." if te_laat else ": op tijd."),
            )
        )
    else:
        te_laat, extra = _laat("AAN-04", gemeld, uiterlijk)
        regels.extend(extra)
    return Beoordeling(uiterlijk, te_laat, te_laat, tuple(regels))


def no_show(aantal: int, toestemmingen: int, gemeld: dt.datetime) -> Beoordeling:
    """AAN-05: one no-show per period is declarable, more only with the gebiedsteam's recorded
    consent; three or more reach the gebiedsteam (a signal, no term)."""
    oordeel = beoordeel_no_shows(aantal, extra_toestemming_per_email=toestemmingen)
    return Beoordeling(None, False, oordeel.melden_aan_gebiedsteam, oordeel.regels)


def no_shows_declarabel(aantal: int, toestemmingen: int) -> int:
    """AAN-05 for a WMO323 that declares ``aantal`` no-shows of one client in one period: how
    many may be paid given the consents the gebiedsteam recorded for that period."""
    return beoordeel_no_shows(aantal, extra_toestemming_per_email=toestemmingen).declarabel


def incident(signaal_ontvangen: dt.datetime, calamiteit: bool, gemeld: dt.datetime) -> Beoordeling:
    """AAN-08: an incident within 48 hours after the signal; a calamiteit at once. Both reach
    the werkvoorraad: the safety of the client or the professional is at stake."""
    termijn = incident_meldtermijn(signaal_ontvangen, calamiteit=calamiteit)
    if gemeld < termijn.aanvang:
        raise Weigering(
            "volgorde",
            "Het signaal kan niet na de melding zijn ontvangen.",
            veld="signaalOntvangen",
        )
    te_laat, extra = (False, []) if calamiteit else _laat("AAN-08", gemeld, termijn.uiterlijk)
    return Beoordeling(termijn.uiterlijk, te_laat, True, (*termijn.regels, *extra))


def crisisstart(
    verzocht_op: dt.datetime | None,
    gestart_op: dt.datetime,
    zonder_opdracht: bool,
    gemeld: dt.datetime,
    *,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Beoordeling:
    """AAN-07: support starts within 24 hours of the request (``verzocht_op``, the opdracht's
    crisis request); started without opdracht on a non-working day, it is reported within 24
    hours or on the next werkdag (``geen-crisisopdracht``: neither)."""
    if gemeld < gestart_op:
        raise Weigering("volgorde", "De start ligt na de melding.", veld="gestartOp")
    if verzocht_op is None and not zonder_opdracht:
        raise Weigering(
            "geen-crisisopdracht",
            "De opdracht is geen crisisopdracht; een crisisstart zonder opdracht meldt u met "
            "zonderOpdracht.",
            veld="zonderOpdracht",
        )
    regels: list[Regel] = []
    te_laat = False
    uiterlijk: dt.datetime | None = None
    if verzocht_op is not None:
        start = crisis_starttermijn(verzocht_op)
        regels.extend(start.regels)
        uiterlijk = start.uiterlijk
        if gestart_op > start.uiterlijk:
            te_laat = True
            regels.append(
                Regel(
                    "AAN-07",
                    f"De ondersteuning startte op {tijdstip_nl(gestart_op)}: later "
                    "dan 24 uur na het verzoek.",
                )
            )
    if zonder_opdracht:
        melden = crisis_meldtermijn(gestart_op, kalender=kalender)
        regels.extend(melden.regels)
        uiterlijk = melden.uiterlijk
        laat, extra = _laat("AAN-07", gemeld, melden.uiterlijk)
        te_laat = te_laat or laat
        regels.extend(extra)
    return Beoordeling(uiterlijk, te_laat, te_laat, tuple(regels))


def rapportage(soort: Meldingsoort) -> Beoordeling:
    """AAN-12 (§6.7): a voortgangsrapportage when the gemeente asks for one, an eindrapportage
    at the end of the opdracht; the seed sets no term."""
    tekst = (
        "Voortgangsrapportage op verzoek van de gemeente (Bijlage 2 §6.7)."
        if soort is Meldingsoort.VOORTGANGSRAPPORTAGE
        else "Eindrapportage bij het einde van de dienstverleningsopdracht (Bijlage 2 §6.7)."
    )
    return Beoordeling(None, False, False, (Regel("AAN-12", tekst),))


def signaal(aard: str, waargenomen: dt.date) -> Beoordeling:
    """AAN-11: overloaded mantelzorg (§3.9) or a threat to the client's safety (§3.10, passed
    on without delay) reaches the case worker through the werkvoorraad."""
    tekst = (
        f"De aanbieder signaleerde op {datum_nl(waargenomen)} overbelasting van de mantelzorg "
        "(Bijlage 2 §3.9); het gebiedsteam beoordeelt wat nodig is."
        if aard == "mantelzorg-overbelast"
        else f"De aanbieder signaleerde op {datum_nl(waargenomen)} een bedreiging van de "
        "veiligheid van de cliënt (Bijlage 2 §3.10), onverwijld doorgeleid naar de gemeente."
    )
    return Beoordeling(_einde_dag(waargenomen), False, True, (Regel("AAN-11", tekst),))


def toets_meldbaar(opdracht_status: str) -> None:
    """AAN-13: a provider that refused the opdracht after the kennismaking does not deliver it,
    so it reports nothing more about it (409 ``opdracht-geweigerd``)."""
    if opdracht_status == "geweigerd":
        reden = "Over een geweigerde opdracht wordt niet meer gemeld."
        raise Weigering(
            "opdracht-geweigerd", reden, regels=[Regel("AAN-13", reden)], soort="conflict"
        )


def toets_af_te_handelen(afgehandeld: bool) -> None:
    """AAN-11: a signal leaves the werkvoorraad once, when the case worker handled it (409
    ``melding-afgehandeld``)."""
    if afgehandeld:
        reden = "De melding is al afgehandeld."
        raise Weigering(
            "melding-afgehandeld", reden, regels=[Regel("AAN-11", reden)], soort="conflict"
        )
