"""The onderzoek: the cliëntondersteuning notice before it starts (INT-02), the persoonlijk plan
(INT-14), the six questions in their order (INT-05) and the attunement facts (INT-11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from types import MappingProxyType

from wmo_intake.domain.bevinding import Toetsing
from wmo_intake.domain.fouten import ClientondersteuningNietVastgelegd
from wmo_intake.domain.termijnen import persoonlijk_plan_termijn
from wmo_intake.domain.werkdagen import STANDAARDKALENDER, Werkdagkalender, datum_nl
from wmo_shared.regels import Regel

# --- INT-02 / INT-15: cliëntondersteuning -------------------------------------------------


class Contactwijze(StrEnum):
    GESPREK = "gesprek"
    HUISBEZOEK = "huisbezoek"
    TELEFOON = "telefoon"
    BRIEF = "brief"
    EMAIL = "email"


class Mantelzorgergewezen(StrEnum):
    GEWEZEN = "gewezen"
    NIET_GEWEZEN = "niet_gewezen"
    GEEN_MANTELZORGER = "geen_mantelzorger"


@dataclass(frozen=True, slots=True)
class ClientondersteuningGewezen:
    """INT-02 record: when and how the client was told about free, independent
    cliëntondersteuning, whether they want it, and whether the mantelzorger was told too."""

    datum: dt.date
    wijze: Contactwijze
    client_wil_clientondersteuning: bool
    mantelzorger: Mantelzorgergewezen
    organisatie: str | None = None
    """The cliëntondersteuner's organisation when the client wants one (e.g. "MEE")."""


def toets_clientondersteuning(
    notitie: ClientondersteuningGewezen | None, onderzoek_start: dt.date | None = None
) -> Regel:
    """INT-02: the record that allows the onderzoek to start; raises
    ``ClientondersteuningNietVastgelegd`` when it is missing, incomplete or too late."""
    if notitie is None:
        raise ClientondersteuningNietVastgelegd(
            Regel(
                "INT-02",
                "Het onderzoek kan niet starten: er is niet vastgelegd dat de cliënt is gewezen "
                "op gratis onafhankelijke cliëntondersteuning (art. 2.3.2 lid 3 Wmo 2015). Leg "
                "vast wanneer en hoe dat is gebeurd en of de cliënt dat wil.",
            )
        )
    if notitie.mantelzorger is Mantelzorgergewezen.NIET_GEWEZEN:
        raise ClientondersteuningNietVastgelegd(
            Regel(
                "INT-02",
                "Het onderzoek kan niet starten: ook de mantelzorger moet vóór het onderzoek "
                "gewezen worden op gratis cliëntondersteuning (art. 2.3.2 lid 3 Wmo 2015).",
            )
        )
    if onderzoek_start is not None and notitie.datum > onderzoek_start:
        raise ClientondersteuningNietVastgelegd(
            Regel(
                "INT-02",
                f"De cliënt is pas op {datum_nl(notitie.datum)} gewezen op cliëntondersteuning, "
                f"na de start van het onderzoek op {datum_nl(onderzoek_start)}; dat moet "
                "vóór het onderzoek gebeuren.",
            )
        )
    wil = (
        f"wil cliëntondersteuning{f' ({notitie.organisatie})' if notitie.organisatie else ''}"
        if notitie.client_wil_clientondersteuning
        else "wil geen cliëntondersteuning"
    )
    mantelzorger = (
        " De mantelzorger is ook gewezen."
        if notitie.mantelzorger is Mantelzorgergewezen.GEWEZEN
        else ""
    )
    return Regel(
        "INT-02",
        f"Op {datum_nl(notitie.datum)} ({notitie.wijze.value}) is de cliënt gewezen op gratis "
        f"onafhankelijke cliëntondersteuning; de cliënt {wil}.{mantelzorger}",
    )


# --- INT-14: persoonlijk plan ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersoonlijkPlan:
    ontvangen: dt.date
    meegewogen: bool


