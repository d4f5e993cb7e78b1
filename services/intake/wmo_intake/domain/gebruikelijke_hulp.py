"""INT-07 gebruikelijke hulp: what a huisgenoot is expected to do in the household.

Seed 001 (Algemeen afwegingskader, "Gebruikelijke zorg en leeftijd"):
- a huisgenoot is someone who forms one household with the client (by family tie or by
  choice), judged on the facts (house number, utilities, front door); someone with a fully own
  and independent household is no huisgenoot;
- under 18: own room, small errands, helping with the dishes and the like;
- from 18: runs a multi-person household, also beside a full-time job;
- only when the huisgenoot is actually absent for seven days and nights are the tasks that
  cannot be postponed taken over; heavy and light cleaning can mostly wait;
- cleaning that cannot wait (regular spills of liquids and food) may be indicated despite the
  (partly) gebruikelijke hulp.
The seed gives only these two age bands (under 18 / from 18); it sets no lower age for the
small tasks, so ``minimumleeftijd_kleine_taken`` defaults to 0 and is a policy choice.
A huisgenoot who objectively cannot do a task (illness, limitation) owes no help with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

MEERDERJARIG = 18
AFWEZIGHEID_DAGEN_EN_NACHTEN = 7


class Relatie(StrEnum):
    PARTNER = "partner"
    OUDER = "ouder"
    KIND = "kind"
    ANDER_FAMILIELID = "ander_familielid"
    ANDERE_HUISGENOOT = "andere_huisgenoot"


class Taak(StrEnum):
    ZWAAR_HUISHOUDELIJK_WERK = "zwaar_huishoudelijk_werk"
    LICHT_HUISHOUDELIJK_WERK = "licht_huishoudelijk_werk"
    ONUITSTELBAAR_SCHOONMAKEN = "onuitstelbaar_schoonmaken"
    BOODSCHAPPEN = "boodschappen"
    KLEINE_BOODSCHAPPEN = "kleine_boodschappen"
    MAALTIJDEN = "maaltijden"
    WASVERZORGING = "wasverzorging"
    AFWAS = "afwas"
    EIGEN_KAMER = "eigen_kamer"


@dataclass(frozen=True, slots=True)
class Taakkenmerken:
    omschrijving: str
    uitstelbaar: bool
    klein: bool
    """A small task that huisgenoten under 18 are expected to do."""


# Heavy and light cleaning (and one's own room) can wait, per the seed; meals, groceries,
# laundry, dishes and spills cannot wait a week. That split for the latter is our reading.
TAKEN: Mapping[Taak, Taakkenmerken] = MappingProxyType(
    {
        Taak.ZWAAR_HUISHOUDELIJK_WERK: Taakkenmerken("zwaar huishoudelijk werk", True, False),
        Taak.LICHT_HUISHOUDELIJK_WERK: Taakkenmerken("licht huishoudelijk werk", True, False),
        Taak.ONUITSTELBAAR_SCHOONMAKEN: Taakkenmerken(
            "schoonmaken dat niet kan blijven liggen (regelmatig geknoei met vloeistoffen en eten)",
            False,
            False,
        ),
        Taak.BOODSCHAPPEN: Taakkenmerken("de (wekelijkse) boodschappen", False, False),
        Taak.KLEINE_BOODSCHAPPEN: Taakkenmerken("kleine boodschappen", False, True),
        Taak.MAALTIJDEN: Taakkenmerken("het bereiden van maaltijden", False, False),
        Taak.WASVERZORGING: Taakkenmerken("de wasverzorging", False, False),
        Taak.AFWAS: Taakkenmerken("helpen bij de afwas", False, True),
        Taak.EIGEN_KAMER: Taakkenmerken("de eigen kamer schoonhouden", True, True),
    }
)


class Gebruikelijkehulp(StrEnum):
    JA = "ja"
    """The huisgenoot is expected to do this task: no maatwerkvoorziening for it."""
    DEELS = "deels"
    """Gebruikelijke hulp applies, yet the part that cannot wait may be indicated."""
    NEE = "nee"
    """No gebruikelijke hulp for this task: a maatwerkvoorziening may be considered."""


@dataclass(frozen=True, slots=True)
class Huisgenoot:
    leeftijd: int
    relatie: Relatie
    aaneengesloten_afwezig: int = 0
    """Days and nights in a row the huisgenoot is actually away (work, admission, ...)."""
    werkt_voltijds: bool = False
    inwonend: bool = True
    """False when the person keeps a fully own, independent household (own front door,
    house number, utilities): then they are no huisgenoot."""
    niet_in_staat_tot: frozenset[Taak] = frozenset()
    """Tasks the huisgenoot objectively cannot do (own limitation, illness, overbelasting)."""


@dataclass(frozen=True, slots=True)
class Gebruikelijkehulpoordeel:
    uitkomst: Gebruikelijkehulp
    regels: tuple[Regel, ...]


def _oordeel(uitkomst: Gebruikelijkehulp, tekst: str) -> Gebruikelijkehulpoordeel:
    return Gebruikelijkehulpoordeel(uitkomst, (Regel("INT-07", tekst),))


def beoordeel_gebruikelijke_hulp(
    huisgenoot: Huisgenoot, taak: Taak, *, minimumleeftijd_kleine_taken: int = 0
) -> Gebruikelijkehulpoordeel:
    """INT-07 for one huisgenoot and one task."""
    kenmerken = TAKEN[taak]
    wie = f"De {huisgenoot.relatie.value.replace('_', ' ')} ({huisgenoot.leeftijd} jaar)"
    if not huisgenoot.inwonend:
        return _oordeel(
            Gebruikelijkehulp.NEE,
            f"{wie} voert een eigen, zelfstandige huishouding en is geen huisgenoot: er is geen "
            f"gebruikelijke hulp voor {kenmerken.omschrijving}.",
        )
    if huisgenoot.aaneengesloten_afwezig >= AFWEZIGHEID_DAGEN_EN_NACHTEN:
        if not kenmerken.uitstelbaar:
            return _oordeel(
                Gebruikelijkehulp.NEE,
                f"{wie} is {huisgenoot.aaneengesloten_afwezig} dagen en nachten achter elkaar "
                f"afwezig (7 of meer): {kenmerken.omschrijving} kan niet wachten en kan worden "
                "overgenomen.",
            )
        if huisgenoot.leeftijd >= MEERDERJARIG or kenmerken.klein:
            return _oordeel(
                Gebruikelijkehulp.JA,
                f"{wie} is {huisgenoot.aaneengesloten_afwezig} dagen en nachten afwezig, maar "
                f"{kenmerken.omschrijving} is uitstelbaar en kan wachten tot de terugkeer: "
                "gebruikelijke hulp.",
            )
    if taak in huisgenoot.niet_in_staat_tot:
        return _oordeel(
            Gebruikelijkehulp.NEE,
            f"{wie} is aantoonbaar niet in staat tot {kenmerken.omschrijving}: daarvoor geldt "
            "geen gebruikelijke hulp.",
        )
    if huisgenoot.leeftijd < MEERDERJARIG:
        if kenmerken.klein and huisgenoot.leeftijd >= minimumleeftijd_kleine_taken:
            return _oordeel(
                Gebruikelijkehulp.JA,
                f"{wie} is jonger dan 18; van een minderjarige huisgenoot wordt een bijdrage "
                f"verwacht zoals {kenmerken.omschrijving}: gebruikelijke hulp.",
            )
        return _oordeel(
            Gebruikelijkehulp.NEE,
            f"{wie} is jonger dan 18 en hoeft alleen kleine taken te doen (eigen kamer, kleine "
            f"boodschappen, helpen bij de afwas); {kenmerken.omschrijving} valt daar niet onder.",
        )
    baan = " Dat geldt ook naast een volledige baan." if huisgenoot.werkt_voltijds else ""
    afwezig = (
        f" Afwezigheid van {huisgenoot.aaneengesloten_afwezig} dagen en nachten is korter dan "
        "zeven: de taken worden niet overgenomen."
        if 0 < huisgenoot.aaneengesloten_afwezig < AFWEZIGHEID_DAGEN_EN_NACHTEN
        else ""
    )
    if taak is Taak.ONUITSTELBAAR_SCHOONMAKEN:
        return _oordeel(
            Gebruikelijkehulp.DEELS,
            f"{wie} is 18 of ouder en voert het huishouden, maar {kenmerken.omschrijving} moet "
            "direct gebeuren: dat deel kan ondanks de gebruikelijke hulp worden geïndiceerd."
            f"{baan}",
        )
    return _oordeel(
        Gebruikelijkehulp.JA,
        f"{wie} is 18 of ouder en wordt geacht een meerpersoonshuishouden te kunnen voeren, "
        f"inclusief {kenmerken.omschrijving}: gebruikelijke hulp.{baan}{afwezig}",
    )


def beoordeel_gebruikelijke_hulp_huishouden(
    huisgenoten: Sequence[Huisgenoot], taak: Taak, *, minimumleeftijd_kleine_taken: int = 0
) -> Gebruikelijkehulpoordeel:
    """INT-07 for the whole household: ``ja`` when any huisgenoot is expected to do the task,
    else ``deels`` when any owes part of it, else ``nee``."""
    if not huisgenoten:
        return _oordeel(
            Gebruikelijkehulp.NEE,
            f"Er zijn geen huisgenoten: er is geen gebruikelijke hulp voor "
            f"{TAKEN[taak].omschrijving}.",
        )
    oordelen = [
        beoordeel_gebruikelijke_hulp(
            h, taak, minimumleeftijd_kleine_taken=minimumleeftijd_kleine_taken
        )
        for h in huisgenoten
    ]
    volgorde = (Gebruikelijkehulp.JA, Gebruikelijkehulp.DEELS, Gebruikelijkehulp.NEE)
    uitkomst = min((o.uitkomst for o in oordelen), key=volgorde.index)
    regels = tuple(r for o in oordelen for r in o.regels)
    return Gebruikelijkehulpoordeel(uitkomst, regels)


def toets_huisgenotenbron(met_client: bool, met_huisgenoten: bool) -> None:
    """The household is either the stored huisgenoten of a client or the ones given, never
    both or neither (``een-van-beide``)."""
    if met_client == met_huisgenoten:
        raise Weigering(
            "een-van-beide",
            "Geef óf clientId (de vastgelegde huisgenoten) óf huisgenoten mee, niet beide.",
            veld="clientId",
        )
