"""Termijnen (deadlines) of the intake: each function takes the date or moment that starts a
term and returns the last day (or moment) with its rule ID and a toelichting.

Whether the Algemene termijnenwet (Atw) applies is decided per term in ``TERMIJNDEFINITIES``:
the Atw applies to terms set in a wet (Wmo 2015, Awb); the AAN terms come from the contract with
providers (Beleidsregels Ooststellingwerf 2023, bijlage 2) and are counted as written there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo

from wmo_intake.domain.werkdagen import (
    STANDAARDKALENDER,
    Werkdagkalender,
    datum_nl,
    pas_termijnenwet_toe,
)
from wmo_shared.regels import Regel

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_EIND_VAN_DE_DAG = dt.time(23, 59, 59)
WAARSCHUWINGSDAGEN = 5


class Termijnsoort(StrEnum):
    ONDERZOEK = "onderzoek"
    PERSOONLIJK_PLAN = "persoonlijk_plan"
    BESCHIKKING = "beschikking"
    BEZWAAR = "bezwaar"
    ZORGPLAN = "zorgplan"
    BIJZONDERHEDEN_MELDEN = "bijzonderheden_melden"
    VERVANGING = "vervanging"
    OPZEGGING = "opzegging"
    CRISIS_START = "crisis_start"
    CRISIS_MELDEN = "crisis_melden"
    INCIDENT_MELDEN = "incident_melden"


class Termijnstatus(StrEnum):
    """Werkvoorraad signal for a deadline on a peildatum."""

    OP_TIJD = "op_tijd"
    BINNEN_5_DAGEN = "binnen_5_dagen"
    VERLOPEN = "verlopen"


@dataclass(frozen=True, slots=True)
class Termijndefinitie:
    """What a term is, where it comes from, and whether the Atw applies (and why)."""

    soort: Termijnsoort
    rule: str
    omschrijving: str
    grondslag: str
    algemene_termijnenwet: bool
    keuze_termijnenwet: str


_WET = "Wettelijke termijn: de Algemene termijnenwet is van toepassing."
_CONTRACT = (
    "Contractuele termijn (overeenkomst met de aanbieder): de Algemene termijnenwet geldt alleen "
    "voor termijnen in een wet en wordt hier niet toegepast."
)

TERMIJNDEFINITIES: Mapping[Termijnsoort, Termijndefinitie] = MappingProxyType(
    {
        d.soort: d
        for d in (
            Termijndefinitie(
                Termijnsoort.ONDERZOEK,
                "INT-01",
                "zes weken (42 dagen) na ontvangst van de melding",
                "art. 2.3.2 lid 1 Wmo 2015",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.PERSOONLIJK_PLAN,
                "INT-14",
                "zeven dagen na de melding",
                "art. 2.3.2 lid 2 Wmo 2015",
                True,
                _WET + " Ook art. 2 (minstens twee werkdagen in de termijn) kan hier spelen.",
            ),
            Termijndefinitie(
                Termijnsoort.BESCHIKKING,
                "INT-03",
                "twee weken (14 dagen) na ontvangst van de aanvraag",
                "art. 2.3.5 lid 1 Wmo 2015",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.BEZWAAR,
                "INT-04",
                "zes weken, te rekenen vanaf de dag na verzending van de beschikking",
                "art. 6:7 en 6:8 Awb",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.ZORGPLAN,
                "AAN-02",
                "zes weken na ontvangst van de dienstverleningsopdracht",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.2",
                False,
                _CONTRACT,
            ),
            Termijndefinitie(
                Termijnsoort.BIJZONDERHEDEN_MELDEN,
                "AAN-03",
                "vijf werkdagen na het plaatsvinden of constateren van de bijzonderheid",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.3",
                False,
                "Geteld in werkdagen, dus de termijn eindigt altijd op een werkdag.",
            ),
            Termijndefinitie(
                Termijnsoort.VERVANGING,
                "AAN-04",
                "vervanging uiterlijk vanaf de zesde dag van vakantie of ziekte",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.4",
                False,
                _CONTRACT + " De leveringsplicht loopt ook in het weekend door.",
            ),
            Termijndefinitie(
                Termijnsoort.OPZEGGING,
                "AAN-06",
                "één kalendermaand, ingaand op de eerste dag van de maand na de opzegging",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.5",
                False,
                "Geen termijn om iets te doen maar de einddatum van de zorg; de Algemene "
                "termijnenwet is niet van toepassing.",
            ),
            Termijndefinitie(
                Termijnsoort.CRISIS_START,
                "AAN-07",
                "start van de ondersteuning binnen 24 uur",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.6",
                False,
                "Termijn in uren, ook in het weekend: crisisondersteuning wacht niet op een "
                "werkdag.",
            ),
            Termijndefinitie(
                Termijnsoort.CRISIS_MELDEN,
                "AAN-07",
                "melding binnen 24 uur, en als die termijn op een niet-werkdag eindigt op de "
                "eerstvolgende werkdag",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.6",
                False,
                "De bijlage verschuift de melding zelf naar de eerstvolgende werkdag; de "
                "Algemene termijnenwet is niet nodig.",
            ),
            Termijndefinitie(
                Termijnsoort.INCIDENT_MELDEN,
                "AAN-08",
                "melding binnen 48 uur na ontvangst van het signaal; een calamiteit direct",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.2",
                False,
                "Termijn in uren, per e-mail; er is geen verschuiving naar een werkdag.",
            ),
        )
    }
)


@dataclass(frozen=True, slots=True)
class Termijn:
    """A term counted in days: on time up to and including ``uiterlijk``."""

    soort: Termijnsoort
    rule: str
    aanvang: dt.date
    uiterlijk: dt.date
    berekend_einde: dt.date
    regels: tuple[Regel, ...]

    @property
    def verlengd(self) -> bool:
        """True when the Atw moved the last day."""
        return self.uiterlijk != self.berekend_einde


@dataclass(frozen=True, slots=True)
class Uurtermijn:
    """A term counted in hours: on time up to and including ``uiterlijk`` (Europe/Amsterdam)."""

    soort: Termijnsoort
    rule: str
    aanvang: dt.datetime
    uiterlijk: dt.datetime
    regels: tuple[Regel, ...]

    @property
    def uiterlijk_datum(self) -> dt.date:
        return self.uiterlijk.astimezone(AMSTERDAM).date()


@dataclass(frozen=True, slots=True)
class Opzegtermijn:
    """AAN-06: the notice runs from ``ingang`` through ``einde``, the last day of delivery."""

    opgezegd_op: dt.date
    ingang: dt.date
    einde: dt.date
    verkort: bool
    regels: tuple[Regel, ...]


class NaiefTijdstip(ValueError):
    """An hour term needs a moment with a time zone (the service passes aware datetimes)."""

    def __init__(self, naam: str) -> None:
        super().__init__(f"{naam} heeft geen tijdzone; geef een tijdstip met tijdzone mee")


def tijdstip_nl(tijdstip: dt.datetime) -> str:
    lokaal = tijdstip.astimezone(AMSTERDAM)
    return f"{datum_nl(lokaal.date())} om {lokaal:%H:%M}"


def _dagtermijn(
    soort: Termijnsoort,
    aanvang: dt.date,
    dagen: int,
    uitleg: str,
    kalender: Werkdagkalender,
) -> Termijn:
    definitie = TERMIJNDEFINITIES[soort]
    einde = aanvang + dt.timedelta(days=dagen)
    regels = [Regel(definitie.rule, uitleg.format(einde=datum_nl(einde)))]
    uiterlijk = einde
    if definitie.algemene_termijnenwet:
        atw = pas_termijnenwet_toe(aanvang, einde, kalender)
        uiterlijk = atw.einde
        regels.extend(Regel(definitie.rule, t) for t in atw.toelichtingen)
    return Termijn(soort, definitie.rule, aanvang, uiterlijk, einde, tuple(regels))


def onderzoekstermijn(
    melding_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-01: the onderzoek is finished within six weeks after the melding was received."""
    return _dagtermijn(
        Termijnsoort.ONDERZOEK,
        melding_ontvangen,
        42,
        f"De melding is ontvangen op {datum_nl(melding_ontvangen)}; het onderzoek moet binnen "
        "zes weken klaar zijn, dus uiterlijk op {einde} (art. 2.3.2 lid 1 Wmo 2015).",
        kalender,
    )