def toets_persoonlijk_plan(
    plan: PersoonlijkPlan | None,
    melding_ontvangen: dt.date,
    *,
    kalender: Werkdagkalender = STANDAARDKALENDER,
) -> Toetsing:
    """INT-14: a plan handed in within seven days after the melding must be taken into account;
    a later plan may still be, but need not."""
    termijn = persoonlijk_plan_termijn(melding_ontvangen, kalender=kalender)
    if plan is None:
        return Toetsing(
            True,
            (
                Regel(
                    "INT-14",
                    "De cliënt heeft geen persoonlijk plan ingediend (mogelijk tot en met "
                    f"{datum_nl(termijn.uiterlijk)}).",
                ),
            ),
        )
    op_tijd = plan.ontvangen <= termijn.uiterlijk
    if op_tijd and not plan.meegewogen:
        return Toetsing(
            False,
            (
                Regel(
                    "INT-14",
                    f"Het persoonlijk plan kwam op tijd binnen ({datum_nl(plan.ontvangen)}) maar "
                    "is niet meegewogen; het onderzoek moet er rekening mee houden.",
                ),
            ),
            ("persoonlijk_plan",),
        )
    if op_tijd:
        tekst = (
            f"Het persoonlijk plan kwam op tijd binnen op {datum_nl(plan.ontvangen)} en is "
            "meegewogen in het onderzoek."
        )
    else:
        tekst = (
            f"Het persoonlijk plan kwam na de termijn binnen ({datum_nl(plan.ontvangen)}, "
            f"termijn tot en met {datum_nl(termijn.uiterlijk)}); meewegen mag, maar hoeft niet"
            f"{' en is gedaan' if plan.meegewogen else ''}."
        )
    return Toetsing(True, (Regel("INT-14", tekst),))


# --- INT-05: the six questions ----------------------------------------------------------------


class Onderzoeksvraag(StrEnum):
    HULPVRAAG = "hulpvraag"
    PROBLEMEN = "problemen"
    BENODIGDE_ONDERSTEUNING = "benodigde_ondersteuning"
    EIGEN_MOGELIJKHEDEN = "eigen_mogelijkheden"
    EXTERN_ADVIES = "extern_advies"
    CONCLUSIE = "conclusie"


ONDERZOEKSVRAGEN: tuple[Onderzoeksvraag, ...] = tuple(Onderzoeksvraag)

VRAAGTEKSTEN: Mapping[Onderzoeksvraag, str] = MappingProxyType(
    {
        Onderzoeksvraag.HULPVRAAG: "Wat is de hulpvraag?",
        Onderzoeksvraag.PROBLEMEN: "Welke problemen ondervindt de cliënt bij zelfredzaamheid en "
        "participatie, of bij het zich handhaven in de samenleving?",
        Onderzoeksvraag.BENODIGDE_ONDERSTEUNING: "Welke ondersteuning is naar aard en omvang "
        "nodig?",
        Onderzoeksvraag.EIGEN_MOGELIJKHEDEN: "In hoeverre bieden eigen mogelijkheden, "
        "gebruikelijke hulp, mantelzorg, het sociale netwerk, algemene voorzieningen of een "
        "voorliggende wet al een oplossing?",
        Onderzoeksvraag.EXTERN_ADVIES: "Is er voldoende informatie, of is extern (medisch) "
        "advies nodig?",
        Onderzoeksvraag.CONCLUSIE: "Is de hulpvraag daarna niet (volledig) opgelost en is er een "
        "passende Wmo-maatwerkvoorziening?",
    }
)


class ExternAdvies(StrEnum):
    NIET_NODIG = "niet_nodig"
    NODIG_ONTVANGEN = "nodig_ontvangen"
    NODIG_NIET_ONTVANGEN = "nodig_niet_ontvangen"


@dataclass(frozen=True, slots=True)
class Onderzoeksantwoord:
    vraag: Onderzoeksvraag
    antwoord: str


