"""The finance policy in force for the caller's gemeente. A missing policy (or a missing part of
it) is the domain's refusal ``geen-beleid-van-kracht`` naming the date asked for."""

from __future__ import annotations

import datetime as dt
from functools import cache

from wmo_finance.domain.policy import SECTION, FinanceBeleid, FinancePolicy, beleid_van_kracht
from wmo_finance.domain.tarieven import Tarief
from wmo_shared.policy import PolicyRegistry, default_registry


def registry() -> PolicyRegistry:
    return default_registry()


def beleid(gemeente: str, peildatum: dt.date, veld: str = "peildatum") -> FinanceBeleid:
    return beleid_van_kracht(registry(), gemeente, peildatum, veld)


def valideer_beleid() -> None:
    """At start-up: every policy's finance section must be valid."""
    registry().validate_sections("finance", FinancePolicy)


@cache
def beleidstarieven(gemeente: str) -> tuple[Tarief, ...]:
    """Every tariff period of every policy of ``gemeente`` (in force or not)."""
    reg = registry()
    return tuple(
        t
        for p in reg.policies
        if gemeente in p.meta.gemeenten and p.has_section(SECTION)
        for t in p.section(SECTION, FinancePolicy).tarieven
    )
