"""Contractuele termijnen of the provider (AAN-02..08, Beleidsregels Ooststellingwerf 2023,
bijlage 2): zorgplan, bijzonderheden, vervanging, opzegging, crisis and incidents. Counted as
the contract writes them; the Algemene termijnenwet does not apply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_intake.domain.termijnen.termijn import (
    AMSTERDAM,
    NaiefTijdstip,
    Termijn,
    Uurtermijn,
    _dagtermijn,
    tijdstip_nl,
)
from wmo_intake.domain.termijnen.termijndefinities import Termijnsoort
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel

_EIND_VAN_DE_DAG = dt.time(23, 59, 59)


def zorgplantermijn(opdracht_ontvangen: dt.date) -> Termijn:
    """AAN-02: the provider makes a zorgplan within six weeks after receiving the opdracht."""
    return _dagtermijn(
        Termijnsoort.ZORGPLAN,
        opdracht_ontvangen,
        42,
        "De aanbieder heeft de dienstverleningsopdracht ontvangen op "
        f"{datum_nl(opdracht_ontvangen)} en maakt binnen zes weken een zorgplan/"
        "ondersteuningsplan, dus uiterlijk op {einde}. Dit is een afspraak uit het contract; "
        "valt die dag in het weekend, dan schuift hij niet op.",
        STANDAARDKALENDER,
    )


def bijzonderheden_meldtermijn(
    plaatsgevonden: dt.date,
    geconstateerd: dt.date | None = None,
    *,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Termijn:
    """AAN-03: the provider reports events affecting delivery within five werkdagen after they
    took place or, when noticed later, after they were noticed."""
    if geconstateerd is not None and geconstateerd < plaatsgevonden:
        raise ValueError("een bijzonderheid kan niet vóór het plaatsvinden zijn geconstateerd")
    aanvang = geconstateerd or plaatsgevonden
    uiterlijk = kalender.plus_werkdagen(aanvang, 5)
    later = geconstateerd is not None and geconstateerd != plaatsgevonden
    vanaf = "het constateren" if later else "het plaatsvinden"
    regel = Regel(
        "AAN-03",
        f"De aanbieder meldt bijzonderheden die de zorglevering raken (zoals weigeren van zorg, "
        "opname in ziekenhuis of GGZ-instelling, langdurig verblijf in het buitenland) binnen "
        f"vijf werkdagen na {vanaf} op {datum_nl(aanvang)}: uiterlijk op {datum_nl(uiterlijk)}. "
        "Weekenden en feestdagen tellen niet mee.",
    )
    return Termijn(
        Termijnsoort.BIJZONDERHEDEN_MELDEN, "AAN-03", aanvang, uiterlijk, uiterlijk, (regel,)
    )


def vervangingstermijn(eerste_afwezigheidsdag: dt.date) -> Termijn:
    """AAN-04: during holidays or illness a replacement works at the latest from the 6th day."""
    zesde_dag = eerste_afwezigheidsdag + dt.timedelta(days=5)
    regel = Regel(
        "AAN-04",
        f"De vaste medewerker is afwezig vanaf {datum_nl(eerste_afwezigheidsdag)}; uiterlijk "
        f"vanaf de zesde dag, {datum_nl(zesde_dag)}, zet de aanbieder een vervanger in, tenzij "
        "met cliënt en/of gemeente een andere oplossing is afgesproken.",
    )
    return Termijn(
        Termijnsoort.VERVANGING, "AAN-04", eerste_afwezigheidsdag, zesde_dag, zesde_dag, (regel,)
    )


@dataclass(frozen=True, slots=True)
class Opzegtermijn:
    """AAN-06: the notice runs from ``ingang`` through ``einde``, the last day of delivery."""

    opgezegd_op: dt.date
    ingang: dt.date
    einde: dt.date
    verkort: bool
    regels: tuple[Regel, ...]


def _eerste_van_volgende_maand(datum: dt.date) -> dt.date:
    if datum.month == 12:
        return dt.date(datum.year + 1, 1, 1)
    return dt.date(datum.year, datum.month + 1, 1)


def opzegtermijn(opgezegd_op: dt.date, *, verkort_tot: dt.date | None = None) -> Opzegtermijn:
    """AAN-06: notice of one calendar month, starting on the first day of the month after the
    notice; the gemeente may shorten it (``verkort_tot`` = the new last day of delivery)."""
    ingang = _eerste_van_volgende_maand(opgezegd_op)
    einde = _eerste_van_volgende_maand(ingang) - dt.timedelta(days=1)
    regels = [
        Regel(
            "AAN-06",
            f"Opgezegd op {datum_nl(opgezegd_op)}: de opzegtermijn van een kalendermaand gaat in "
            f"op {datum_nl(ingang)} en eindigt op {datum_nl(einde)}; tot en met die dag loopt "
            "de ondersteuning door.",
        )
    ]
    verkort = False
    if verkort_tot is not None:
        if verkort_tot < opgezegd_op:
            raise ValueError("de verkorte einddatum ligt vóór de opzegging")
        if verkort_tot < einde:
            einde = verkort_tot
            verkort = True
            regels.append(
                Regel(
                    "AAN-06",
                    "De gemeente heeft de opzegtermijn op verzoek verkort; de ondersteuning "
                    f"eindigt op {datum_nl(einde)}.",
                )
            )
    return Opzegtermijn(opgezegd_op, ingang, einde, verkort, tuple(regels))


def _aware(tijdstip: dt.datetime, naam: str) -> dt.datetime:
    if tijdstip.tzinfo is None or tijdstip.utcoffset() is None:
        raise NaiefTijdstip(naam)
    return tijdstip.astimezone(AMSTERDAM)


def _plus_uren(tijdstip: dt.datetime, uren: int) -> dt.datetime:
    # Elapsed hours, not wall-clock hours: across a DST change 24 hours stay 24 hours.
    return (tijdstip.astimezone(dt.UTC) + dt.timedelta(hours=uren)).astimezone(AMSTERDAM)


def crisis_starttermijn(verzocht_op: dt.datetime) -> Uurtermijn:
    """AAN-07: in a crisis the provider starts the support within 24 hours of the request."""
    aanvang = _aware(verzocht_op, "verzocht_op")
    uiterlijk = _plus_uren(aanvang, 24)
    regel = Regel(
        "AAN-07",
        f"Crisis: de gemeente vroeg om ondersteuning op {tijdstip_nl(aanvang)}; de aanbieder "
        f"start binnen 24 uur, dus uiterlijk {tijdstip_nl(uiterlijk)}, ook in het weekend of op "
        "een feestdag.",
    )
    return Uurtermijn(Termijnsoort.CRISIS_START, "AAN-07", aanvang, uiterlijk, (regel,))


def crisis_meldtermijn(
    gestart_op: dt.datetime, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Uurtermijn:
    """AAN-07: crisis support started without opdracht (on a non-working day) is reported
    within 24 hours; when those 24 hours end on a non-working day, on the next werkdag."""
    aanvang = _aware(gestart_op, "gestart_op")
    uiterlijk = _plus_uren(aanvang, 24)
    tekst = (
        f"De aanbieder startte crisisondersteuning zonder opdracht op {tijdstip_nl(aanvang)} "
        "en meldt dit binnen 24 uur bij de gemeente"
    )
    if not kalender.is_werkdag(uiterlijk.date()):
        dag = kalender.eerstvolgende_werkdag(uiterlijk.date())
        uiterlijk = dt.datetime.combine(dag, _EIND_VAN_DE_DAG, tzinfo=AMSTERDAM)
        tekst += (
            "; die 24 uur eindigen op een dag waarop de gemeente niet werkt, dus de melding "
            f"moet er uiterlijk op de eerstvolgende werkdag zijn: {datum_nl(dag)}."
        )
    else:
        tekst += f": uiterlijk {tijdstip_nl(uiterlijk)}."
    regel = Regel("AAN-07", tekst)
    return Uurtermijn(Termijnsoort.CRISIS_MELDEN, "AAN-07", aanvang, uiterlijk, (regel,))


def incident_meldtermijn(signaal_ontvangen: dt.datetime, *, calamiteit: bool = False) -> Uurtermijn:
    """AAN-08: incidents or violence are e-mailed to the gemeente within 48 hours after the
    signal was received; a calamiteit is reported at once."""
    aanvang = _aware(signaal_ontvangen, "signaal_ontvangen")
    if calamiteit:
        regel = Regel(
            "AAN-08",
            "Bij een calamiteit informeert de aanbieder de gemeente waar de cliënt vandaan komt "
            f"direct, dus vanaf {tijdstip_nl(aanvang)} zonder uitstel.",
        )
        return Uurtermijn(Termijnsoort.INCIDENT_MELDEN, "AAN-08", aanvang, aanvang, (regel,))
    uiterlijk = _plus_uren(aanvang, 48)
    regel = Regel(
        "AAN-08",
        f"Het signaal van een incident of geweld kwam binnen op {tijdstip_nl(aanvang)}; de "
        "aanbieder mailt de gemeente een beschrijving binnen 48 uur, dus uiterlijk "
        f"{tijdstip_nl(uiterlijk)}.",
    )
    return Uurtermijn(Termijnsoort.INCIDENT_MELDEN, "AAN-08", aanvang, uiterlijk, (regel,))
