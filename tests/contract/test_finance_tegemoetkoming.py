"""Finance's side of the tegemoetkoming contract (issue 12): what intake reads before it stores
a beschikking (``TegemoetkomingBesluit``) and what it sends afterwards (a
``MaatwerkvoorzieningEvent`` naming the tegemoetkoming) are the shared models, both ways."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import httpx

from tests.finance.api.helpers import bsn
from tests.finance.api.test_regime import _toegekend
from tests.support.stack import auth
from wmo_shared.contracts import CakMutatie, MaatwerkvoorzieningEvent, TegemoetkomingBesluit


async def test_besluit_is_the_contract_and_the_event_built_from_it_is_accepted(
    finance: httpx.AsyncClient,
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600")
    r = await finance.get(f"/api/v1/tegemoetkomingen/{t['id']}/besluit", headers=auth("systeem"))
    assert r.status_code == 200, r.text
    besluit = TegemoetkomingBesluit.model_validate(r.json())
    assert set(r.json()) == set(
        TegemoetkomingBesluit.model_json_schema(by_alias=True)["properties"]
    )

    # what intake sends: the contract model, periods taken over from the besluit
    event = MaatwerkvoorzieningEvent(
        event_id=uuid.uuid4(),
        event_type="maatwerkvoorziening-gestart",
        gemeente=besluit.gemeente,
        bsn=besluit.bsn,
        geboortedatum=dt.date(1948, 5, 17),
        beschikking_id=uuid.uuid4(),
        maatwerkvoorziening_id=uuid.uuid4(),
        productcategorie="13",
        productcode="13B01",
        leveringsvorm="financiele_tegemoetkoming",
        ingangsdatum=besluit.eigen_bijdrage.ingangsdatum,
        tegemoetkoming_id=besluit.id,
    )
    r = await finance.post(
        "/api/v1/cak-voorzieningen",
        json=event.model_dump(mode="json", by_alias=True),
        headers={**auth("systeem", besluit.gemeente), "Idempotency-Key": str(event.event_id)},
    )
    assert r.status_code == 201, r.text
    assert r.json()["eigenBijdrageTotaal"] == str(besluit.eigen_bijdrage.totaal)

    # and the feed item the exchange scripts read is the contract, with the regime
    r = await finance.get("/api/v1/cak-mutaties", params={"limit": 1000}, headers=auth("systeem"))
    items = [CakMutatie.model_validate(m) for m in r.json()["resultaten"]]
    cursor = r.json()["volgendeCursor"]
    while r.json()["meer"]:
        r = await finance.get(
            "/api/v1/cak-mutaties",
            params={"cursor": cursor, "limit": 1000},
            headers=auth("systeem"),
        )
        items += [CakMutatie.model_validate(m) for m in r.json()["resultaten"]]
        cursor = r.json()["volgendeCursor"]
    (eigen,) = [m for m in items if m.tegemoetkoming_id == besluit.id]
    assert (eigen.eigen_bijdrage_per_maand, eigen.kostprijs, eigen.abonnementstarief) == (
        besluit.eigen_bijdrage.per_maand,
        besluit.eigen_bijdrage.plafond,
        None,
    )
    assert (eigen.einddatum, eigen.eigen_bijdrage_max_maanden) == (
        besluit.eigen_bijdrage.einddatum,
        besluit.eigen_bijdrage.max_maanden,
    )
    assert besluit.bedrag == Decimal("12240.00")
