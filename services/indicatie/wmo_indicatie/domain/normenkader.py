"""Which normenkader applies: the ``indicatie`` section of the policy in force for the caller's
gemeente on the peildatum. No default: a gemeente without one is refused with a reason that
says so (``geen-beleid-van-kracht``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_shared.policy import PolicyNotFound, PolicyRegistry
from wmo_shared.weigering import Weigering


@dataclass(frozen=True, slots=True)
class Normenkader:
    naam: str  # the policy's name, e.g. "ooststellingwerf-2023"
    policy: IndicatiePolicy


def kies_normenkader(registry: PolicyRegistry, gemeente: str, peildatum: dt.date) -> Normenkader:
    try:
        beleid = registry.in_force(gemeente, peildatum)
    except PolicyNotFound as exc:
        raise geen_beleid(str(exc)) from exc
    if not beleid.has_section(SECTION):
        raise geen_beleid(
            f"Het beleid '{beleid.meta.titel}' dat op {peildatum.isoformat()} voor gemeente "
            f"{gemeente} geldt, bevat geen normenkader voor de indicatiestelling begeleiding; "
            "een advies of indicatie volgens het normenkader is daar niet mogelijk."
        )
    return Normenkader(beleid.naam, beleid.section(SECTION, IndicatiePolicy))


def geen_beleid(reden: str) -> Weigering:
    return Weigering("geen-beleid-van-kracht", reden, veld="peildatum")
