"""The policy this service reads: the ``intake`` section of the gemeente's policy in force on a
peildatum, from the policy registry (read from disk once)."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.policy import SECTION, IntakeBeleid, intakebeleid
from wmo_shared.policy import default_registry


def beleid(gemeente: str, peildatum: dt.date, *, veld: str) -> IntakeBeleid:
    return intakebeleid(default_registry(), gemeente, peildatum, veld=veld)


def valideer_alle() -> None:
    """At start-up: every policy's ``intake.yaml`` is valid (a broken one stops the start)."""
    default_registry().validate_sections(SECTION, IntakeBeleid)


def spoed_achteraf(
    gemeente: str, soort: str, peildatum: dt.date, *, veld: str
) -> tuple[tuple[str, ...], str]:
    """INT-10: the conditions of the gemeente's policy for a beschikking afterwards on this
    kind of urgency, and where the policy says so (``geen-beleid-van-kracht`` without one)."""
    regels = beleid(gemeente, peildatum, veld=veld).spoed_achteraf
    return regels.voorwaarden(soort), regels.bron