@dataclass(frozen=True, slots=True)
class Conclusie:
    """Question 6: what is left after steps 1-5, and whether a fitting Wmo voorziening exists."""

    hulpvraag_volledig_opgelost: bool
    passende_maatwerkvoorziening: bool


@dataclass(frozen=True, slots=True)
class Onderzoeksuitkomst:
    volledig: bool
    compensatieplicht: bool
    ontbrekend: tuple[Onderzoeksvraag, ...]
    regels: tuple[Regel, ...]


def toets_onderzoek(
    antwoorden: Sequence[Onderzoeksantwoord],
    conclusie: Conclusie | None,
    *,
    extern_advies: ExternAdvies,
) -> Onderzoeksuitkomst:
    """INT-05: all six questions answered, in order; compensatieplicht only when question 6
    leaves something unsolved for which a fitting maatwerkvoorziening exists."""
    regels: list[Regel] = []
    beantwoord = [a.vraag for a in antwoorden if a.antwoord.strip()]
    ontbrekend = [v for v in ONDERZOEKSVRAGEN if v not in beantwoord]
    if conclusie is None and Onderzoeksvraag.CONCLUSIE not in ontbrekend:
        ontbrekend.append(Onderzoeksvraag.CONCLUSIE)
    if (
        extern_advies is ExternAdvies.NODIG_NIET_ONTVANGEN
        and Onderzoeksvraag.EXTERN_ADVIES not in ontbrekend
    ):
        ontbrekend.append(Onderzoeksvraag.EXTERN_ADVIES)
        regels.append(
            Regel(
                "INT-05",
                "Er is extern (medisch) advies nodig, maar dat is nog niet ontvangen; vraag het "
                "op voordat het onderzoek wordt afgerond.",
            )
        )
    ontbrekend.sort(key=ONDERZOEKSVRAGEN.index)
    for vraag in ontbrekend:
        nummer = ONDERZOEKSVRAGEN.index(vraag) + 1
        regels.append(Regel("INT-05", f"Vraag {nummer} is niet beantwoord: {VRAAGTEKSTEN[vraag]}"))

    dubbel = sorted({v for v in beantwoord if beantwoord.count(v) > 1}, key=ONDERZOEKSVRAGEN.index)
    for vraag in dubbel:
        regels.append(
            Regel(
                "INT-05", f"Vraag {ONDERZOEKSVRAGEN.index(vraag) + 1} is meer dan eens beantwoord."
            )
        )
    volgorde_goed = all(
        ONDERZOEKSVRAGEN.index(a) < ONDERZOEKSVRAGEN.index(b) for a, b in pairwise(beantwoord)
    )
    if not volgorde_goed and not dubbel:
        regels.append(
            Regel(
                "INT-05",
                "De vragen zijn niet in de voorgeschreven volgorde beantwoord (1 hulpvraag, 2 "
                "problemen, 3 benodigde ondersteuning, 4 eigen mogelijkheden en voorliggende "
                "oplossingen, 5 extern advies, 6 conclusie).",
            )
        )
    volledig = not ontbrekend and not dubbel and volgorde_goed
    compensatieplicht = False
    if volledig and conclusie is not None:
        if conclusie.hulpvraag_volledig_opgelost:
            regels.append(
                Regel(
                    "INT-05",
                    "De hulpvraag is na de voorgaande stappen opgelost: er is geen "
                    "compensatieplicht en er wordt geen maatwerkvoorziening verstrekt.",
                )
            )
        elif not conclusie.passende_maatwerkvoorziening:
            regels.append(
                Regel(
                    "INT-05",
                    "Er blijft een probleem over, maar er is geen passende Wmo-"
                    "maatwerkvoorziening voor: geen compensatieplicht op grond van de Wmo. "
                    "Verwijs naar de passende voorliggende wet of voorziening.",
                )
            )
        else:
            compensatieplicht = True
            regels.append(
                Regel(
                    "INT-05",
                    "Na de voorgaande stappen blijft een deel van de hulpvraag onopgelost en er "
                    "is een passende maatwerkvoorziening: er is compensatieplicht. Het doel is "
                    "aanvaardbare participatie, niet precies de situatie van vroeger (INT-12).",
                )
            )
    return Onderzoeksuitkomst(volledig, compensatieplicht, tuple(ontbrekend), tuple(regels))


