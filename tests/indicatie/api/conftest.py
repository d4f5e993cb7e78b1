"""Indicatie's API tests run with the real intake app in-process as its peer (issue 12.1: an
indicatie rests on a real intake aanvraag). The clients as they were come back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.indicatie.api import support
from tests.support.aanvragen import app_van, verbind


@pytest.fixture(scope="package", autouse=True)
def _intake_als_peer(
    indicatie: httpx.AsyncClient, intake: httpx.AsyncClient
) -> Iterator[httpx.AsyncClient]:
    voor = verbind(indicatie, intake=intake)
    support.INTAKE.append(intake)
    yield intake
    support.INTAKE.remove(intake)
    app_van(indicatie).state.clients.update(voor)
