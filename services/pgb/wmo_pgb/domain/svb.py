"""SVB trekkingsrecht: what the gemeente allows to be paid from the budget (PGB-12) and how often
spending is checked (PGB-14), what was spent against the budget, and the SVB's
budgetafsluitberichten. A question the policy does not settle is answered
``niet_in_beleid_geregeld``; nothing is filled in from another gemeente or from habit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_pgb.domain.notatie import euro
from wmo_pgb.domain.policy import Kostensoort, PgbBeleid
from wmo_shared.regels import Regel


class Antwoord(StrEnum):
    JA = "ja"
    NEE = "nee"
    NIET_IN_BELEID_GEREGELD = "niet_in_beleid_geregeld"


@dataclass(frozen=True, slots=True)
class Kostenantwoord:
    kostensoort: Kostensoort
    antwoord: Antwoord
    regel: Regel


@dataclass(frozen=True, slots=True)
class Verantwoordingsvrij:
    bedrag: Decimal | None
    antwoord: Antwoord  # ja: the policy sets a verantwoordingsvrij bedrag
    regel: Regel


@dataclass(frozen=True, slots=True)
class Controleantwoord:
    antwoord: Antwoord  # ja: the frequency meets the policy
    minimaal_per_jaar: int | None
    regel: Regel


_KOSTEN = {
    Kostensoort.REISKOSTEN: "reiskosten van de zorgverlener",
    Kostensoort.EENMALIGE_UITKERING_EINDE_PGB: "een eenmalige uitkering bij het einde van het pgb",
    Kostensoort.FEESTDAGENUITKERING: "een feestdagenuitkering",
    Kostensoort.BEMIDDELINGSKOSTEN: "bemiddelingskosten",
    Kostensoort.SALARISADMINISTRATIE_OPTING_IN: "salarisadministratie bij opting-in",
    Kostensoort.ADMINISTRATIEKOSTEN: "administratiekosten",
}


def mag_uit_pgb(beleid: PgbBeleid, kostensoort: Kostensoort) -> Kostenantwoord:
    """May this cost type be paid from the budget under SVB trekkingsrecht?"""
    wat = _KOSTEN[kostensoort]
    kostenregel = beleid.svb.kosten_uit_pgb.get(kostensoort)
    if kostenregel is None:
        return Kostenantwoord(
            kostensoort,
            Antwoord.NIET_IN_BELEID_GEREGELD,
            Regel("PGB-12", f"Het beleid regelt niet of {wat} uit het pgb betaald mogen worden."),
        )
    if kostenregel.toegestaan:
        tekst = f"Het beleid staat toe dat {wat} uit het pgb betaald worden."
    else:
        tekst = f"Het beleid staat niet toe dat {wat} uit het pgb betaald worden."
    if (
        kostensoort is Kostensoort.SALARISADMINISTRATIE_OPTING_IN
        and beleid.svb.opting_in_kosten_per_loonstrook is not None
    ):
        bedrag = euro(beleid.svb.opting_in_kosten_per_loonstrook)
        tekst += f" De SVB brengt {bedrag} per loonstrook in rekening bij de gemeente."
    if kostenregel.toelichting:
        tekst += f" {kostenregel.toelichting}"
    return Kostenantwoord(
        kostensoort,
        Antwoord.JA if kostenregel.toegestaan else Antwoord.NEE,
        Regel("PGB-12", tekst),
    )


def verantwoordingsvrij_bedrag(beleid: PgbBeleid) -> Verantwoordingsvrij:
    bedrag = beleid.svb.verantwoordingsvrij_bedrag
    if bedrag is None:
        return Verantwoordingsvrij(
            None,
            Antwoord.NIET_IN_BELEID_GEREGELD,
            Regel("PGB-12", "Het beleid regelt geen verantwoordingsvrij bedrag."),
        )
    return Verantwoordingsvrij(
        bedrag,
        Antwoord.JA,
        Regel(
            "PGB-12",
            f"Verantwoordingsvrij bedrag: {euro(bedrag)}.",
        ),
    )


def toets_controlefrequentie(beleid: PgbBeleid, per_jaar: int | None) -> Controleantwoord:
    """Does checking spending ``per_jaar`` times a year, as the beschikking states (None: it
    states nothing), meet the policy (PGB-14)?"""
    controle = beleid.svb.bestedingscontrole
    if controle is None:
        return Controleantwoord(
            Antwoord.NIET_IN_BELEID_GEREGELD,
            None,
            Regel("PGB-14", "Het beleid regelt niet hoe vaak de besteding wordt gecontroleerd."),
        )
    minimaal = controle.minimaal_per_jaar
    if per_jaar is None:
        if controle.frequentie_per_beschikking:
            return Controleantwoord(
                Antwoord.NEE,
                minimaal,
                Regel(
                    "PGB-14",
                    "De beschikking moet vastleggen hoe vaak de besteding wordt gecontroleerd "
                    f"(minimaal {minimaal} keer per jaar).",
                ),
            )
        return Controleantwoord(
            Antwoord.JA,
            minimaal,
            Regel("PGB-14", f"De besteding wordt minimaal {minimaal} keer per jaar gecontroleerd."),
        )
    if per_jaar < minimaal:
        return Controleantwoord(
            Antwoord.NEE,
            minimaal,
            Regel(
                "PGB-14",
                f"{per_jaar} keer per jaar is te weinig: het beleid vraagt minimaal {minimaal} "
                "controle(s) per jaar.",
            ),
        )
    return Controleantwoord(
        Antwoord.JA,
        minimaal,
        Regel(
            "PGB-14",
            f"De besteding wordt {per_jaar} keer per jaar gecontroleerd (minimaal {minimaal}).",
        ),
    )


def besteding(jaar: int, besteed: Decimal, budget: Decimal) -> tuple[bool, Regel]:
    """PGB-14: what was spent in ``jaar`` against the budget; (overschreden, regel)."""
    overschreden = besteed > budget
    regel = Regel(
        "PGB-14",
        f"Besteed in {jaar}: {euro(besteed)} van een budget van {euro(budget)}"
        + (
            f"; het budget is met {euro(besteed - budget)} overschreden."
            if overschreden
            else "; binnen het budget."
        ),
    )
    return overschreden, regel


class Afsluitstatus(StrEnum):
    GEACCEPTEERD = "geaccepteerd"
    AFGEWEZEN = "afgewezen"


@dataclass(frozen=True, slots=True)
class Budgetstand:
    """The current version of a budget, as a line of a budgetafsluitbericht is checked against."""

    ingangsdatum: dt.date
    einddatum: dt.date
    bedrag: Decimal


@dataclass(frozen=True, slots=True)
class Afsluitoordeel:
    status: Afsluitstatus
    overschreden: bool  # accepted, and signalled for the budgetcontrole
    reden: str | None


def beoordeel_afsluitregel(
    stand: Budgetstand | None, *, ingangsdatum: dt.date, einddatum: dt.date, besteed: Decimal
) -> Afsluitoordeel:
    """One line of an SVB budgetafsluitbericht: a budget of this gemeente, a period inside the
    budget's; spending above the budget is accepted and signalled."""
    if stand is None:
        return Afsluitoordeel(Afsluitstatus.AFGEWEZEN, False, "Onbekend budget in deze gemeente.")
    if ingangsdatum < stand.ingangsdatum or einddatum > stand.einddatum:
        return Afsluitoordeel(
            Afsluitstatus.AFGEWEZEN,
            False,
            f"De periode valt buiten het budget ({stand.ingangsdatum.isoformat()} t/m "
            f"{stand.einddatum.isoformat()}).",
        )
    if besteed > stand.bedrag:
        return Afsluitoordeel(
            Afsluitstatus.GEACCEPTEERD,
            True,
            f"Besteed {besteed} is meer dan het budget {stand.bedrag}; "
            "gesignaleerd voor de budgetcontrole.",
        )
    return Afsluitoordeel(Afsluitstatus.GEACCEPTEERD, False, None)
