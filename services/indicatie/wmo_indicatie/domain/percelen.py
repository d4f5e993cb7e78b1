"""IND-13: the percelen (ondersteuningsvormen) of seed 001 BIJLAGE 2 with their limits: minimum
staff level, group size per begeleider and, for activerende groepsbegeleiding, a maximum duur.
The catalogue's numbers are policy (``indicatie.yaml``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Aard, Perceel
from wmo_indicatie.domain.datums import laatste_dag_na_maanden
from wmo_indicatie.domain.policy import IndicatiePolicy, Perceelbeleid
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class PerceelInfo:
    perceel: Perceel
    aard: Aard | None
    plus: bool
    opleidingsniveau: str
    groepsgrootte_per_begeleider: int | None
    groepsgrootte_maximaal: bool  # False: a guideline (richtlijn)
    maximale_duur_maanden: int | None
    regels: tuple[Regel, ...]


def perceel_info(perceel: Perceel, policy: IndicatiePolicy) -> PerceelInfo | None:
    """The catalogue entry with its limits in Dutch; ``None`` when the policy lacks it."""
    beleid = policy.percelen.get(perceel)
    if beleid is None:
        return None
    naam = perceel.omschrijving.capitalize()
    regels = [
        Regel(
            "IND-13",
            f"{naam}: opleidingsniveau {beleid.opleidingsniveau[0].lower()}"
            f"{beleid.opleidingsniveau[1:]}.",
        )
    ]
    if beleid.groepsgrootte is not None:
        soort = "maximaal" if beleid.groepsgrootte.maximaal else "richtlijn"
        regels.append(
            Regel(
                "IND-13",
                f"{naam}: groepsgrootte {soort} {beleid.groepsgrootte.per_begeleider} personen "
                "per begeleider.",
            )
        )
    if beleid.maximale_duur_maanden is not None:
        regels.append(
            Regel(
                "IND-13",
                f"{naam} kan voor maximaal {notatie.maanden(beleid.maximale_duur_maanden)} "
                "worden ingezet.",
            )
        )
    return PerceelInfo(
        perceel=perceel,
        aard=beleid.aard,
        plus=beleid.plus,
        opleidingsniveau=beleid.opleidingsniveau,
        groepsgrootte_per_begeleider=(
            beleid.groepsgrootte.per_begeleider if beleid.groepsgrootte else None
        ),
        groepsgrootte_maximaal=bool(beleid.groepsgrootte and beleid.groepsgrootte.maximaal),
        maximale_duur_maanden=beleid.maximale_duur_maanden,
        regels=tuple(regels),
    )


def percelen_voor(aard: Aard, plus: bool, policy: IndicatiePolicy) -> tuple[Perceel, ...]:
    """The percelen that can carry an indicatie of this aard, with or without plus."""
    return tuple(p for p, b in policy.percelen.items() if b.aard is aard and b.plus is plus)


def laatste_toegestane_dag(beleid: Perceelbeleid, begindatum: dt.date) -> dt.date | None:
    """The last day the perceel may run when it starts on ``begindatum`` (None: no limit)."""
    if beleid.maximale_duur_maanden is None:
        return None
    return laatste_dag_na_maanden(begindatum, beleid.maximale_duur_maanden)
