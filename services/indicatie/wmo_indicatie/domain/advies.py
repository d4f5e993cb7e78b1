"""The advice for a consulent after the onderzoek (seed 001 Bijlage 6 §6): aard, best fitting
profile(s) ranked with reasons, band and proposed omvang, plus yes/no and why, and duur with a
review date. Every step explains itself with rule IDs and says how sure it is; the normenkader
is a hulpmiddel, never a keurslijf, so nothing here is a decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from wmo_indicatie.domain.aard import AardOordeel, stel_aard_voor
from wmo_indicatie.domain.begrippen import (
    Aard,
    AardKeuze,
    DuurCategorie,
    Omvangklasse,
    Profiel,
    Zekerheid,
)
from wmo_indicatie.domain.dagdelen import DagdeelOordeel, bepaal_dagdeelklasse
from wmo_indicatie.domain.duur import DuurVoorstel, bepaal_duur, stel_duurcategorie_voor
from wmo_indicatie.domain.gerichtheid import GerichtheidOordeel, bepaal_gerichtheid
from wmo_indicatie.domain.kenmerken import (
    Gedrag,
    KenmerkEffect,
    Kenmerken,
    kenmerkeffecten_met_regels,
)
from wmo_indicatie.domain.levensdomeinen import (
    LevensdomeinenOordeel,
    LevensdomeinScore,
    beoordeel_levensdomeinen,
)
from wmo_indicatie.domain.omvang import Netwerk, OmvangVoorstel, stel_omvang_voor
from wmo_indicatie.domain.plus import PlusFeiten, PlusOordeel, beoordeel_plus, plus_profielen
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.rangschikking import Rangorde, rangschik
from wmo_indicatie.domain.resultaatgebieden import (
    Resultaatgebied,
    ResultaatgebiedenOordeel,
    beoordeel_resultaatgebieden,
)
from wmo_shared.regels import Regel, rule_ids


@dataclass(frozen=True, slots=True)
class Onderzoeksgegevens:
    """What the onderzoek found. Everything but the scores may be unknown."""

    levensdomeinen: tuple[LevensdomeinScore, ...] = ()
    kenmerken: Kenmerken = field(default_factory=Kenmerken)
    plusfeiten: PlusFeiten = field(default_factory=PlusFeiten)
    resultaatgebieden: frozenset[Resultaatgebied] = frozenset()
    netwerk: Netwerk | None = None
    # choices the consulent already made; the advice then builds on them
    aard: AardKeuze | None = None
    omvangklasse: Omvangklasse | None = None  # individuele begeleiding only
    duurcategorie: DuurCategorie | None = None


class Deeladvies(NamedTuple):  # built on every advice: see ``Advies``
    """The advice for one aard."""

    aard: Aard
    profiel: Profiel  # == rangorde.beste.profiel
    zekerheid: Zekerheid  # of the profile choice
    gerichtheid: GerichtheidOordeel
    dagdelen: DagdeelOordeel | None  # dagbesteding only (IND-09)
    rangorde: Rangorde
    omvang: OmvangVoorstel
    plus: PlusOordeel
    duur: DuurVoorstel
    regels: tuple[Regel, ...]


class Advies(NamedTuple):
    """The advice. It and the parts built anew for every advice (``Deeladvies``, ``Rangorde``
    with its ``ProfielScore``s, ``DuurVoorstel``, ``AardOordeel``, ``LevensdomeinenOordeel``) are
    NamedTuples: immutable, with the fields and repr of the frozen dataclasses they were (compared
    as tuples), and built in about half the time. The judgements kept in tables stay
    dataclasses."""

    aard: AardOordeel
    individuele_begeleiding: Deeladvies | None
    dagbesteding: Deeladvies | None
    levensdomeinen: LevensdomeinenOordeel
    resultaatgebieden: ResultaatgebiedenOordeel
    kenmerken: tuple[KenmerkEffect, ...]
    regels: tuple[Regel, ...]  # every step's sentences in order

    @property
    def rule_ids(self) -> list[str]:
        return list(rule_ids(self.regels))

    @property
    def deeladviezen(self) -> tuple[Deeladvies, ...]:
        return tuple(d for d in (self.individuele_begeleiding, self.dagbesteding) if d)


def adviseer(gegevens: Onderzoeksgegevens, begindatum: dt.date, policy: IndicatiePolicy) -> Advies:
    """The full advice. ``begindatum`` is the intended start of the indicatie (the review date
    is counted from it); the clock is never read."""
    domeinen = beoordeel_levensdomeinen(gegevens.levensdomeinen)
    resultaten = beoordeel_resultaatgebieden(gegevens.resultaatgebieden)
    effecten, kenmerkregels = kenmerkeffecten_met_regels(gegevens.kenmerken)
    gekozen = gegevens.resultaatgebieden
    if type(gekozen) is not frozenset:
        gekozen = frozenset(resultaten.gekozen)
    # else the same areas, as far as membership of a Resultaatgebied goes (all it is asked)
    aard = stel_aard_voor(domeinen, gekozen, gegevens.kenmerken, gegevens.aard)
    aarden = aard.aard.aarden
    regels: list[Regel] = [
        *domeinen.regels,
        *kenmerkregels,
        *resultaten.regels,
        *aard.regels,
    ]
    aantallen = (domeinen.aantal_belemmerd, resultaten.aantal)
    ib = db = None
    if _IB in aarden:
        ib = _deeladvies(_IB, gegevens, aantallen, begindatum, policy)
        regels += ib.regels
    if _DB in aarden:
        db = _deeladvies(_DB, gegevens, aantallen, begindatum, policy)
        regels += db.regels
    return Advies(aard, ib, db, domeinen, resultaten, effecten, tuple(regels))


# Enum members as module names: reading them from their class is slow on Python 3.11.
_IB, _DB = Aard.INDIVIDUELE_BEGELEIDING, Aard.DAGBESTEDING
_ZWAAR_PROBLEEMGEDRAG = Gedrag.ZWAAR_PROBLEEMGEDRAG
_DUUR_GEKOZEN = Regel("IND-11", "De consulent heeft de duurcategorie gekozen.")


def _deeladvies(
    aard: Aard,
    gegevens: Onderzoeksgegevens,
    aantallen: tuple[int, int],  # limited life domains (IND-01), chosen result areas (IND-03)
    begindatum: dt.date,
    policy: IndicatiePolicy,
) -> Deeladvies:
    k = gegevens.kenmerken
    feiten = gegevens.plusfeiten
    gerichtheid = bepaal_gerichtheid(k, aard)
    dagdelen = bepaal_dagdeelklasse(k) if aard is _DB else None
    criteria = feiten.criterium_1 or feiten.criterium_2
    rangorde = rangschik(
        aard,
        k,
        gerichtheid,
        dagdelen,
        aantallen,
        criteria or k.gedrag is _ZWAAR_PROBLEEMGEDRAG,
        gegevens.omvangklasse if aard is _IB else None,
        policy,
    )
    profiel = rangorde.profielen[0].profiel
    omvang = stel_omvang_voor(profiel, gegevens.netwerk, policy)
    plus = beoordeel_plus(profiel, feiten, policy)
    if not plus.profiel_staat_plus_toe and criteria:
        anderen = ", ".join(plus_profielen(aard, policy))
        zin = (
            f"De criteria voor plus zijn vervuld, maar {profiel} staat plus niet toe; "
            f"overweeg {anderen}. Ter beoordeling van de consulent."
        )
        plus = replace(plus, regels=(*plus.regels, Regel("IND-07", zin)))

    if gegevens.duurcategorie is not None:
        duur = bepaal_duur(gegevens.duurcategorie, begindatum, policy, waarom=(_DUUR_GEKOZEN,))
    else:
        categorie, zekerheid, waarom = stel_duurcategorie_voor(profiel, k)
        duur = bepaal_duur(categorie, begindatum, policy, zekerheid=zekerheid, waarom=waarom)

    regels: list[Regel] = [
        *gerichtheid.regels,
        *(dagdelen.regels if dagdelen else ()),
        *rangorde.regels,
        *omvang.regels,
        *plus.regels,
        *duur.regels,
    ]
    return Deeladvies(
        aard,
        profiel,
        rangorde.zekerheid,
        gerichtheid,
        dagdelen,
        rangorde,
        omvang,
        plus,
        duur,
        tuple(regels),
    )
