"""Changing or ending a provider (Bijlage 2 §6.1, §7.3–7.5): the wisseling ends the old
toewijzing the day before the new one starts; a provider's opzegging waits for the gemeente's
accord; after a refusal the gemeente issues a vervolgopdracht to another provider."""

from __future__ import annotations

from typing import Any

import httpx
from lxml import etree

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    datum_van,
    gecontracteerd,
    h,
    verzonden_zaak,
)
from tests.intake.api.test_beeindigingen import trek_in
from tests.support.stack import auth
from wmo_iwmo.xsd import validate

AGB, NIEUW = "12345678", "87654321"
AANBIEDER = auth("aanbieder", agb=AGB, sub="zorg-bv")
NIEUWE_AANBIEDER = auth("aanbieder", agb=NIEUW, sub="andere-bv")
SYSTEEM = auth("systeem")
NS = {
    "w": "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema",
    "i": "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
}


async def _geaccepteerd(intake: httpx.AsyncClient, accepteer: bool = True) -> dict[str, Any]:
    _, b = await verzonden_zaak(intake)
    await gecontracteerd(intake, NIEUW)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["x"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    o = dict(r.json())
    if accepteer:
        r = await intake.post(
            f"/api/v1/opdrachten/{o['id']}/acceptaties",
            json={"datum": datum_van(o["verstrektOp"])},
            headers=h(AANBIEDER),
        )
        assert r.status_code == 201, r.text
    return o


async def _feed(intake: httpx.AsyncClient, *opdracht_ids: str) -> list[dict[str, Any]]:
    gezien: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/toewijzingen", params=params, headers=SYSTEEM)
        page = r.json()
        gezien += [x for x in page["resultaten"] if x["opdrachtId"] in opdracht_ids]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            return gezien


async def _werkvoorraad(intake: httpx.AsyncClient, soort: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"soort": soort, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        items.extend(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return items


async def test_wisseling_zonder_gat_of_overlap(intake: httpx.AsyncClient) -> None:
    o = await _geaccepteerd(intake)
    url = f"/api/v1/opdrachten/{o['id']}/wisselingen"
    body = {"aanbiederAgb": NIEUW, "laatsteDag": "2026-06-30"}
    for headers, status in ((AANBIEDER, 403), (NIEUWE_AANBIEDER, 403), (ANDERE_GEMEENTE, 404)):
        r = await intake.post(url, json=body, headers=h(headers))
        assert r.status_code == status
    for fout, code in (
        ({"aanbiederAgb": AGB}, "zelfde-aanbieder"),
        ({"aanbiederAgb": "55555555"}, "aanbieder-niet-gecontracteerd"),
        ({"laatsteDag": "2027-03-31"}, "buiten-toewijzing"),
        ({"laatsteDag": "2026-03-31"}, "buiten-toewijzing"),
    ):
        r = await intake.post(url, json={**body, **fout}, headers=h())
        assert r.status_code == 400 and r.json()["code"] == code, r.text
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 201, r.text
    nieuw = r.json()
    assert (nieuw["aanbiederAgb"], nieuw["vorigeOpdrachtId"]) == (NIEUW, o["id"])
    assert (nieuw["gegevens"]["begindatum"], nieuw["gegevens"]["einddatum"]) == (
        "2026-07-01",
        "2027-03-31",
    )
    assert nieuw["toewijzingnummer"] != o["toewijzingnummer"] and nieuw["status"] == "verstrekt"
    oud = (await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=GW)).json()
    assert (oud["gegevens"]["einddatum"], oud["gegevens"]["redenWijziging"]) == ("2026-06-30", "09")
    feed = await _feed(intake, o["id"], nieuw["id"])
    assert [
        (t["toewijzingnummer"], t["ingangsdatum"], t["einddatum"], t["redenWijziging"])
        for t in feed
    ] == [
        (str(o["toewijzingnummer"]), "2026-04-01", "2027-03-31", None),
        (str(o["toewijzingnummer"]), "2026-04-01", "2026-06-30", "09"),
        (str(nieuw["toewijzingnummer"]), "2026-07-01", "2027-03-31", None),
    ]
    # Each provider sees its own; the old WMO301 carries the einddatum and RedenWijziging 09.
    r = await intake.get(f"/api/v1/opdrachten/{nieuw['id']}", headers=NIEUWE_AANBIEDER)
    assert r.status_code == 200
    r = await intake.get(f"/api/v1/opdrachten/{nieuw['id']}", headers=AANBIEDER)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}/wmo301", headers=AANBIEDER)
    assert validate("WMO301", r.content) == []
    product = etree.fromstring(r.content).find(".//w:ToegewezenProduct", NS)
    assert product.findtext("w:Einddatum", namespaces=NS) == "2026-06-30"
    assert product.findtext("w:RedenWijziging", namespaces=NS) == "09"
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "vervolg-bestaat-al"


async def test_vervolgopdracht_na_weigering(intake: httpx.AsyncClient) -> None:
    o = await _geaccepteerd(intake, accepteer=False)
    url = f"/api/v1/opdrachten/{o['id']}/vervolgopdrachten"
    r = await intake.post(url, json={"aanbiederAgb": NIEUW}, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "opdracht-niet-geweigerd"
    r = await intake.post(
        f"/api/v1/opdrachten/{o['id']}/weigeringen",
        json={"datum": datum_van(o["verstrektOp"]), "reden": "Na de kennismaking: geen klik."},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    items = await _werkvoorraad(intake, "vervolgopdracht")
    [item] = [i for i in items if i["referentieId"] == o["id"]]
    assert (item["rule"], item["uiterlijk"]) == ("AAN-13", datum_van(o["verstrektOp"]))
    for headers, status in ((AANBIEDER, 403), (ANDERE_GEMEENTE, 404)):
        r = await intake.post(url, json={"aanbiederAgb": NIEUW}, headers=h(headers))
        assert r.status_code == status
    r = await intake.post(url, json={"aanbiederAgb": AGB}, headers=h())
    assert r.status_code == 400 and r.json()["code"] == "zelfde-aanbieder"
    r = await intake.post(
        url, json={"aanbiederAgb": NIEUW, "doelen": ["Dagstructuur"]}, headers=h()
    )
    assert r.status_code == 201, r.text
    assert (r.json()["vorigeOpdrachtId"], r.json()["aanbiederAgb"]) == (o["id"], NIEUW)
    assert r.json()["gegevens"]["doelen"] == ["Dagstructuur"]
    assert r.json()["gegevens"]["begindatum"] == o["gegevens"]["begindatum"]
    items = await _werkvoorraad(intake, "vervolgopdracht")
    assert o["id"] not in {i["referentieId"] for i in items}
    r = await intake.post(url, json={"aanbiederAgb": NIEUW}, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "vervolg-bestaat-al"


async def test_opzegging_door_aanbieder_wacht_op_akkoord(intake: httpx.AsyncClient) -> None:
    o = await _geaccepteerd(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    r = await intake.post(
        f"{url}/opzeggingen",
        json={"opgezegdOp": "2026-05-15", "door": "aanbieder", "reden": "Geen passend aanbod."},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    assert r.json()["opzegging"]["akkoord"] is None
    assert "einddatum" not in r.json()["gegevens"] or r.json()["gegevens"]["einddatum"] == (
        "2027-03-31"
    )
    items = await _werkvoorraad(intake, "opzegging")
    [item] = [i for i in items if i["referentieId"] == o["id"]]
    assert (item["rule"], item["uiterlijk"]) == ("AAN-06", "2026-06-01")
    besluit = {"akkoord": True, "datum": "2026-05-20", "toelichting": "Akkoord (§7.3)."}
    for headers, status in ((AANBIEDER, 403), (ANDERE_GEMEENTE, 404)):
        r = await intake.post(f"{url}/opzeggingsbesluiten", json=besluit, headers=h(headers))
        assert r.status_code == status
    r = await intake.post(
        f"{url}/opzeggingsbesluiten", json={**besluit, "datum": "2026-05-14"}, headers=h()
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "datum"
    r = await intake.post(f"{url}/opzeggingsbesluiten", json=besluit, headers=h())
    assert r.status_code == 201, r.text
    opzegging = r.json()["opzegging"]
    assert opzegging["akkoord"]["akkoord"] is True and opzegging["einde"] == "2026-06-30"
    assert (r.json()["gegevens"]["einddatum"], r.json()["gegevens"]["redenWijziging"]) == (
        "2026-06-30",
        "09",
    )
    r = await intake.post(f"{url}/opzeggingsbesluiten", json=besluit, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "opzegging-beoordeeld"
    items = await _werkvoorraad(intake, "opzegging")
    assert o["id"] not in {i["referentieId"] for i in items}
    # The gemeente coordinates the next provider: it starts the day after the notice ends.
    r = await intake.post(
        f"{url}/wisselingen", json={"aanbiederAgb": NIEUW, "laatsteDag": "2026-06-30"}, headers=h()
    )
    assert r.status_code == 201, r.text
    assert r.json()["gegevens"]["begindatum"] == "2026-07-01"
    feed = await _feed(intake, o["id"])
    assert [t["einddatum"] for t in feed] == ["2027-03-31", "2026-06-30"]  # not sent twice


async def test_opzegging_niet_akkoord(intake: httpx.AsyncClient) -> None:
    o = await _geaccepteerd(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    r = await intake.post(
        f"{url}/opzeggingsbesluiten",
        json={"akkoord": False, "datum": "2026-05-20", "toelichting": "x"},
        headers=h(),
    )
    assert r.status_code == 409 and r.json()["code"] == "geen-opzegging-aanbieder"
    await intake.post(
        f"{url}/opzeggingen",
        json={"opgezegdOp": "2026-05-15", "door": "aanbieder", "reden": "Geen passend aanbod."},
        headers=h(AANBIEDER),
    )
    r = await intake.post(
        f"{url}/opzeggingsbesluiten",
        json={"akkoord": False, "datum": "2026-05-20", "toelichting": "Bindend advies (§7.4)."},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["opzegging"]["akkoord"]["akkoord"] is False
    assert r.json()["gegevens"]["einddatum"] == "2027-03-31"
    assert r.json()["opzegging"]["regels"][-1]["rule"] == "AAN-06"


async def test_intrekking_na_een_wisseling(intake: httpx.AsyncClient) -> None:
    """The voorziening ends early after a change of provider: the old toewijzing (ended before)
    is not sent again; the new one ends too, or is withdrawn (13) when it would not start."""
    _, b = await verzonden_zaak(intake)
    await gecontracteerd(intake, NIEUW)
    mv = b["maatwerkvoorzieningen"][0]["id"]
    r = await intake.post(
        "/api/v1/opdrachten", json={"maatwerkvoorzieningId": mv, "doelen": ["x"]}, headers=h()
    )
    o = r.json()
    r = await intake.post(
        f"/api/v1/opdrachten/{o['id']}/wisselingen",
        json={"aanbiederAgb": NIEUW, "laatsteDag": "2026-06-30"},
        headers=h(),
    )
    nieuw = r.json()
    await trek_in(intake, b["meldingId"], b["id"], "2026-09-30")
    feed = await _feed(intake, o["id"], nieuw["id"])
    assert [(t["opdrachtId"] == o["id"], t["einddatum"], t["redenWijziging"]) for t in feed] == [
        (True, "2027-03-31", None),
        (True, "2026-06-30", "09"),
        (False, "2027-03-31", None),
        (False, "2026-09-30", "05"),
    ]


async def test_intrekking_voor_de_start_van_de_nieuwe_aanbieder(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    await gecontracteerd(intake, NIEUW)
    mv = b["maatwerkvoorzieningen"][0]["id"]
    r = await intake.post(
        "/api/v1/opdrachten", json={"maatwerkvoorzieningId": mv, "doelen": ["x"]}, headers=h()
    )
    o = r.json()
    r = await intake.post(
        f"/api/v1/opdrachten/{o['id']}/wisselingen",
        json={"aanbiederAgb": NIEUW, "laatsteDag": "2026-06-30"},
        headers=h(),
    )
    nieuw = r.json()
    await trek_in(intake, b["meldingId"], b["id"], "2026-05-31")
    feed = await _feed(intake, o["id"], nieuw["id"])
    assert [(t["opdrachtId"] == o["id"], t["einddatum"], t["redenWijziging"]) for t in feed] == [
        (True, "2027-03-31", None),
        (True, "2026-06-30", "09"),
        (False, "2027-03-31", None),
        (True, "2026-05-31", "05"),
        (False, "2026-07-01", "13"),
    ]


async def _geweigerd(intake: httpx.AsyncClient) -> dict[str, Any]:
    o = await _geaccepteerd(intake, accepteer=False)
    r = await intake.post(
        f"/api/v1/opdrachten/{o['id']}/weigeringen",
        json={"datum": datum_van(o["verstrektOp"]), "reden": "Na de kennismaking: geen klik."},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    return o


async def test_gemeente_besluit_over_de_weigering(intake: httpx.AsyncClient) -> None:
    o = await _geweigerd(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    datum = datum_van(o["verstrektOp"])
    besluit = {"akkoord": False, "datum": datum, "toelichting": "Geen grond om af te zien."}
    for headers, status in ((AANBIEDER, 403), (ANDERE_GEMEENTE, 404)):
        r = await intake.post(f"{url}/weigeringsbesluiten", json=besluit, headers=h(headers))
        assert r.status_code == status
    r = await intake.post(f"{url}/weigeringsbesluiten", json=besluit, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "verstrekt"
    assert r.json()["reactie"]["besluit"]["akkoord"] is False
    assert r.json()["reactie"]["besluit"]["regels"][0]["rule"] == "AAN-13"
    items = await _werkvoorraad(intake, "vervolgopdracht")
    assert o["id"] not in {i["referentieId"] for i in items}
    # The provider must accept after all.
    r = await intake.post(f"{url}/acceptaties", json={"datum": datum}, headers=h(AANBIEDER))
    assert r.status_code == 201 and r.json()["status"] == "geaccepteerd"
    r = await intake.post(f"{url}/weigeringsbesluiten", json=besluit, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "opdracht-niet-geweigerd"

    o = await _geweigerd(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    r = await intake.post(
        f"{url}/weigeringsbesluiten", json={**besluit, "akkoord": True}, headers=h()
    )
    assert r.status_code == 201 and r.json()["status"] == "geweigerd"
    r = await intake.post(
        f"{url}/weigeringsbesluiten", json={**besluit, "akkoord": True}, headers=h()
    )
    assert r.status_code == 409 and r.json()["code"] == "weigering-beoordeeld"
    r = await intake.post(f"{url}/vervolgopdrachten", json={"aanbiederAgb": NIEUW}, headers=h())
    assert r.status_code == 201, r.text
