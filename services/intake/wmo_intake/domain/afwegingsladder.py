"""INT-06 the afwegingsladder: eigen kracht → algemeen gebruikelijke voorziening → gebruikelijke
hulp → mantelzorg → sociaal netwerk → algemene voorziening → voorliggende wet →
maatwerkvoorziening. A maatwerkvoorziening only for what every earlier step leaves unsolved,
and then the goedkoopst adequate one among those that fit (seed 001 "Algemeen afwegingskader",
art. 2.3.5 lid 3 Wmo 2015; seed 002 art. 8)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from wmo_shared.regels import Regel


class Trede(StrEnum):
    EIGEN_KRACHT = "eigen_kracht"
    ALGEMEEN_GEBRUIKELIJKE_VOORZIENING = "algemeen_gebruikelijke_voorziening"
    GEBRUIKELIJKE_HULP = "gebruikelijke_hulp"
    MANTELZORG = "mantelzorg"
    SOCIAAL_NETWERK = "sociaal_netwerk"
    ALGEMENE_VOORZIENING = "algemene_voorziening"
    VOORLIGGENDE_WET = "voorliggende_wet"
    MAATWERKVOORZIENING = "maatwerkvoorziening"


LADDER: tuple[Trede, ...] = tuple(Trede)
VOORLIGGENDE_TREDEN: tuple[Trede, ...] = LADDER[:-1]

TREDETEKSTEN: Mapping[Trede, str] = MappingProxyType(
    {
        Trede.EIGEN_KRACHT: "eigen kracht",
        Trede.ALGEMEEN_GEBRUIKELIJKE_VOORZIENING: "een algemeen gebruikelijke voorziening",
        Trede.GEBRUIKELIJKE_HULP: "gebruikelijke hulp van huisgenoten",
        Trede.MANTELZORG: "mantelzorg",
        Trede.SOCIAAL_NETWERK: "het sociale netwerk",
        Trede.ALGEMENE_VOORZIENING: "een algemene voorziening",
        Trede.VOORLIGGENDE_WET: "een voorliggende wet (Zvw, Jeugdwet, Wlz, Participatiewet)",
        Trede.MAATWERKVOORZIENING: "een maatwerkvoorziening",
    }
)


@dataclass(frozen=True, slots=True)
class Tredebijdrage:
    """What one step of the ladder solves, as found in the onderzoek. ``lost_op`` names parts
    of the hulpvraag (the caller's own labels, e.g. "schoonmaken", "boodschappen")."""

    trede: Trede
    lost_op: frozenset[str]
    toelichting: str = ""


class Ladderconclusie(StrEnum):
    GEEN_MAATWERK = "geen_maatwerk"
    MAATWERK = "maatwerk"
    ONVOLLEDIG = "onvolledig"


@dataclass(frozen=True, slots=True)
class Ladderuitkomst:
    conclusie: Ladderconclusie
    resterend: tuple[str, ...]
    """The parts of the hulpvraag a maatwerkvoorziening is for."""
    opgelost_door: tuple[tuple[str, Trede], ...]
    niet_onderzocht: tuple[Trede, ...]
    regels: tuple[Regel, ...]


def doorloop_afwegingsladder(
    hulpvraag: Sequence[str], bijdragen: Sequence[Tredebijdrage]
) -> Ladderuitkomst:
    """Credit each part of the hulpvraag to the first step (in ladder order) that solves it;
    what no step solves is left for a maatwerkvoorziening. While something is left, every
    earlier step must have been looked at, or the outcome is ``onvolledig``."""
    if any(b.trede is Trede.MAATWERKVOORZIENING for b in bijdragen):
        raise ValueError("de maatwerkvoorziening is de uitkomst van de ladder, geen bijdrage")
    per_trede: dict[Trede, list[Tredebijdrage]] = {}
    for bijdrage in bijdragen:
        per_trede.setdefault(bijdrage.trede, []).append(bijdrage)
    regels: list[Regel] = []
    open_delen = list(dict.fromkeys(hulpvraag))
    opgelost: list[tuple[str, Trede]] = []
    for trede in VOORLIGGENDE_TREDEN:
        for bijdrage in per_trede.get(trede, []):
            hier = [d for d in open_delen if d in bijdrage.lost_op]
            onbekend = sorted(bijdrage.lost_op - set(hulpvraag))
            if onbekend:
                regels.append(
                    Regel(
                        "INT-06",
                        f"{', '.join(onbekend)} hoort niet bij de hulpvraag en telt niet mee.",
                    )
                )
            if not hier:
                continue
            open_delen = [d for d in open_delen if d not in hier]
            opgelost.extend((d, trede) for d in hier)
            extra = ""
            if trede is Trede.MANTELZORG:
                extra = " Mantelzorg is vrijwillig: alleen wat de mantelzorger wil en kan telt mee."
            uitleg = f" ({bijdrage.toelichting})" if bijdrage.toelichting else ""
            regels.append(
                Regel(
                    "INT-06",
                    f"Opgelost met {TREDETEKSTEN[trede]}{uitleg}: {', '.join(hier)}.{extra}",
                )
            )
    niet_onderzocht = tuple(t for t in VOORLIGGENDE_TREDEN if t not in per_trede)
    if not open_delen:
        conclusie = Ladderconclusie.GEEN_MAATWERK
        regels.append(
            Regel(
                "INT-06",
                "De hele hulpvraag is opgelost vóór de maatwerkvoorziening: er is geen "
                "maatwerkvoorziening nodig.",
            )
        )
    elif niet_onderzocht:
        conclusie = Ladderconclusie.ONVOLLEDIG
        regels.append(
            Regel(
                "INT-06",
                "Nog niet onderzocht: "
                f"{', '.join(TREDETEKSTEN[t] for t in niet_onderzocht)}. Een maatwerkvoorziening "
                "kan pas als alle eerdere treden van de afwegingsladder zijn bekeken.",
            )
        )
    else:
        conclusie = Ladderconclusie.MAATWERK
        regels.append(
            Regel(
                "INT-06",
                "Alle eerdere treden zijn bekeken; een maatwerkvoorziening is nodig voor wat "
                f"overblijft: {', '.join(open_delen)}.",
            )
        )
    return Ladderuitkomst(
        conclusie,
        tuple(open_delen) if conclusie is not Ladderconclusie.GEEN_MAATWERK else (),
        tuple(opgelost),
        niet_onderzocht,
        tuple(regels),
    )


@dataclass(frozen=True, slots=True)
class Maatwerkoptie:
    """A fitting candidate. ``kosten`` over the same period for every option (e.g. the whole
    expected duration), so they can be compared."""

    naam: str
    kosten: Decimal
    dekt: frozenset[str]
    passend: bool = True
    """The professional's judgement that it fits the client's persoonskenmerken."""


@dataclass(frozen=True, slots=True)
class Keuze:
    gekozen: Maatwerkoptie | None
    adequaat: tuple[Maatwerkoptie, ...]
    regels: tuple[Regel, ...]


def kies_goedkoopst_adequaat(opties: Sequence[Maatwerkoptie], resterend: Sequence[str]) -> Keuze:
    """INT-06: among the options that fit and cover everything that is left, the cheapest.
    On equal cost the first one given wins (stated in the toelichting)."""
    nodig = frozenset(resterend)
    adequaat = tuple(o for o in opties if o.passend and nodig <= o.dekt)
    regels: list[Regel] = []
    for optie in opties:
        if optie not in adequaat:
            mist = sorted(nodig - optie.dekt)
            reden = f"dekt niet: {', '.join(mist)}" if mist else "past niet bij de cliënt"
            regels.append(Regel("INT-06", f"{optie.naam} is niet adequaat ({reden})."))
    if not adequaat:
        regels.append(
            Regel(
                "INT-06",
                "Geen van de opties compenseert alles wat overblijft: zoek een passende "
                "combinatie of andere voorziening.",
            )
        )
        return Keuze(None, (), tuple(regels))
    gekozen = min(adequaat, key=lambda o: o.kosten)
    gelijk = [o for o in adequaat if o.kosten == gekozen.kosten and o is not gekozen]
    tekst = (
        f"{gekozen.naam} is de goedkoopst adequate voorziening (€ {gekozen.kosten:.2f}) van "
        f"{len(adequaat)} adequate optie(s)."
    )
    if gelijk:
        tekst += f" Even duur: {', '.join(o.naam for o in gelijk)}; de eerst genoemde is gekozen."
    regels.append(Regel("INT-06", tekst))
    return Keuze(gekozen, adequaat, tuple(regels))
