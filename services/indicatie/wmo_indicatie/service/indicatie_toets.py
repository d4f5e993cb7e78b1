"""The checks before an indicatie is recorded: the domain's ``valideer_indicatie`` turned into a
400 problem naming the field and the rule, and the comparison with the engine's advice."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from wmo_indicatie.domain.begrippen import Aard
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.validatie import Indicatie, ValidationResult, valideer_indicatie
from wmo_indicatie.schemas.indicatie import IndicatieInhoud
from wmo_shared.problems import InvalidParam, RuleViolation, invalid
from wmo_shared.regels import Regel

MAX_UUR_PER_WEEK = Decimal(168)  # a week has no more hours
MAX_DAGDELEN_PER_WEEK = Decimal(14)  # two per day


@dataclass(frozen=True, slots=True)
class Toets:
    omvang: Decimal
    afwijking: bool
    regels: tuple[Regel, ...]
    waarschuwingen: tuple[Regel, ...]


def toets(inhoud: IndicatieInhoud, plusfeiten: PlusFeiten, policy: IndicatiePolicy) -> Toets:
    """Raises ``RuleViolation`` (400, every violated field and rule) or ``BadRequest``."""
    uitslag = valideer_indicatie(
        Indicatie(
            aard=inhoud.aard,
            profiel=inhoud.profiel,
            plus=inhoud.plus,
            omvang=inhoud.omvang,
            perceel=inhoud.perceel,
            productcategorie=inhoud.productcategorie,
            productcode=inhoud.productcode,
            begindatum=inhoud.begindatum,
            einddatum=inhoud.einddatum,
            herzieningsdatum=inhoud.herzieningsdatum,
            motivering=inhoud.motivering,
            plusfeiten=plusfeiten,
        ),
        policy,
    )
    if not uitslag.ok:
        raise weigering(uitslag)
    assert uitslag.omvang is not None
    omvang = uitslag.omvang
    if omvang != omvang.quantize(Decimal("0.01")):
        raise invalid(
            "omvang", "Geef de omvang in hoogstens twee decimalen (bijvoorbeeld 3.25).", "decimalen"
        )
    maximum = (
        MAX_UUR_PER_WEEK if inhoud.aard is Aard.INDIVIDUELE_BEGELEIDING else (MAX_DAGDELEN_PER_WEEK)
    )
    if omvang > maximum:
        raise invalid("omvang", f"Een omvang van meer dan {maximum} per week kan niet.", "te-groot")
    return Toets(
        omvang=omvang,
        afwijking=uitslag.afwijking,
        regels=uitslag.regels,
        waarschuwingen=uitslag.waarschuwingen,
    )


def weigering(uitslag: ValidationResult) -> RuleViolation:
    redenen = " ".join(v.reason for v in uitslag.violations)
    return RuleViolation(
        f"De indicatie kan zo niet worden vastgelegd. {redenen}",
        invalid_params=[
            InvalidParam(name=v.field, code=v.code, reason=v.reason) for v in uitslag.violations
        ],
        rules=[v.rule for v in uitslag.violations],
    )


def vergelijking(
    advies_id: Any, uitkomst: dict[str, Any], inhoud: IndicatieInhoud, omvang: Decimal
) -> tuple[dict[str, Any], list[Regel]]:
    """The advice for this aard next to the worker's choice, and a sentence saying so."""
    sleutel = (
        "individueleBegeleiding"
        if inhoud.aard is Aard.INDIVIDUELE_BEGELEIDING
        else ("dagbesteding")
    )
    deel = uitkomst.get(sleutel)
    if not deel:
        zin = (
            f"Het advies stelde geen {inhoud.aard.value.replace('_', ' ')} voor; de consulent "
            "heeft deze aard op grond van het onderzoek gekozen (IND-04)."
        )
        return (
            {
                "adviesId": str(advies_id),
                "profiel": None,
                "zekerheid": None,
                "omvangVoorgesteld": None,
                "plusStatus": None,
                "duurcategorie": None,
                "profielGevolgd": False,
                "omvangGevolgd": False,
            },
            [Regel("IND-12", zin)],
        )
    voorgesteld = Decimal(deel["omvang"]["voorgesteld"])
    profiel_gevolgd = deel["profiel"] == inhoud.profiel.value
    omvang_gevolgd = voorgesteld == omvang
    if profiel_gevolgd:
        zin = f"De consulent volgt het best passende profiel van het advies ({deel['profiel']})."
    else:
        posities = [p["profiel"] for p in deel["rangorde"]["profielen"]]
        rang = posities.index(inhoud.profiel.value) + 1 if inhoud.profiel.value in posities else 0
        zin = (
            f"Het advies noemde {deel['profiel']} als best passend; de consulent koos "
            f"{inhoud.profiel.value}"
            + (f" (plaats {rang} in de rangorde)" if rang else "")
            + ". Het profiel is ter beoordeling van de consulent."
        )
    regels = [Regel("IND-12", zin)]
    if not omvang_gevolgd:
        regels.append(
            Regel(
                "IND-12",
                f"Het advies stelde {deel['omvang']['voorgesteld']} voor; de consulent stelde de "
                f"omvang vast op {omvang.normalize():f}.",
            )
        )
    return (
        {
            "adviesId": str(advies_id),
            "profiel": deel["profiel"],
            "zekerheid": deel["zekerheid"],
            "omvangVoorgesteld": deel["omvang"]["voorgesteld"],
            "plusStatus": deel["plus"]["status"],
            "duurcategorie": deel["duur"]["categorie"],
            "profielGevolgd": profiel_gevolgd,
            "omvangGevolgd": omvang_gevolgd,
        },
        regels,
    )
