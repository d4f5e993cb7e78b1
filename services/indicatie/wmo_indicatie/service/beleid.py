"""The policies this service reads: the normenkader of a gemeente on a peildatum, from the
policy registry (read from disk once)."""

from __future__ import annotations

import datetime as dt

from wmo_indicatie.domain.normenkader import Normenkader, kies_normenkader
from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_shared.policy import default_registry


def normenkader(gemeente: str, peildatum: dt.date) -> Normenkader:
    return kies_normenkader(default_registry(), gemeente, peildatum)


def valideer_alle_normenkaders() -> None:
    """At start-up: every policy's ``indicatie.yaml`` is valid (a broken one stops the start)."""
    default_registry().validate_sections(SECTION, IndicatiePolicy)
