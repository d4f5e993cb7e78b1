"""Issue 12.4 at the source: an intrekking or herziening that ends a maatwerkvoorziening before
it started cancels it (every receiver gets einddatum = ingangsdatum, never an end before the
start), a running opdracht gets the einddatum in its WMO301 and in the toewijzingen feed, and a
voorziening ends once."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx
from lxml import etree

from tests.intake.api.helpers import GW, beschikking, h, verzend, verzonden_zaak, voorziening
from tests.intake.api.peers import PGB, met_besluiten
from tests.intake.api.vlissingen import beschikking_2015, verzend_2015, verzonden_zaak_2015
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent

SYSTEEM = auth("systeem")
NS = {"w": "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"}


VLISSINGEN = auth("gebiedsteam", "0718")


async def events(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, event_type, payload FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


async def trek_in(
    intake: httpx.AsyncClient,
    melding_id: str,
    vorige_id: str,
    datum: str,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    i = await beschikking(
        intake,
        melding_id,
        None,
        headers,
        soort="intrekking",
        vorigeBeschikkingId=vorige_id,
        beeindigingsdatum=datum,
        maatwerkvoorzieningen=[],
    )
    return await verzend(intake, i["id"], headers)


async def toewijzingen(intake: httpx.AsyncClient, opdracht_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": "500", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/toewijzingen", params=params, headers=SYSTEEM)
        assert r.status_code == 200
        items.extend(i for i in r.json()["resultaten"] if i["opdrachtId"] == opdracht_id)
        if not r.json()["meer"]:
            return items
        cursor = r.json()["volgendeCursor"]


async def test_intrekking_voor_de_start_annuleert(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)  # begindatum 2026-04-01
    i = await trek_in(intake, m["id"], b["id"], "2026-03-27")
    [event] = await events(db, i["id"])
    assert event["event_type"] == "maatwerkvoorziening-beeindigd"
    payload = MaatwerkvoorzieningEvent.model_validate(event["payload"])
    assert payload.ingangsdatum.isoformat() == "2026-04-01"
    assert payload.einddatum == payload.ingangsdatum  # cancelled, never an end before the start


async def test_intrekking_na_het_eigen_einde_stuurt_niets(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake, einddatum="2026-06-30")
    i = await trek_in(intake, m["id"], b["id"], "2026-09-30")
    assert await events(db, i["id"]) == []


async def test_pgb_intrekking_voor_de_start(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    # Sent in 2015, with the Walcheren letter policy in force (no letter, no sending).
    m, b = await verzonden_zaak_2015(
        intake,
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        pgbPlanId=PGB,  # pgb's budget: 2015-03-01 up to and including 2015-12-31
        eigenBijdrage=False,
    )
    i = await beschikking_2015(
        intake,
        m["id"],
        None,
        soort="intrekking",
        vorigeBeschikkingId=b["id"],
        beeindigingsdatum="2015-02-28",
        besluitdatum="2015-02-25",
        maatwerkvoorzieningen=[],
    )
    i = await verzend_2015(intake, i["id"], "2015-02-25")
    [event] = await events(db, i["id"])
    assert (event["destination"], event["event_type"]) == ("pgb", "pgb-ingetrokken")
    payload = PgbBeschiktEvent.model_validate(event["payload"])
    assert payload.einddatum == payload.ingangsdatum


async def test_herziening_die_eerder_start_annuleert_de_oude(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    oud = b["maatwerkvoorzieningen"][0]["id"]
    herziening = await beschikking(
        intake,
        m["id"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[
            voorziening(
                begindatum="2026-03-26",
                vervangtId=oud,
                motiveringAfwijking="Eerder nodig dan de indicatie: de situatie verslechterde.",
            )
        ],
    )
    herziening = await verzend(intake, herziening["id"])
    stop, start = await events(db, herziening["id"])
    assert stop["payload"]["maatwerkvoorzieningId"] == oud
    assert stop["payload"]["einddatum"] == stop["payload"]["ingangsdatum"] == "2026-04-01"
    assert start["event_type"] == "maatwerkvoorziening-gestart"
    # The replaced voorziening ended once: withdrawing its beschikking sends nothing for it.
    i = await trek_in(intake, m["id"], b["id"], "2026-09-30")
    assert await events(db, i["id"]) == []


async def test_intrekking_beeindigt_de_opdracht(intake: httpx.AsyncClient) -> None:
    m, b = await verzonden_zaak(intake)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["x"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    opdracht = r.json()
    await trek_in(intake, m["id"], b["id"], "2026-08-31")
    r = await intake.get(f"/api/v1/opdrachten/{opdracht['id']}", headers=GW)
    assert r.json()["gegevens"]["einddatum"] == "2026-08-31"
    assert r.json()["gegevens"]["redenWijziging"] == "05"
    assert r.json()["versie"] == opdracht["versie"] + 1
    eerst, daarna = await toewijzingen(intake, opdracht["id"])
    assert eerst["toewijzingnummer"] == daarna["toewijzingnummer"]
    assert (eerst["einddatum"], eerst["redenWijziging"]) == ("2027-03-31", None)
    assert (daarna["einddatum"], daarna["redenWijziging"]) == ("2026-08-31", "05")
    r = await intake.get(f"/api/v1/opdrachten/{opdracht['id']}/wmo301", headers=GW)
    xml = etree.fromstring(r.content)
    product = xml.find(".//w:ToegewezenProduct", NS)
    assert product is not None
    assert product.findtext("w:Einddatum", namespaces=NS) == "2026-08-31"
    assert product.findtext("w:RedenWijziging", namespaces=NS) == "05"


async def test_wat_het_cak_zou_weigeren_wordt_aan_de_bron_geweigerd(
    intake: httpx.AsyncClient,
) -> None:
    """A hulpmiddel with eigen bijdrage needs its kostprijs (the CAK register refuses it
    without), and a productcategorie is one of iWmo's 01..18: refused when the beschikking is
    drawn up, not parked when its event is delivered."""
    m, b = await verzonden_zaak(intake)
    for v, veld, rule in (
        (
            voorziening(productcategorie="11", productcode="11A01", indicatieId=None),
            "maatwerkvoorzieningen[0].kostprijs",
            ["FIN-12"],
        ),
        (
            voorziening(productcategorie="19", productcode="19A01", indicatieId=None),
            "maatwerkvoorzieningen[0].productcategorie",
            None,
        ),
    ):
        r = await intake.post(
            "/api/v1/beschikkingen",
            json=await met_besluiten(
                intake,
                {
                    "meldingId": m["id"],
                    "soort": "herziening",
                    "vorigeBeschikkingId": b["id"],
                    "besluitdatum": "2026-03-26",
                    "motivering": "x",
                    "maatwerkvoorzieningen": [v],
                },
            ),
            headers=h(),
        )
        assert r.status_code == 400, r.text
        assert r.json()["invalidParams"][0]["name"] == veld
        assert r.json().get("rules") == rule
