"""The worker's besluit on a pgb request, checked against the toets.

The toets advises; the worker decides. Following a clear toets (``voldaan`` → toegekend,
``niet_voldaan`` → afgewezen) needs no motivation. Settling an ``oordeel_consulent`` either way,
or deciding against the toets, needs a written motivation (it is what a judge in a bezwaar
procedure reads). Two refusals are law and cannot be motivated away: no maatwerkvoorziening
(PGB-01) and no pgb-plan (PGB-02).

The service layer may store the plan and call :func:`~wmo_pgb.domain.toets.toets` again when the
besluit is recorded: the toets is pure, so it gives the same result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from wmo_pgb.domain.plan import CONCEPT
from wmo_pgb.domain.toets import Leveringsvorm, Toetsresultaat, Uitkomst
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Besluituitkomst(StrEnum):
    TOEGEKEND = "toegekend"
    AFGEWEZEN = "afgewezen"


@dataclass(frozen=True, slots=True)
class Besluit:
    uitkomst: Besluituitkomst
    toetsuitkomst: Uitkomst
    volgt_toets: bool  # False: an oordeel_consulent settled, or a decision against the toets
    motivering: str | None
    leveringsvorm: Leveringsvorm | None  # pgb, the ZIN alternative, or None (no maatwerk)
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Schending:
    """Why a besluit cannot be recorded as given; maps onto a problem's ``invalidParams``."""

    rule: str
    veld: str
    code: str
    reden: str

    def weigering(self) -> Weigering:
        return Weigering(
            self.code, self.reden, veld=self.veld, regels=[Regel(self.rule, self.reden)]
        )


def neem_besluit(
    toetsresultaat: Toetsresultaat,
    *,
    uitkomst: Besluituitkomst,
    motivering: str | None = None,
) -> Besluit | Schending:
    motivering = motivering.strip() if motivering and motivering.strip() else None
    toekenning = uitkomst is Besluituitkomst.TOEGEKEND
    wettelijk = _wettelijke_weigering(toetsresultaat)
    if toekenning and wettelijk is not None:
        return wettelijk

    volgt_toets = (toetsresultaat.uitkomst, uitkomst) in {
        (Uitkomst.VOLDAAN, Besluituitkomst.TOEGEKEND),
        (Uitkomst.NIET_VOLDAAN, Besluituitkomst.AFGEWEZEN),
    }
    if not volgt_toets and motivering is None:
        return _motivering_vereist(toetsresultaat, uitkomst)

    if toekenning:
        leveringsvorm: Leveringsvorm | None = Leveringsvorm.PGB
        slot = Regel("PGB-01", "Het pgb is toegekend.")
    else:
        # No maatwerkvoorziening means no ZIN either: the toets then names no alternative.
        leveringsvorm = (
            Leveringsvorm.ZORG_IN_NATURA if wettelijk is None else toetsresultaat.alternatief
        )
        slot = Regel(
            "PGB-01",
            "Het pgb is afgewezen; de inwoner kan de voorziening in natura krijgen."
            if leveringsvorm is Leveringsvorm.ZORG_IN_NATURA
            else "Het pgb is afgewezen.",
        )
    if motivering is not None:
        slot = Regel(slot.rule, f"{slot.toelichting} Motivering: {motivering}")
    return Besluit(
        uitkomst=uitkomst,
        toetsuitkomst=toetsresultaat.uitkomst,
        volgt_toets=volgt_toets,
        motivering=motivering,
        leveringsvorm=leveringsvorm,
        regels=(*toetsresultaat.regels, slot),
    )


def _wettelijke_weigering(toetsresultaat: Toetsresultaat) -> Schending | None:
    """PGB-01 and PGB-02 found no maatwerkvoorziening or no plan: a pgb cannot be granted."""
    if toetsresultaat.voorwaarden:
        return None
    beslissend = toetsresultaat.beslissend
    if beslissend is None:
        return None
    code = "geen-maatwerkvoorziening" if beslissend.regel.rule == "PGB-01" else "geen-pgb-plan"
    return Schending(
        rule=beslissend.regel.rule,
        veld="uitkomst",
        code=code,
        reden=f"{beslissend.regel.toelichting} Een toekenning is dan niet mogelijk.",
    )


def _motivering_vereist(toetsresultaat: Toetsresultaat, uitkomst: Besluituitkomst) -> Schending:
    beslissend = toetsresultaat.beslissend
    if beslissend is None:
        # The toets is voldaan and the worker refuses: a refusal against the toets means ZIN.
        rule = "PGB-01"
        reden = "De toets is voldaan; een afwijzing van het pgb vraagt een motivering."
    elif toetsresultaat.uitkomst is Uitkomst.OORDEEL_CONSULENT:
        rule = beslissend.regel.rule
        reden = (
            f"De toets vraagt het oordeel van de consulent ({beslissend.regel.toelichting}); "
            f"een besluit '{uitkomst.value}' vraagt een motivering."
        )
    else:
        rule = beslissend.regel.rule
        reden = (
            f"De toets is niet voldaan ({beslissend.regel.toelichting}); een toekenning tegen de "
            "toets in vraagt een motivering."
        )
    return Schending(rule=rule, veld="motivering", code="motivering-vereist", reden=reden)


def nog_te_besluiten(status: str) -> None:
    """A plan is decided once: a second besluit is a conflict."""
    if status != CONCEPT:
        raise Weigering(
            "al-besloten",
            f"Over dit pgb-plan is al besloten (status {status}).",
            soort="conflict",
        )


def budgetperiode(
    ingangsdatum: dt.date | None, einddatum: dt.date | None, peildatum: dt.date | None
) -> tuple[dt.date, dt.date, dt.date]:
    """A toekenning needs the budget's period; the peildatum (policy and tariff) defaults to the
    ingangsdatum. Returns (begin, eind, peildatum)."""
    if ingangsdatum is None:
        raise _verplicht("ingangsdatum")
    if einddatum is None:
        raise _verplicht("einddatum")
    if einddatum < ingangsdatum:
        raise Weigering(
            "voor-ingangsdatum", "De einddatum ligt vóór de ingangsdatum.", veld="einddatum"
        )
    return ingangsdatum, einddatum, peildatum or ingangsdatum


def _verplicht(veld: str) -> Weigering:
    return Weigering(
        "verplicht", f"Bij een toekenning is de {veld} van het budget verplicht.", veld=veld
    )
