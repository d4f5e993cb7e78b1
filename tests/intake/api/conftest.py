"""Intake's API tests run intake in-process with its real peers in-process too (issue 12.1: a
beschikking rests on real decisions of pgb, indicatie and finance). A test that puts a fake
peer in place gets the real ones back afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

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


@pytest.fixture(autouse=True)
async def _werkvoorraad_klopt(intake: httpx.AsyncClient) -> AsyncIterator[None]:
    """After every scenario ``werkvoorraad_taken`` holds exactly the rows of the live query
    (its triggers, ``db.werkvoorraad_bijhouden``, missed no change)."""
    from wmo_intake.db.werkvoorraad_bijhouden import afwijkingen

    yield
    async with app_van(intake).state.db.transaction() as conn:
        verschil = await afwijkingen(conn)
    assert not verschil, "werkvoorraad_taken wijkt af van de live query:\n" + "\n".join(
        str(r._asdict()) for r in verschil
    )
