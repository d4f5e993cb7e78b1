"""IND-07: individuele begeleiding plus / dagbesteding plus (seed 001 Bijlage 2 §1.4, §1.6;
Bijlage 6 §1).

Plus needs criterion 1 OR 2, and a profile the policy allows plus for (IND-05, IND-06):
1. zwaar probleemgedrag: the problems continuously affect daily functioning AND there is a risk
   to the safety of the client or others;
2. serious problems in thinking and perception: little grip on life AND little insight in what
   is needed AND little inhibition / unpredictability.
A combination of problems without 1 or 2 is no reason for plus. For individuele begeleiding plus
the seed adds three conditions: the client can change in those areas, the support adds to
zelfredzaamheid/participatie, and treatment was weighed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import product
from operator import attrgetter

from wmo_indicatie.domain.begrippen import Aard, Profiel
from wmo_indicatie.domain.policy import IndicatiePolicy, per_beleid
from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class PlusFeiten:
    # criterion 1
    probleemgedrag_continu: bool = False
    risico_veiligheid: bool = False
    # criterion 2
    weinig_regie: bool = False
    weinig_inzicht_in_behoefte: bool = False
    weinig_remmingen_of_onvoorspelbaar: bool = False
    # extra conditions for individuele begeleiding plus; None: not (yet) recorded
    kan_veranderen: bool | None = None
    draagt_bij_aan_zelfredzaamheid: bool | None = None
    behandeling_overwogen: bool | None = None

    @property
    def criterium_1(self) -> bool:
        return self.probleemgedrag_continu and self.risico_veiligheid

    @property
    def criterium_2(self) -> bool:
        return (
            self.weinig_regie
            and self.weinig_inzicht_in_behoefte
            and self.weinig_remmingen_of_onvoorspelbaar
        )

    @property
    def enig_signaal(self) -> bool:
        """Any single fact of criterion 1 or 2 (which alone is not enough)."""
        return any(
            (
                self.probleemgedrag_continu,
                self.risico_veiligheid,
                self.weinig_regie,
                self.weinig_inzicht_in_behoefte,
                self.weinig_remmingen_of_onvoorspelbaar,
            )
        )


class PlusStatus(StrEnum):
    MOGELIJK = "mogelijk"
    VOORWAARDEN_NOG_VASTSTELLEN = "voorwaarden_nog_vaststellen"
    NIET_MOGELIJK = "niet_mogelijk"


@fast_init
@dataclass(frozen=True, slots=True)
class PlusOordeel:
    profiel: Profiel
    status: PlusStatus
    profiel_staat_plus_toe: bool
    criterium_1: bool
    criterium_2: bool
    # individuele begeleiding only: names of the extra conditions not (yet) met, with
    # ``open_voorwaarden`` the ones not recorded and ``niet_vervuld`` the ones recorded False
    open_voorwaarden: tuple[str, ...]
    niet_vervuld: tuple[str, ...]
    regels: tuple[Regel, ...]

    @property
    def mogelijk(self) -> bool:
        return self.status is PlusStatus.MOGELIJK


_VOORWAARDEN = (
    ("kan_veranderen", "de cliënt heeft mogelijkheden om op deze gebieden te veranderen"),
    (
        "draagt_bij_aan_zelfredzaamheid",
        "de begeleiding draagt bij aan zelfredzaamheid en participatie",
    ),
    ("behandeling_overwogen", "afgewogen is of behandeling nog een mogelijkheid is"),
)


def plus_profielen(aard: Aard, policy: IndicatiePolicy) -> tuple[Profiel, ...]:
    if type(aard) is Aard:
        return per_beleid(policy, _alle_plus_profielen)[aard]
    return _plus_profielen(aard, policy)


def _alle_plus_profielen(policy: IndicatiePolicy) -> dict[Aard, tuple[Profiel, ...]]:
    return {aard: _plus_profielen(aard, policy) for aard in Aard}


def _plus_profielen(aard: Aard, policy: IndicatiePolicy) -> tuple[Profiel, ...]:
    return tuple(p for p in Profiel if p.aard is aard and policy.profiel(p).plus_toegestaan)


def beoordeel_plus(profiel: Profiel, feiten: PlusFeiten, policy: IndicatiePolicy) -> PlusOordeel:
    """The judgement depends on the profile, the eight facts and the policy alone: worked out
    once per policy for each of them (12 x 3^8 at most, as they come)."""
    feitelijk = _FEITEN(feiten)
    if type(profiel) is Profiel and tuple(map(type, feitelijk)) in _FEITTYPEN:
        oordelen = per_beleid(policy, _geen_oordelen)
        sleutel = (profiel, feitelijk)
        oordeel = oordelen.get(sleutel)
        if oordeel is None:
            oordeel = oordelen[sleutel] = _beoordeel_plus(profiel, feiten, policy)
        return oordeel
    return _beoordeel_plus(profiel, feiten, policy)


def _geen_oordelen(
    policy: IndicatiePolicy,
) -> dict[tuple[Profiel, tuple[bool | None, ...]], PlusOordeel]:
    """The table of one policy's judgements, filled as they are asked."""
    return {}


