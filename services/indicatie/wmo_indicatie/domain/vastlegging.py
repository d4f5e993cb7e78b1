"""The checks before an indicatie (or a new version of one) is recorded: the normenkader's
``valideer_indicatie`` as one refusal naming every violated field and rule, the limits of a
week, and whether the advice it was decided next to may be used."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Aard
from wmo_indicatie.domain.datums import laatste_dag_na_maanden
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.validatie import Indicatie, Violation, lees_omvang, valideer_indicatie
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

MAX_UUR_PER_WEEK = Decimal(168)  # a week has no more hours
MAX_DAGDELEN_PER_WEEK = Decimal(14)  # two per day


class IndicatieOngeldig(Weigering):
    """The indicatie breaks one or more rules of the normenkader. Every violation keeps its own
    field, code and rule; the problem is ``regel-geschonden`` with one invalidParam each."""

    def __init__(self, violations: Iterable[Violation]) -> None:
        self.violations = tuple(violations)
        redenen = " ".join(v.reason for v in self.violations)
        super().__init__(
            "regel-geschonden",
            f"De indicatie kan zo niet worden vastgelegd. {redenen}",
            regels=[Regel(v.rule, v.reason) for v in self.violations],
            velden=[(v.field, v.reason) for v in self.violations],
        )


@dataclass(frozen=True, slots=True)
class Toets:
    omvang: Decimal
    afwijking: bool
    regels: tuple[Regel, ...]
    waarschuwingen: tuple[Regel, ...]


def toets(indicatie: Indicatie, policy: IndicatiePolicy) -> Toets:
    """The indicatie as it may be recorded; refuses with ``IndicatieOngeldig`` (every violated
    field and rule) or a ``Weigering`` on the omvang (``te-groot``, ``decimalen``).

    What a week can hold is checked first: an absurd omvang (10^12, 1e308) is refused alone,
    before any sentence about it is written."""
    binnen_de_week(indicatie)
    uitslag = valideer_indicatie(indicatie, policy)
    violations = [*uitslag.violations, *buiten_de_horizon(indicatie, policy)]
    if violations:
        raise IndicatieOngeldig(violations)
    assert uitslag.omvang is not None
    omvang = uitslag.omvang
    if omvang != omvang.quantize(Decimal("0.01")):
        raise Weigering(
            "decimalen",
            "Geef de omvang in hoogstens twee decimalen (bijvoorbeeld 3.25).",
            veld="omvang",
        )
    return Toets(
        omvang=omvang,
        afwijking=uitslag.afwijking,
        regels=uitslag.regels,
        waarschuwingen=uitslag.waarschuwingen,
    )


def binnen_de_week(indicatie: Indicatie) -> None:
    """A week has 168 hours and at most 14 dagdelen (two a day)."""
    omvang = lees_omvang(indicatie.omvang)
    if isinstance(omvang, Violation):
        return  # the normenkader's checks say why
    maximum = (
        MAX_UUR_PER_WEEK
        if indicatie.aard is Aard.INDIVIDUELE_BEGELEIDING
        else MAX_DAGDELEN_PER_WEEK
    )
    if omvang > maximum:
        raise Weigering(
            "te-groot",
            f"Een omvang van meer dan {maximum} per week kan niet.",
            veld="omvang",
            regels=[
                Regel("IND-04", f"Een week houdt hoogstens {maximum} {_EENHEID[indicatie.aard]}.")
            ],
        )


_EENHEID = {Aard.INDIVIDUELE_BEGELEIDING: "uur", Aard.DAGBESTEDING: "dagdelen"}


def buiten_de_horizon(indicatie: Indicatie, policy: IndicatiePolicy) -> list[Violation]:
    """IND-11: no end or review date beyond the longest duur the normenkader knows (levenslang:
    review after five years, seed 001 §6.7), counted from the begindatum."""
    maanden = max(policy.duur_maanden.values())
    uiterlijk = laatste_dag_na_maanden(indicatie.begindatum, maanden)
    return [
        Violation(
            "IND-11",
            veld,
            f"{veld}-na-horizon",
            f"Het normenkader kent geen langere duur dan {notatie.maanden(maanden)}; de {veld} "
            f"is uiterlijk {notatie.datum(uiterlijk)}, niet {notatie.datum(datum)}.",
        )
        for veld, datum in (
            ("einddatum", indicatie.einddatum),
            ("herzieningsdatum", indicatie.herzieningsdatum),
        )
        if datum is not None and datum > uiterlijk
    ]


def advies_bruikbaar(gevonden: bool, advies_bsn: str | None, bsn: str) -> None:
    """The advice an indicatie refers to exists in the caller's gemeente and is about this
    client (an advice without a BSN may serve any)."""
    if not gevonden:
        raise Weigering("onbekend", "Er is geen advies met dit id in uw gemeente.", veld="adviesId")
    if advies_bsn is not None and advies_bsn != bsn:
        raise Weigering("andere-client", "Dit advies hoort bij een andere cliënt.", veld="adviesId")
