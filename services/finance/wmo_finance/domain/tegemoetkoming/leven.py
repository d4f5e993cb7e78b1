"""The life of a tegemoetkoming (FIN-07): its states, the transitions each betaalmoment allows
and the refusal of a transition that is not allowed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_finance.domain.geld import NUL
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_shared.regels import Regel
from wmo_shared.weigering import Soort, Weigering


class Betaalmoment(StrEnum):
    voor_aanschaf = "voor_aanschaf"
    na_aanschaf = "na_aanschaf"


class TegemoetkomingStatus(StrEnum):
    berekend = "berekend"
    toegekend = "toegekend"
    betaald = "betaald"
    bewijs_ontvangen = "bewijs_ontvangen"
    herzien = "herzien"
    ingetrokken = "ingetrokken"
    teruggevorderd = "teruggevorderd"


S = TegemoetkomingStatus

OVERGANGEN: dict[Betaalmoment, dict[TegemoetkomingStatus, frozenset[TegemoetkomingStatus]]] = {
    Betaalmoment.voor_aanschaf: {
        S.berekend: frozenset({S.toegekend}),
        S.toegekend: frozenset({S.betaald}),
        S.betaald: frozenset({S.bewijs_ontvangen, S.teruggevorderd, S.herzien, S.ingetrokken}),
        S.bewijs_ontvangen: frozenset({S.herzien, S.ingetrokken}),
        S.herzien: frozenset({S.herzien, S.ingetrokken, S.teruggevorderd}),
        S.ingetrokken: frozenset({S.teruggevorderd}),
        S.teruggevorderd: frozenset(),
    },
    Betaalmoment.na_aanschaf: {
        S.berekend: frozenset({S.toegekend}),
        S.toegekend: frozenset({S.bewijs_ontvangen}),
        S.bewijs_ontvangen: frozenset({S.betaald}),
        S.betaald: frozenset({S.herzien, S.ingetrokken}),
        S.herzien: frozenset({S.herzien, S.ingetrokken, S.teruggevorderd}),
        S.ingetrokken: frozenset({S.teruggevorderd}),
        S.teruggevorderd: frozenset(),
    },
}


class OngeldigeOvergang(Weigering, ValueError):
    """A transition the rules do not allow; ``rule`` names the rule, ``veld`` the field of the
    request it is about. The API answers 400 ``regel-geschonden``, or 409 ``ongeldige-overgang``
    when the state does not allow the step at all (``soort="conflict"``)."""

    def __init__(
        self, rule: str, toelichting: str, *, veld: str | None = None, soort: Soort = "ongeldig"
    ) -> None:
        code = "ongeldige-overgang" if soort == "conflict" else "regel-geschonden"
        super().__init__(
            code, toelichting, veld=veld, regels=[Regel(rule, toelichting)], soort=soort
        )
        self.rule = rule

    def __str__(self) -> str:
        return f"{self.rule}: {self.toelichting}"


@dataclass(frozen=True, slots=True)
class Overgang:
    van: TegemoetkomingStatus | None
    naar: TegemoetkomingStatus
    datum: dt.date
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Tegemoetkoming:
    voorziening: VoorzieningSoort
    betaalmoment: Betaalmoment
    kostprijs: Decimal
    percentage: Decimal
    bedrag: Decimal  # current amount granted; lowered by a revision
    oorspronkelijk_bedrag: Decimal
    status: TegemoetkomingStatus
    besluitdatum: dt.date | None = None
    bewijs_uiterlijk: dt.date | None = None
    controle_uiterlijk: dt.date | None = None  # home visit possible until (FIN-07)
    bewijs_ontvangen_op: dt.date | None = None
    betaald_op: dt.date | None = None
    betaald_bedrag: Decimal = NUL
    terug_te_vorderen: Decimal = NUL
    teruggevorderd_bedrag: Decimal = NUL
    historie: tuple[Overgang, ...] = ()

    @property
    def regels(self) -> tuple[Regel, ...]:
        return tuple(r for o in self.historie for r in o.regels)

    def volgende_statussen(self) -> frozenset[TegemoetkomingStatus]:
        return volgende_statussen(self.betaalmoment, self.status, self.terug_te_vorderen > 0)


def volgende_statussen(
    betaalmoment: Betaalmoment, status: TegemoetkomingStatus, iets_terug_te_vorderen: bool
) -> frozenset[TegemoetkomingStatus]:
    """FIN-07: where a tegemoetkoming can go from ``status``; after a revision or withdrawal
    only to teruggevorderd when there is something to claim back."""
    mogelijk = OVERGANGEN[betaalmoment][status]
    if not iets_terug_te_vorderen and status in (S.herzien, S.ingetrokken):
        mogelijk = mogelijk - {S.teruggevorderd}
    return mogelijk


def controleer_overgang(
    t: Tegemoetkoming, naar: set[TegemoetkomingStatus] | frozenset[TegemoetkomingStatus], soort: str
) -> None:
    """FIN-07: a step (``soort``: toekenning, betaling, ...) leading to one of ``naar`` is
    possible in the current state; else a conflict naming the state and what is possible."""
    if naar & t.volgende_statussen():
        return
    mogelijk = ", ".join(sorted(s.value for s in t.volgende_statussen())) or "geen"
    raise OngeldigeOvergang(
        "FIN-07",
        f"De tegemoetkoming ({t.betaalmoment}) is '{t.status}'; een {soort} kan nu niet "
        f"(mogelijk: {mogelijk}).",
        soort="conflict",
    )


def met_overgang(
    t: Tegemoetkoming, naar: TegemoetkomingStatus, datum: dt.date, regels: tuple[Regel, ...]
) -> tuple[Overgang, ...]:
    """The history with this transition added; ``OngeldigeOvergang`` when it is not allowed."""
    if naar not in t.volgende_statussen():
        raise OngeldigeOvergang(
            "FIN-07",
            f"Een tegemoetkoming ({t.betaalmoment}) kan niet van '{t.status}' naar '{naar}'.",
            soort="conflict",
        )
    return (*t.historie, Overgang(t.status, naar, datum, regels))
