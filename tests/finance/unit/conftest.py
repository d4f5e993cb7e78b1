from __future__ import annotations

import datetime as dt

import pytest

from wmo_finance.domain.policy import FinanceBeleid, finance_beleid
from wmo_shared.policy import PolicyRegistry

OOSTSTELLINGWERF = "0085"
VLISSINGEN = "0718"


@pytest.fixture(scope="session")
def registry() -> PolicyRegistry:
    return PolicyRegistry.load()


@pytest.fixture(scope="session")
def oost(registry: PolicyRegistry) -> FinanceBeleid:
    return finance_beleid(registry, OOSTSTELLINGWERF, dt.date(2024, 1, 1))


@pytest.fixture(scope="session")
def walcheren(registry: PolicyRegistry) -> FinanceBeleid:
    return finance_beleid(registry, VLISSINGEN, dt.date(2015, 6, 1))
