"""The finance policy in force for the caller's gemeente, with a missing policy (or a missing
part of it) turned into the 400 problem of the API: ``peildatum`` names the date asked for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from wmo_finance.domain.policy import FinanceBeleid, FinancePolicy, finance_beleid
from wmo_shared.policy import PolicyNotFound, PolicyRegistry, default_registry
from wmo_shared.problems import BadRequest, invalid

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def registry() -> PolicyRegistry:
    return default_registry()


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()


def geen_beleid(exc: PolicyNotFound, veld: str = "peildatum") -> BadRequest:
    return invalid(veld, str(exc), "geen-beleid-van-kracht")


def beleid(gemeente: str, peildatum: dt.date, veld: str = "peildatum") -> FinanceBeleid:
    """``PolicyNotFound`` → 400 naming ``veld``. Parts asked for later (``beleid.vervoer``)
    raise ``PolicyNotFound`` too: wrap them in :func:`deel`."""
    try:
        return finance_beleid(registry(), gemeente, peildatum)
    except PolicyNotFound as exc:
        raise geen_beleid(exc, veld) from exc


def valideer_beleid() -> None:
    """At start-up: every policy's finance section must be valid."""
    registry().validate_sections("finance", FinancePolicy)


@contextmanager
def beleid_als_probleem(veld: str = "peildatum") -> Iterator[None]:
    """Inside: a ``PolicyNotFound`` (a part the policy lacks) becomes the 400 naming ``veld``."""
    try:
        yield
    except PolicyNotFound as exc:
        raise geen_beleid(exc, veld) from exc