# --- INT-11: afstemmen ------------------------------------------------------------------------


class Afstemmingsfactor(StrEnum):
    """Art. 2.3.5 lid 5 Wmo 2015, onderdelen a-h."""

    OMSTANDIGHEDEN_EN_MOGELIJKHEDEN = "omstandigheden_en_mogelijkheden"
    ZORGVERZEKERINGSWET = "zorgverzekeringswet"
    JEUGDWET = "jeugdwet"
    ONDERWIJS = "onderwijs"
    BETAALD_WERK = "betaald_werk"
    SCHOLING = "scholing"
    PARTICIPATIEWET = "participatiewet"
    GEZINDHEID_LEVENSOVERTUIGING_CULTUUR = "gezindheid_levensovertuiging_cultuur"


AFSTEMMINGSTEKSTEN: Mapping[Afstemmingsfactor, str] = MappingProxyType(
    {
        Afstemmingsfactor.OMSTANDIGHEDEN_EN_MOGELIJKHEDEN: "de omstandigheden en mogelijkheden "
        "van de cliënt (eigen kracht, gebruikelijke hulp, mantelzorg, netwerk, algemene en "
        "eerder verstrekte Wmo-voorzieningen)",
        Afstemmingsfactor.ZORGVERZEKERINGSWET: "zorg en diensten op grond van de "
        "Zorgverzekeringswet",
        Afstemmingsfactor.JEUGDWET: "jeugdhulp op grond van de Jeugdwet",
        Afstemmingsfactor.ONDERWIJS: "onderwijs dat de cliënt volgt of zou kunnen volgen",
        Afstemmingsfactor.BETAALD_WERK: "betaalde werkzaamheden",
        Afstemmingsfactor.SCHOLING: "scholing die de cliënt volgt of kan volgen",
        Afstemmingsfactor.PARTICIPATIEWET: "ondersteuning op grond van de Participatiewet",
        Afstemmingsfactor.GEZINDHEID_LEVENSOVERTUIGING_CULTUUR: "de godsdienstige gezindheid, "
        "levensovertuiging en culturele achtergrond van de cliënt",
    }
)


@dataclass(frozen=True, slots=True)
class Afstemming:
    factor: Afstemmingsfactor
    van_toepassing: bool
    toelichting: str = ""


def toets_afstemming(afstemmingen: Sequence[Afstemming]) -> Toetsing:
    """INT-11: every factor of art. 2.3.5 lid 5 is looked at; each that applies is recorded
    with how the voorziening is attuned to it."""
    per_factor = {a.factor: a for a in afstemmingen}
    regels: list[Regel] = []
    ontbrekend: list[str] = []
    for factor in Afstemmingsfactor:
        tekst = AFSTEMMINGSTEKSTEN[factor]
        afstemming = per_factor.get(factor)
        if afstemming is None:
            ontbrekend.append(factor.value)
            regels.append(Regel("INT-11", f"Niet vastgelegd of afstemming nodig is op {tekst}."))
        elif afstemming.van_toepassing and not afstemming.toelichting.strip():
            ontbrekend.append(factor.value)
            regels.append(
                Regel(
                    "INT-11",
                    f"Afstemming op {tekst} is van toepassing maar niet beschreven: leg vast "
                    "hoe de voorziening daarop is afgestemd.",
                )
            )
        elif afstemming.van_toepassing:
            regels.append(Regel("INT-11", f"Afgestemd op {tekst}: {afstemming.toelichting}"))
    if not ontbrekend:
        regels.append(Regel("INT-11", "Alle afstemmingspunten van art. 2.3.5 lid 5 zijn bekeken."))
    return Toetsing(not ontbrekend, tuple(regels), tuple(ontbrekend))
