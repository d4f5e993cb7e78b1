"""IND-12: the engine's advice for the chosen aard next to the consulent's choice. The advice is
a hulpmiddel: following it or not is the consulent's call, and the indicatie says which."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_indicatie.domain.begrippen import Aard, Profiel
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class Voorstel:
    """What the stored advice proposed for one aard (its ``Deeladvies``, as stored)."""

    profiel: str
    zekerheid: str
    omvang: str  # the proposed omvang as the advice wrote it, e.g. "4"
    plus_status: str
    duurcategorie: str
    rangorde: tuple[str, ...]  # the profiles, best first


@dataclass(frozen=True, slots=True)
class Vergelijking:
    profiel: str | None
    zekerheid: str | None
    omvang_voorgesteld: str | None
    plus_status: str | None
    duurcategorie: str | None
    profiel_gevolgd: bool
    omvang_gevolgd: bool


def vergelijk(
    voorstel: Voorstel | None, aard: Aard, profiel: Profiel, omvang: Decimal
) -> tuple[Vergelijking, list[Regel]]:
    """The advice next to the worker's choice, and the sentences saying so (IND-12)."""
    if voorstel is None:
        zin = (
            f"Het advies stelde geen {aard.value.replace('_', ' ')} voor; de consulent "
            "heeft deze aard op grond van het onderzoek gekozen (IND-04)."
        )
        return (
            Vergelijking(None, None, None, None, None, profiel_gevolgd=False, omvang_gevolgd=False),
            [Regel("IND-12", zin)],
        )
    profiel_gevolgd = voorstel.profiel == profiel.value
    omvang_gevolgd = Decimal(voorstel.omvang) == omvang
    if profiel_gevolgd:
        zin = f"De consulent volgt het best passende profiel van het advies ({voorstel.profiel})."
    else:
        posities = list(voorstel.rangorde)
        rang = posities.index(profiel.value) + 1 if profiel.value in posities else 0
        zin = (
            f"Het advies noemde {voorstel.profiel} als best passend; de consulent koos "
            f"{profiel.value}"
            + (f" (plaats {rang} in de rangorde)" if rang else "")
            + ". Het profiel is ter beoordeling van de consulent."
        )
    regels = [Regel("IND-12", zin)]
    if not omvang_gevolgd:
        regels.append(
            Regel(
                "IND-12",
                f"Het advies stelde {voorstel.omvang} voor; de consulent stelde de "
                f"omvang vast op {omvang.normalize():f}.",
            )
        )
    return (
        Vergelijking(
            profiel=voorstel.profiel,
            zekerheid=voorstel.zekerheid,
            omvang_voorgesteld=voorstel.omvang,
            plus_status=voorstel.plus_status,
            duurcategorie=voorstel.duurcategorie,
            profiel_gevolgd=profiel_gevolgd,
            omvang_gevolgd=omvang_gevolgd,
        ),
        regels,
    )
