from __future__ import annotations

import datetime as dt

import pytest

from wmo_indicatie.domain.policy import SECTION, IndicatiePolicy
from wmo_shared.policy import PolicyRegistry

OOSTSTELLINGWERF = "0085"
PEILDATUM = dt.date(2024, 1, 1)


@pytest.fixture(scope="session")
def policy() -> IndicatiePolicy:
    geladen: IndicatiePolicy = PolicyRegistry.load().section(
        OOSTSTELLINGWERF, PEILDATUM, SECTION, IndicatiePolicy
    )
    return geladen
