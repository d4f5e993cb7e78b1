"""PGB-07: formal or informal care. The kind sets both the quality demands and the tariff."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wmo_pgb.domain.plan import Zorgverlener, ZorgverlenerSoort
from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel


class Kwalificatie(StrEnum):
    FORMEEL = "formeel"
    INFORMEEL_NETWERK = "informeel_netwerk"
    INFORMEEL_OVERIG = "informeel_overig"


@fast_init
@dataclass(frozen=True, slots=True)
class Kwalificering:
    kwalificatie: Kwalificatie
    regel: Regel


def kwalificeer(zorgverlener: Zorgverlener) -> Kwalificering:
    """Formal needs an institution or self-employed provider with a KvK registration **and** a
    recognised registration or diplomas for this support (seed 001 H2 vraag 3). A member of the
    social network is informal whatever their diplomas: the seed names the network as its own
    category, and paying the network is weighed separately (PGB-10)."""
    if zorgverlener.soort is ZorgverlenerSoort.NETWERKLID:
        return Kwalificering(
            Kwalificatie.INFORMEEL_NETWERK,
            Regel("PGB-07", "De zorgverlener hoort tot het sociaal netwerk: informele zorg."),
        )
    ontbreekt = []
    if zorgverlener.soort not in (ZorgverlenerSoort.INSTELLING, ZorgverlenerSoort.ZELFSTANDIGE):
        ontbreekt.append("dienstverband bij een instelling of inschrijving als zelfstandige")
    if zorgverlener.kvk_nummer is None:
        ontbreekt.append("een inschrijving bij de Kamer van Koophandel")
    if not zorgverlener.erkende_kwalificatie:
        ontbreekt.append(
            "een erkende registratie, kwalificatie of diploma's voor deze ondersteuning"
        )
    if not ontbreekt:
        return Kwalificering(
            Kwalificatie.FORMEEL,
            Regel(
                "PGB-07",
                f"De zorgverlener is formeel: {zorgverlener.soort.value} met KvK-inschrijving "
                f"({zorgverlener.kvk_nummer}) en een erkende kwalificatie.",
            ),
        )
    return Kwalificering(
        Kwalificatie.INFORMEEL_OVERIG,
        Regel(
            "PGB-07",
            "De zorgverlener is informeel en hoort niet tot het sociaal netwerk; ontbreekt voor "
            f"formele zorg: {'; '.join(ontbreekt)}.",
        ),
    )