_FEITEN = attrgetter(
    "probleemgedrag_continu",
    "risico_veiligheid",
    "weinig_regie",
    "weinig_inzicht_in_behoefte",
    "weinig_remmingen_of_onvoorspelbaar",
    "kan_veranderen",
    "draagt_bij_aan_zelfredzaamheid",
    "behandeling_overwogen",
)
# The types the eight facts may have: each a bool or None. A fact of another type (not valid
# input) is judged as it comes: 1 would otherwise be found as True.
_FEITTYPEN = frozenset(product((bool, type(None)), repeat=8))


def _beoordeel_plus(profiel: Profiel, feiten: PlusFeiten, policy: IndicatiePolicy) -> PlusOordeel:
    regels: list[Regel] = []
    toegestaan = policy.profiel(profiel).plus_toegestaan
    c1, c2 = feiten.criterium_1, feiten.criterium_2

    if c1:
        regels.append(
            Regel(
                "IND-07",
                "Criterium 1 (zwaar probleemgedrag) is vervuld: de problemen hebben continu "
                "invloed op het dagelijks functioneren en er is risico voor de veiligheid.",
            )
        )
    if c2:
        regels.append(
            Regel(
                "IND-07",
                "Criterium 2 (ernstige problemen in denken en waarneming) is vervuld: weinig "
                "regie, weinig inzicht in wat nodig is en weinig remmingen of onvoorspelbaarheid.",
            )
        )
    if not (c1 or c2):
        if feiten.enig_signaal:
            zin = (
                "Er zijn signalen van zwaar probleemgedrag of problemen in denken en waarneming, "
                "maar criterium 1 of 2 is niet volledig vervuld; een combinatie van problematiek "
                "zonder criterium 1 of 2 is geen reden voor plus."
            )
        else:
            zin = "Criterium 1 (zwaar probleemgedrag) noch criterium 2 (ernstige problemen in "
            zin += "denken en waarneming) is vervuld; plus is niet aan de orde."
        regels.append(Regel("IND-07", zin))

    regel_id = "IND-05" if profiel.aard is Aard.INDIVIDUELE_BEGELEIDING else "IND-06"
    if toegestaan:
        regels.append(Regel(regel_id, f"Profiel {profiel} kan als plus worden ingezet."))
    else:
        anderen = ", ".join(plus_profielen(profiel.aard, policy))
        zin = f"Profiel {profiel} wordt niet als plus ingezet"
        zin += f" (plus kan bij {anderen})." if anderen else "."
        regels.append(Regel(regel_id, zin))

    open_voorwaarden: list[str] = []
    niet_vervuld: list[str] = []
    if profiel.aard is Aard.INDIVIDUELE_BEGELEIDING and (c1 or c2):
        for veld, omschrijving in _VOORWAARDEN:
            waarde = getattr(feiten, veld)
            if waarde is None:
                open_voorwaarden.append(veld)
                regels.append(
                    Regel("IND-07", f"Nog vast te leggen voor begeleiding plus: {omschrijving}.")
                )
            elif not waarde:
                niet_vervuld.append(veld)
                regels.append(
                    Regel("IND-07", f"Niet vervuld voor begeleiding plus: {omschrijving}.")
                )

    if not toegestaan or not (c1 or c2) or niet_vervuld:
        status = PlusStatus.NIET_MOGELIJK
    elif open_voorwaarden:
        status = PlusStatus.VOORWAARDEN_NOG_VASTSTELLEN
    else:
        status = PlusStatus.MOGELIJK
    return PlusOordeel(
        profiel=profiel,
        status=status,
        profiel_staat_plus_toe=toegestaan,
        criterium_1=c1,
        criterium_2=c2,
        open_voorwaarden=tuple(open_voorwaarden),
        niet_vervuld=tuple(niet_vervuld),
        regels=tuple(regels),
    )
