"""The policy this service reads: the ``intake`` section of the gemeente's policy in force on a
peildatum, from the policy registry (read from disk once)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_intake.domain.mantelzorgwaardering import Regeling, geen_regeling
from wmo_intake.domain.policy import (
    FINANCE_SECTION,
    SECTION,
    FinanceNormen,
    IntakeBeleid,
    financenormen,
    intakebeleid,
)
from wmo_intake.domain.vervoersvoorziening import Kilometernorm
from wmo_shared.policy import PolicyNotFound, default_registry
from wmo_shared.weigering import Weigering


def beleid(gemeente: str, peildatum: dt.date, *, veld: str) -> IntakeBeleid:
    return intakebeleid(default_registry(), gemeente, peildatum, veld=veld)


def valideer_alle() -> None:
    """At start-up: every policy's ``intake.yaml`` is valid (a broken one stops the start)."""
    default_registry().validate_sections(SECTION, IntakeBeleid)
    default_registry().validate_sections(FINANCE_SECTION, FinanceNormen)


def normen(gemeente: str, peildatum: dt.date, *, veld: str) -> FinanceNormen:
    """Finance's km norms and hulpmiddel threshold as the same policy file gives them."""
    return financenormen(default_registry(), gemeente, peildatum, veld=veld)


def spoed_achteraf(
    gemeente: str, soort: str, peildatum: dt.date, *, veld: str
) -> tuple[tuple[str, ...], str]:
    """INT-10: the conditions of the gemeente's policy for a beschikking afterwards on this
    kind of urgency, and where the policy says so (``geen-beleid-van-kracht`` without one)."""
    regels = beleid(gemeente, peildatum, veld=veld).spoed_achteraf
    return regels.voorwaarden(soort), regels.bron


def mantelzorgwaardering(
    gemeente: str, peildatum: dt.date, *, veld: str
) -> tuple[Regeling, Decimal | None]:
    """MZ-03: the gemeente's regeling in force and the amount the policy gives (None: none);
    ``geen-regeling`` (400) when the gemeente has none."""
    regeling = beleid(gemeente, peildatum, veld=veld).mantelzorgwaardering
    if regeling is None:
        naam = default_registry().in_force(gemeente, peildatum).naam
        raise geen_regeling(gemeente, naam)
    return (
        Regeling(
            bron=regeling.bron,
            uitvoerder=regeling.uitvoerder,
            aanmelding_van=(regeling.aanmelding_van.maand, regeling.aanmelding_van.dag),
            aanmelding_tot_en_met=(
                regeling.aanmelding_tot_en_met.maand,
                regeling.aanmelding_tot_en_met.dag,
            ),
            meer_dan_uren_per_week=regeling.meer_dan_uren_per_week,
            minimaal_maanden=regeling.minimaal_maanden,
        ),
        regeling.bedrag,
    )


def kilometernorm(gemeente: str, peildatum: dt.date, *, veld: str) -> Kilometernorm:
    """RES-07/FIN-10: the km norm of the gemeente's policy (``geen-beleid-van-kracht`` when the
    policy sets none: a number the seed does not give is not invented)."""
    vervoer = normen(gemeente, peildatum, veld=veld).vervoer
    if vervoer is None:
        naam = default_registry().in_force(gemeente, peildatum).naam
        raise Weigering(
            "geen-beleid-van-kracht",
            f"Het beleid {naam} van gemeente {gemeente} noemt geen kilometernorm voor vervoer.",
            veld=veld,
        )
    return Kilometernorm(
        vervoer.bron, vervoer.kilometers_per_jaar, vervoer.kilometers_ander_vervoer_of_intramuraal
    )


def eigendomsgrens(gemeente: str, peildatum: dt.date, *, veld: str) -> Decimal:
    """FIN-09: the kostprijs up to which a hulpmiddel is given in eigendom
    (``geen-beleid-van-kracht`` when the policy sets none)."""
    hulpmiddelen = normen(gemeente, peildatum, veld=veld).hulpmiddelen
    if hulpmiddelen is None:
        naam = default_registry().in_force(gemeente, peildatum).naam
        raise Weigering(
            "geen-beleid-van-kracht",
            f"Het beleid {naam} van gemeente {gemeente} noemt geen grens tussen eigendom en "
            "bruikleen van hulpmiddelen.",
            veld=veld,
        )
    return hulpmiddelen.eigendom_tot_en_met


def no_show_productcodes(gemeente: str, peildatum: dt.date) -> frozenset[str]:
    """AAN-05: the productcodes that make a WMO323 line a no-show under the policy in force on
    ``peildatum``. None when no policy or no no-show rule is in force, or it names no code: a
    declaratie is still checked, only no line counts as a no-show."""
    try:
        regels = default_registry().section(gemeente, peildatum, SECTION, IntakeBeleid).no_show
    except PolicyNotFound:
        return frozenset()
    return frozenset(regels.productcodes) if regels is not None else frozenset()
