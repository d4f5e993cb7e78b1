"""The provider's duties as API operations (AAN-03..08, AAN-11, AAN-12): only the provider of the
opdracht reports, in its own gemeente; the term comes from the domain rules, and a late report
or a signal about the resident is in the werkvoorraad until the case worker handles it. The
gebiedsteam's consent to further no-shows counts in the AAN-05 judgement."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, datum_van, h, verzonden_zaak
from tests.support.stack import auth
from wmo_shared.clock import AMSTERDAM, nu

AGB = "12345678"
AANBIEDER = auth("aanbieder", agb=AGB, sub="zorg-bv")
ANDERE_AANBIEDER = auth("aanbieder", agb="87654321", sub="andere-bv")
ZELFDE_AGB_ANDERE_GEMEENTE = auth("aanbieder", "0718", agb=AGB, sub="zorg-bv")


async def _opdracht(intake: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    _, b = await verzonden_zaak(intake)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={
            "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
            "doelen": ["x"],
            **extra,
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def _vandaag() -> dt.date:
    return nu().astimezone(AMSTERDAM).date()


def _meldingen() -> list[dict[str, Any]]:
    """One report of every kind, on time."""
    vandaag = _vandaag().isoformat()
    moment = (nu() - dt.timedelta(hours=1)).isoformat()
    return [
        {
            "soort": "bijzonderheid",
            "aard": "ziekenhuisopname",
            "plaatsgevonden": vandaag,
            "toelichting": "Opgenomen na een val.",
        },
        {"soort": "vervanging", "eersteAfwezigheidsdag": vandaag, "vervangerVanaf": vandaag},
        {
            "soort": "no-show",
            "periodeBegin": "2026-04-01",
            "periodeEinde": "2026-04-30",
            "aantal": 1,
        },
        {"soort": "incident", "signaalOntvangen": moment, "beschrijving": "Agressie."},
        {"soort": "crisisstart", "gestartOp": moment, "zonderOpdracht": True},
        {
            "soort": "voortgangsrapportage",
            "periodeBegin": "2026-04-01",
            "periodeEinde": "2026-06-30",
            "inhoud": "Doelen op koers.",
        },
        {"soort": "eindrapportage", "inhoud": "Doelen bereikt."},
        {
            "soort": "signaal",
            "aard": "mantelzorg-overbelast",
            "waargenomen": vandaag,
            "toelichting": "De dochter kan het niet meer aan.",
        },
    ]


@pytest.mark.parametrize("melding", _meldingen(), ids=lambda m: str(m["soort"]))
async def test_elke_plicht_alleen_door_de_eigen_aanbieder(
    intake: httpx.AsyncClient, melding: dict[str, Any]
) -> None:
    o = await _opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}/meldingen-aanbieder"
    for headers, status in (
        (ANDERE_AANBIEDER, 404),
        (ZELFDE_AGB_ANDERE_GEMEENTE, 404),
        (GW, 403),
        (ANDERE_GEMEENTE, 403),
    ):
        r = await intake.post(url, json=melding, headers=h(headers))
        assert r.status_code == status, (headers, r.text)
    r = await intake.post(url, json=melding, headers=h(AANBIEDER))
    assert r.status_code == 201, r.text
    m = r.json()
    assert (m["soort"], m["teLaat"], m["aanbiederAgb"]) == (melding["soort"], False, AGB)
    assert m["rule"] in {r["rule"] for r in m["regels"]}
    for headers, status in (
        (ANDERE_AANBIEDER, 404),
        (ZELFDE_AGB_ANDERE_GEMEENTE, 404),
        (ANDERE_GEMEENTE, 404),
    ):
        r = await intake.get(url, headers=headers)
        assert r.status_code == status
    for headers in (AANBIEDER, GW):
        r = await intake.get(url, headers=headers)
        assert r.status_code == 200
        assert [x["id"] for x in r.json()["resultaten"]] == [m["id"]]


async def test_te_late_melding_en_signaal_in_de_werkvoorraad(intake: httpx.AsyncClient) -> None:
    o = await _opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}/meldingen-aanbieder"
    r = await intake.post(
        url,
        json={
            "soort": "bijzonderheid",
            "aard": "verblijf-buitenland",
            "plaatsgevonden": "2026-04-02",
            "toelichting": "Drie maanden in Spanje.",
        },
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    laat = r.json()
    assert laat["teLaat"] and laat["signaal"]
    assert laat["uiterlijk"].startswith("2026-04-13T23:59:59")  # Goede Vrijdag, tweede Paasdag
    r = await intake.post(
        url,
        json={
            "soort": "signaal",
            "aard": "onveilige-situatie",
            "waargenomen": _vandaag().isoformat(),
            "toelichting": "Gaslucht in de woning.",
        },
        headers=h(AANBIEDER),
    )
    signaal = r.json()
    items = await _werkvoorraad(intake)
    mijn = {i["referentieId"]: i for i in items if i["meldingId"] == o["meldingId"]}
    assert mijn[laat["id"]]["termijn"] == "bijzonderheid"
    assert mijn[laat["id"]]["rule"] == "AAN-03"
    assert (mijn[laat["id"]]["uiterlijk"], mijn[laat["id"]]["status"]) == ("2026-04-13", "verlopen")
    assert mijn[signaal["id"]]["rule"] == "AAN-11"
    assert mijn[signaal["id"]]["clientId"] is not None
    afhandeling = f"{url}/{signaal['id']}/afhandelingen"
    r = await intake.post(afhandeling, json={"datum": _vandaag().isoformat()}, headers=h(AANBIEDER))
    assert r.status_code == 403
    r = await intake.post(afhandeling, json={"datum": _vandaag().isoformat()}, headers=h(GW))
    assert r.status_code == 201 and r.json()["afgehandeldOp"] == _vandaag().isoformat()
    r = await intake.post(afhandeling, json={"datum": _vandaag().isoformat()}, headers=h(GW))
    assert r.status_code == 409
    items = await _werkvoorraad(intake)
    assert signaal["id"] not in {i["referentieId"] for i in items}


async def _werkvoorraad(intake: httpx.AsyncClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {
            "soort": "aanbiedermelding",
            "limit": "200",
            **({"cursor": cursor} if cursor else {}),
        }
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        items.extend(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return items


async def test_no_shows_met_toestemming_van_het_gebiedsteam(intake: httpx.AsyncClient) -> None:
    o = await _opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    no_shows = {
        "soort": "no-show",
        "periodeBegin": "2026-05-01",
        "periodeEinde": "2026-05-31",
        "aantal": 3,
    }
    r = await intake.post(f"{url}/meldingen-aanbieder", json=no_shows, headers=h(AANBIEDER))
    assert r.status_code == 201 and r.json()["signaal"]  # three or more: reported
    assert "Declarabel: 1." in r.json()["regels"][0]["toelichting"]
    toestemming = {
        "periodeBegin": "2026-05-01",
        "periodeEinde": "2026-05-31",
        "aantal": 1,
        "emailDatum": "2026-05-20",
    }
    for headers, status in ((AANBIEDER, 403), (ANDERE_GEMEENTE, 404)):
        r = await intake.post(f"{url}/no-show-toestemmingen", json=toestemming, headers=h(headers))
        assert r.status_code == status
    r = await intake.post(f"{url}/no-show-toestemmingen", json=toestemming, headers=h(GW))
    assert r.status_code == 201, r.text
    r = await intake.post(f"{url}/meldingen-aanbieder", json=no_shows, headers=h(AANBIEDER))
    assert "Declarabel: 2." in r.json()["regels"][0]["toelichting"]


async def test_ongeldige_meldingen(intake: httpx.AsyncClient) -> None:
    o = await _opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}/meldingen-aanbieder"
    morgen = (_vandaag() + dt.timedelta(days=1)).isoformat()
    for body, veld in [
        ({"soort": "onbekend"}, "soort"),
        (
            {
                "soort": "bijzonderheid",
                "aard": "anders",
                "plaatsgevonden": morgen,
                "toelichting": "x",
            },
            "plaatsgevonden",
        ),
        (
            {
                "soort": "no-show",
                "periodeBegin": "2026-05-31",
                "periodeEinde": "2026-05-01",
                "aantal": 1,
            },
            "periodeEinde",
        ),
        (
            {
                "soort": "no-show",
                "periodeBegin": "2026-05-01",
                "periodeEinde": "2026-05-31",
                "aantal": 1000,
            },
            "aantal",
        ),
        (
            {"soort": "incident", "signaalOntvangen": "2026-04-01T10:00:00", "beschrijving": "x"},
            "signaalOntvangen",
        ),
    ]:
        r = await intake.post(url, json=body, headers=h(AANBIEDER))
        assert r.status_code == 400, (body, r.text)
        assert veld in r.json()["invalidParams"][0]["name"], r.text


async def test_elke_aanbiedersroute_weigert_andere_agb_en_andere_gemeente(
    intake: httpx.AsyncClient,
) -> None:
    o = await _opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    datum = datum_van(o["verstrektOp"])
    routes: list[tuple[str, str, dict[str, Any] | None]] = [
        ("GET", "", None),
        ("GET", "/wmo301", None),
        ("GET", "/meldingen-aanbieder", None),
        ("POST", "/acceptaties", {"datum": datum}),
        ("POST", "/weigeringen", {"datum": datum, "reden": "Geen capaciteit in de regio"}),
        ("POST", "/zorgplannen", {"ontvangstdatum": datum}),
        (
            "POST",
            "/opzeggingen",
            {"opgezegdOp": "2026-05-15", "door": "aanbieder", "reden": "Verhuizing"},
        ),
        ("POST", "/meldingen-aanbieder", _meldingen()[0]),
    ]
    for methode, pad, body in routes:
        for headers in (ANDERE_AANBIEDER, ZELFDE_AGB_ANDERE_GEMEENTE):
            r = await intake.request(methode, url + pad, json=body, headers=h(headers))
            assert r.status_code == 404, (methode, pad, r.text)
    r = await intake.get(
        "/api/v1/opdrachten", params={"limit": 200}, headers=ZELFDE_AGB_ANDERE_GEMEENTE
    )
    assert o["id"] not in {x["id"] for x in r.json()["resultaten"]}