def persoonlijk_plan_termijn(
    melding_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-14: the client may hand in a persoonlijk plan within seven days after the melding."""
    return _dagtermijn(
        Termijnsoort.PERSOONLIJK_PLAN,
        melding_ontvangen,
        7,
        "De cliënt mag binnen zeven dagen na de melding een persoonlijk plan indienen, dus tot "
        "en met {einde}; het onderzoek houdt rekening met dat plan (art. 2.3.2 lid 2 Wmo 2015).",
        kalender,
    )


def beslistermijn(
    aanvraag_ontvangen: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-03: the beschikking follows within two weeks after the aanvraag was received."""
    return _dagtermijn(
        Termijnsoort.BESCHIKKING,
        aanvraag_ontvangen,
        14,
        f"De aanvraag is ontvangen op {datum_nl(aanvraag_ontvangen)}; de beschikking moet "
        "binnen twee weken volgen, dus uiterlijk op {einde} (art. 2.3.5 lid 1 Wmo 2015).",
        kalender,
    )


def bezwaartermijn(
    beschikking_verzonden: dt.date, *, kalender: Werkdagkalender = STANDAARDKALENDER
) -> Termijn:
    """INT-04: bezwaar within six weeks, counted from the day after the beschikking was sent."""
    termijn = _dagtermijn(
        Termijnsoort.BEZWAAR,
        beschikking_verzonden,
        42,
        f"De beschikking is verzonden op {datum_nl(beschikking_verzonden)}; de bezwaartermijn "
        "van zes weken begint de dag erna en loopt tot en met {einde} (art. 6:7 en 6:8 Awb). "
        "De beschikking vermeldt deze termijn.",
        kalender,
    )
    per_post = Regel(
        "INT-04",
        "Een bezwaarschrift dat per post is verstuurd, is ook op tijd als het vóór het einde van "
        "de termijn is verzonden en uiterlijk een week daarna binnenkomt (art. 6:9 Awb).",
    )
    return Termijn(
        termijn.soort,
        termijn.rule,
        termijn.aanvang,
        termijn.uiterlijk,
        termijn.berekend_einde,
        (*termijn.regels, per_post),
    )


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


def termijnstatus(uiterlijk: dt.date, peildatum: dt.date) -> Termijnstatus:
    """Werkvoorraad signal: ``verlopen`` after the last day; ``binnen_5_dagen`` when the last
    day is the peildatum or one of the next five calendar days; else ``op_tijd``."""
    resterend = (uiterlijk - peildatum).days
    if resterend < 0:
        return Termijnstatus.VERLOPEN
    if resterend <= WAARSCHUWINGSDAGEN:
        return Termijnstatus.BINNEN_5_DAGEN
    return Termijnstatus.OP_TIJD
