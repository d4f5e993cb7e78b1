"""Intake's API tests run intake in-process with its real peers in-process too (issue 12.1: a
beschikking rests on real decisions of pgb, indicatie and finance). A test that puts a fake
peer in place gets the real ones back afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.intake.api.peers import app_van, verbind
from wmo_shared.client import ServiceClient


@pytest.fixture(scope="package")
def _echte_peers(
    intake: httpx.AsyncClient,
    pgb: httpx.AsyncClient,
    indicatie: httpx.AsyncClient,
    finance: httpx.AsyncClient,
) -> Iterator[dict[str, ServiceClient]]:
    """For this package only: the tests of other packages find the peers as they were."""
    pgb_clients = app_van(pgb).state.clients
    intake_clients = app_van(intake).state.clients
    indicatie_clients = app_van(indicatie).state.clients
    pgb_voor, intake_voor = dict(pgb_clients), dict(intake_clients)
    indicatie_voor = dict(indicatie_clients)
    # pgb's budget asks finance for the tariff; pgb and indicatie check intake's aanvraag
    verbind(pgb, finance=finance, intake=intake)
    verbind(indicatie, intake=intake)
    verbind(intake, pgb=pgb, indicatie=indicatie, finance=finance)
    yield dict(intake_clients)
    pgb_clients.update(pgb_voor)
    intake_clients.update(intake_voor)
    indicatie_clients.update(indicatie_voor)


@pytest.fixture(autouse=True)
def _peers_terug(
    intake: httpx.AsyncClient, _echte_peers: dict[str, ServiceClient]
) -> Iterator[None]:
    clients = app_van(intake).state.clients
    clients.update(_echte_peers)
    yield
    clients.update(_echte_peers)
