"""Issue 12.7: a cliënt's data can change, with history: contact details, a move (also to
another gemeente), a wettelijk vertegenwoordiger as a party on the case, and death. Every
change needs If-Match, keeps the old version and is audited; registering the same BSN again
points at the existing cliënt."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    bsn,
    h,
    melding,
    verzonden_zaak,
)
from tests.intake.api.peers import PGB
from tests.intake.api.vlissingen import verzonden_zaak_2015
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent

SYSTEEM = auth("systeem")


async def _client(
    intake: httpx.AsyncClient, client_id: str, headers: dict[str, str] = GW
) -> httpx.Response:
    r = await intake.get(f"/api/v1/clienten/{client_id}", headers=headers)
    assert r.status_code == 200, r.text
    return r


async def _etag(intake: httpx.AsyncClient, client_id: str, headers: dict[str, str] = GW) -> str:
    return (await _client(intake, client_id, headers)).headers["ETag"]


async def _events(db: TestDatabase, voorziening_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, event_type, payload FROM intake.outbox "
            "WHERE payload->>'maatwerkvoorzieningId' = $1 ORDER BY id",
            voorziening_id,
        )
    finally:
        await conn.close()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


async def _opdracht(intake: httpx.AsyncClient, voorziening_id: str) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": voorziening_id, "doelen": ["Dagstructuur"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_dezelfde_bsn_wijst_naar_de_bestaande_client(intake: httpx.AsyncClient) -> None:
    body = {"bsn": bsn(), "voornamen": "A", "achternaam": "B", "geboortedatum": "1950-01-01"}
    r = await intake.post("/api/v1/clienten", json=body, headers=h())
    assert r.status_code == 201
    bestaand = r.json()["id"]
    r = await intake.post("/api/v1/clienten", json=body, headers=h())
    assert r.status_code == 409
    assert r.json()["code"] == "client-bestaat-al"
    assert r.headers["Location"] == f"/api/v1/clienten/{bestaand}"
    assert f"/api/v1/clienten/{bestaand}" in r.json()["detail"]
    assert body["bsn"] not in r.text
    r = await intake.post("/api/v1/clienten", json=body, headers=h(ANDERE_GEMEENTE))
    assert r.status_code == 201  # another gemeente has its own file


async def test_contactgegevens_met_geschiedenis(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    cid = m["clientId"]
    url = f"/api/v1/clienten/{cid}"
    r = await intake.patch(url, json={"telefoon": "0687654321"}, headers=h())
    assert r.status_code == 428
    r = await intake.patch(url, json={"telefoon": "0687654321"}, headers=h(**{"If-Match": 'W/"9"'}))
    assert r.status_code == 412
    r = await intake.patch(url, json={}, headers=h(**{"If-Match": 'W/"1"'}))
    assert r.status_code == 400
    r = await intake.patch(
        url, json={"telefoon": "0687654321"}, headers=h(ANDERE_GEMEENTE, **{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 404
    r = await intake.patch(
        url, json={"telefoon": "0687654321"}, headers=h(auth("financien"), **{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 403
    r = await intake.patch(
        url, json={"telefoon": "0687654321", "email": None}, headers=h(**{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == 'W/"2"'
    assert (r.json()["telefoon"], r.json()["email"]) == ("0687654321", None)
    assert r.json()["adres"]["woonplaats"] == "Oosterwolde"
    r = await intake.get(f"{url}/versies", headers=GW)
    eerste, tweede = r.json()["resultaten"]
    assert (eerste["wijziging"], eerste["gegevens"]["telefoon"]) == ("registratie", "0612345678")
    assert eerste["gegevens"]["email"] == "sanne@example.nl"
    assert (tweede["wijziging"], tweede["gegevens"]["telefoon"]) == (
        "contactgegevens",
        "0687654321",
    )
    r = await intake.get(f"{url}/versies", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404


async def test_wettelijk_vertegenwoordiger_is_partij(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    cid = m["clientId"]
    url = f"/api/v1/clienten/{cid}/vertegenwoordigers"
    body = {
        "soort": "bewindvoerder",
        "naam": "Bewind Noord BV",
        "ingangsdatum": "2025-06-01",
        "toelichting": "Beschikking kantonrechter 2025-05-20",
    }
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 428
    r = await intake.post(url, json=body, headers=h(**{"If-Match": 'W/"1"'}))
    assert r.status_code == 201, r.text
    v = r.json()
    assert v["clientVersie"] == 2 and v["einddatum"] is None
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert [p["naam"] for p in r.json()["vertegenwoordigers"]] == ["Bewind Noord BV"]
    einde = {"einddatum": "2026-03-01", "reden": "Bewind opgeheven"}
    r = await intake.post(
        f"{url}/{v['id']}/beeindigingen", json=einde, headers=h(**{"If-Match": 'W/"2"'})
    )
    assert r.status_code == 201, r.text
    assert (r.json()["einddatum"], r.json()["eindeReden"]) == ("2026-03-01", "Bewind opgeheven")
    r = await intake.post(
        f"{url}/{v['id']}/beeindigingen", json=einde, headers=h(**{"If-Match": 'W/"3"'})
    )
    assert r.status_code == 409
    r = await intake.get(url, headers=GW)
    assert [x["einddatum"] for x in r.json()["resultaten"]] == ["2026-03-01"]
    r = await intake.get(f"{url}/{v['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["vertegenwoordigers"] == []
    r = await intake.get(f"/api/v1/clienten/{cid}/versies", headers=GW)
    versies = r.json()["resultaten"]
    assert [x["wijziging"] for x in versies] == [
        "registratie",
        "vertegenwoordiger",
        "vertegenwoordiger",
    ]
    assert versies[1]["gegevens"]["vertegenwoordigers"][0]["einddatum"] is None


async def test_verhuizing_binnen_de_gemeente(intake: httpx.AsyncClient) -> None:
    m, _ = await verzonden_zaak(intake)
    r = await intake.post(
        f"/api/v1/clienten/{m['clientId']}/verhuizingen",
        json={"datum": "2026-06-01", "adres": {"postcode": "8431CD", "woonplaats": "Oosterwolde"}},
        headers=h(**{"If-Match": 'W/"1"'}),
    )
    assert r.status_code == 201, r.text
    assert r.json()["beeindigdeVoorzieningen"] == [] and r.json()["afgeslotenZaken"] == []
    assert r.json()["client"]["adres"]["postcode"] == "8431CD"
    assert r.json()["client"]["status"] == "actief"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beschikking"


async def test_verhuizing_naar_een_andere_gemeente(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    vid = b["maatwerkvoorzieningen"][0]["id"]
    o = await _opdracht(intake, vid)
    cid = m["clientId"]
    r = await intake.post(
        f"/api/v1/clienten/{cid}/verhuizingen",
        json={
            "datum": "2026-06-01",
            "adres": {"postcode": "4381AB", "woonplaats": "Vlissingen"},
            "gemeente": "0718",
        },
        headers=h(**{"If-Match": await _etag(intake, cid)}),
    )
    assert r.status_code == 201, r.text
    verhuizing = r.json()
    assert verhuizing["client"]["status"] == "vertrokken"
    assert verhuizing["client"]["nieuweGemeente"] == "0718"
    assert verhuizing["afgeslotenZaken"] == [m["id"]]
    [einde] = verhuizing["beeindigdeVoorzieningen"]
    assert (einde["einddatum"], einde["geannuleerd"]) == ("2026-05-31", False)
    _, stop = await _events(db, vid)
    assert stop["event_type"] == "maatwerkvoorziening-beeindigd"
    assert MaatwerkvoorzieningEvent.model_validate(stop["payload"]).einddatum.isoformat() == (
        "2026-05-31"
    )
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=GW)
    assert (r.json()["gegevens"]["einddatum"], r.json()["gegevens"]["redenWijziging"]) == (
        "2026-05-31",
        "07",
    )
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beeindigd"
    r = await intake.post(
        "/api/v1/meldingen",
        json={"clientId": cid, "ontvangstdatum": "2026-06-02", "kanaal": "loket", "hulpvraag": "x"},
        headers=h(),
    )
    assert (r.status_code, r.json()["code"]) == (409, "client-vertrokken")
    r = await intake.patch(
        f"/api/v1/clienten/{cid}",
        json={"telefoon": "06"},
        headers=h(**{"If-Match": await _etag(intake, cid)}),
    )
    assert r.status_code == 409
    # The history stays here: the versions are readable.
    r = await intake.get(f"/api/v1/clienten/{cid}/versies", headers=GW)
    assert r.json()["resultaten"][-1]["gegevens"]["nieuweGemeente"] == "0718"


async def test_overlijden_beeindigt_alles(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m, b = await verzonden_zaak(intake)
    vid = b["maatwerkvoorzieningen"][0]["id"]
    o = await _opdracht(intake, vid)
    cid = m["clientId"]
    # A second case of the same cliënt with a pgb that starts after the death.
    m2 = await melding(intake, client_id=cid)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/vertegenwoordigers",
        json={"soort": "mentor", "naam": "J. de Mentor", "ingangsdatum": "2026-01-01"},
        headers=h(**{"If-Match": await _etag(intake, cid)}),
    )
    assert r.status_code == 201
    url = f"/api/v1/clienten/{cid}/overlijdensmeldingen"
    r = await intake.post(
        url, json={"datum": "1949-01-01"}, headers=h(**{"If-Match": await _etag(intake, cid)})
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "datum"
    r = await intake.post(
        url,
        json={"datum": "2026-05-02", "bron": "BRP"},
        headers=h(SYSTEEM, **{"If-Match": await _etag(intake, cid)}),
    )
    assert r.status_code == 201, r.text
    overlijden = r.json()
    assert overlijden["client"]["status"] == "overleden"
    assert overlijden["client"]["overledenOp"] == "2026-05-02"
    assert sorted(overlijden["afgeslotenZaken"]) == sorted([m["id"], m2["id"]])
    [einde] = overlijden["beeindigdeVoorzieningen"]
    assert einde["maatwerkvoorzieningId"] == vid and einde["einddatum"] == "2026-05-02"
    assert "FIN-12" in {x["rule"] for x in overlijden["regels"]}
    _, stop = await _events(db, vid)
    assert (stop["destination"], stop["event_type"]) == ("finance", "maatwerkvoorziening-beeindigd")
    assert stop["payload"]["einddatum"] == "2026-05-02"
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=GW)
    assert (r.json()["gegevens"]["einddatum"], r.json()["gegevens"]["redenWijziging"]) == (
        "2026-05-02",
        "02",
    )
    r = await intake.get(f"/api/v1/clienten/{cid}/vertegenwoordigers", headers=GW)
    assert r.json()["resultaten"][0]["einddatum"] == "2026-05-02"
    r = await intake.post(
        url, json={"datum": "2026-05-02"}, headers=h(**{"If-Match": await _etag(intake, cid)})
    )
    assert (r.status_code, r.json()["code"]) == (409, "client-overleden")
    r = await intake.post(
        url, json={"datum": "2026-05-02"}, headers=h(auth("financien"), **{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 403


async def test_overlijden_voor_de_start_annuleert(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    vlissingen = auth("gebiedsteam", "0718")  # Anna's pgb from 2015-03-01 (scenario C)
    m, b = await verzonden_zaak_2015(
        intake,  # sent on 20 February 2015, with the Walcheren letter policy
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        pgbPlanId=PGB,
    )
    vid = b["maatwerkvoorzieningen"][0]["id"]
    cid = m["clientId"]
    r = await intake.post(
        f"/api/v1/clienten/{cid}/overlijdensmeldingen",
        json={"datum": "2015-02-20"},
        headers=h(vlissingen, **{"If-Match": await _etag(intake, cid, vlissingen)}),
    )
    assert r.status_code == 201, r.text
    [einde] = r.json()["beeindigdeVoorzieningen"]
    assert (einde["einddatum"], einde["geannuleerd"]) == ("2015-03-01", True)
    stops = [
        e for e in await _events(db, vid) if e["event_type"].endswith(("beeindigd", "ingetrokken"))
    ]
    assert {e["destination"] for e in stops} == {"finance", "pgb"}
    for e in stops:
        model = MaatwerkvoorzieningEvent if e["destination"] == "finance" else PgbBeschiktEvent
        payload = model.model_validate(e["payload"])
        assert payload.einddatum == payload.ingangsdatum


async def test_nieuwe_routes_andere_gemeente_404_verkeerde_rol_403(
    intake: httpx.AsyncClient,
) -> None:
    m = await melding(intake)
    cid = m["clientId"]
    r = await intake.post(
        f"/api/v1/clienten/{cid}/vertegenwoordigers",
        json={"soort": "curator", "naam": "C. Urator", "ingangsdatum": "2025-01-01"},
        headers=h(**{"If-Match": 'W/"1"'}),
    )
    vid = r.json()["id"]
    routes: list[tuple[str, str, dict[str, Any] | None]] = [
        ("PATCH", f"/clienten/{cid}", {"telefoon": "06"}),
        ("GET", f"/clienten/{cid}/versies", None),
        (
            "POST",
            f"/clienten/{cid}/verhuizingen",
            {"datum": "2026-06-01", "adres": {"woonplaats": "Makkinga"}},
        ),
        ("POST", f"/clienten/{cid}/overlijdensmeldingen", {"datum": "2026-05-02"}),
        (
            "POST",
            f"/clienten/{cid}/vertegenwoordigers",
            {"soort": "mentor", "naam": "M", "ingangsdatum": "2025-01-01"},
        ),
        ("GET", f"/clienten/{cid}/vertegenwoordigers", None),
        ("GET", f"/clienten/{cid}/vertegenwoordigers/{vid}", None),
        (
            "POST",
            f"/clienten/{cid}/vertegenwoordigers/{vid}/beeindigingen",
            {"einddatum": "2026-01-01", "reden": "x"},
        ),
    ]
    for method, path, body in routes:
        for headers, status in ((ANDERE_GEMEENTE, 404), (auth("aanbieder", agb="12345678"), 403)):
            r = await intake.request(
                method, "/api/v1" + path, json=body, headers=h(headers, **{"If-Match": 'W/"2"'})
            )
            assert r.status_code == status, (method, path, r.text)
    r = await intake.get(f"/api/v1/clienten/{cid}", headers=GW)
    assert r.json()["versie"] == 2  # nothing changed
