"""Who handles a case (issue 14.3): toewijzen, oppakken, overdracht with history, If-Match and
Idempotency-Key, the werkvoorraad filtered on mine / my team / nobody's, and isolation."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, h, melding
from tests.support.stack import auth


def werker(naam: str, team: str = "Noord", gemeente: str = "0085") -> dict[str, str]:
    sub = f"{naam.lower()}-{uuid.uuid4().hex[:8]}"
    return auth("gebiedsteam", gemeente, sub=sub, name=naam, team=f"{team}-{sub}")


def sub_van(headers: dict[str, str]) -> str:
    import jwt

    token = headers["Authorization"].split()[1]
    return str(jwt.decode(token, options={"verify_signature": False})["sub"])


def team_van(headers: dict[str, str]) -> str:
    import jwt

    token = headers["Authorization"].split()[1]
    return str(jwt.decode(token, options={"verify_signature": False})["team"])


async def werkvoorraad(
    intake: httpx.AsyncClient, headers: dict[str, str], **params: str
) -> set[str]:
    ids: set[str] = set()
    cursor = None
    while True:
        query = {**params, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=headers)
        assert r.status_code == 200, r.text
        ids |= {i["meldingId"] for i in r.json()["resultaten"] if i["meldingId"]}
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return ids


async def _post(
    intake: httpx.AsyncClient, pad: str, body: dict[str, Any], headers: dict[str, str], **extra: str
) -> httpx.Response:
    return await intake.post(f"/api/v1/meldingen/{pad}", json=body, headers=h(headers, **extra))


async def test_toewijzen_oppakken_overdragen(intake: httpx.AsyncClient) -> None:
    anna, bram = werker("Anna"), werker("Bram")
    m = await melding(intake)
    r = await _post(intake, f"{m['id']}/oppakkingen", {}, anna)
    assert r.status_code == 201, r.text
    b = r.json()
    assert b["behandelaar"] == {"sub": sub_van(anna), "naam": "Anna"}
    assert b["team"] == team_van(anna) and r.headers["ETag"] == f'W/"{b["versie"]}"'
    assert [w["soort"] for w in b["historie"]] == ["oppakken"]
    assert b["historie"][0]["regels"][0]["rule"] == "BEH-02"
    # Taken: claiming or assigning again is refused; only an overdracht with a reason
    r = await _post(intake, f"{m['id']}/oppakkingen", {}, bram)
    assert r.status_code == 409 and r.json()["code"] == "al-toegewezen"
    r = await _post(
        intake, f"{m['id']}/behandelaar-toewijzingen", {"behandelaar": {"sub": "x"}}, bram
    )
    assert r.status_code == 409
    naar_bram = {"behandelaar": {"sub": sub_van(bram), "naam": "Bram"}, "reden": "Vakantie"}
    r = await _post(intake, f"{m['id']}/overdrachten", {**naar_bram, "reden": ""}, anna)
    assert r.status_code == 400
    r = await _post(intake, f"{m['id']}/overdrachten", naar_bram, anna, **{"If-Match": 'W/"1"'})
    assert r.status_code == 412
    r = await _post(
        intake, f"{m['id']}/overdrachten", naar_bram, anna, **{"If-Match": f'W/"{b["versie"]}"'}
    )
    assert r.status_code == 201, r.text
    b = r.json()
    assert b["behandelaar"]["sub"] == sub_van(bram) and b["team"] is None
    [eerste, tweede] = b["historie"]
    assert eerste["soort"] == "oppakken"
    assert tweede["soort"] == "overdracht" and tweede["reden"] == "Vakantie"
    assert tweede["van"] == {"sub": sub_van(anna), "naam": "Anna"}
    assert tweede["door"] == sub_van(anna) and tweede["regels"][0]["rule"] == "BEH-03"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}/behandeling", headers=GW)
    assert r.status_code == 200 and len(r.json()["historie"]) == 2
    # The melding's ETag moved with it
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.headers["ETag"] == f'W/"{b["versie"]}"'


async def test_toewijzen_idempotent(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    body = {"behandelaar": {"sub": "carla", "naam": "Carla"}, "team": "Zuid"}
    headers = h(GW)
    pad = f"/api/v1/meldingen/{m['id']}/behandelaar-toewijzingen"
    eerste = await intake.post(pad, json=body, headers=headers)
    assert eerste.status_code == 201, eerste.text
    tweede = await intake.post(pad, json=body, headers=headers)
    assert tweede.status_code == 201 and tweede.headers.get("Idempotent-Replayed") == "true"
    assert tweede.json() == eerste.json() and len(eerste.json()["historie"]) == 1


async def test_werkvoorraad_mij_team_niemand(intake: httpx.AsyncClient) -> None:
    anna, bram = werker("Anna"), werker("Bram")
    m1, m2, m3 = [await melding(intake) for _ in range(3)]
    assert (await _post(intake, f"{m1['id']}/oppakkingen", {}, anna)).status_code == 201
    toewijzing = {"behandelaar": {"sub": sub_van(bram)}, "team": team_van(anna)}
    r = await _post(intake, f"{m2['id']}/behandelaar-toewijzingen", toewijzing, GW)
    assert r.status_code == 201, r.text
    mij = await werkvoorraad(intake, anna, behandelaar="mij")
    assert mij == {m1["id"]}
    assert await werkvoorraad(intake, bram, behandelaar="mij") == {m2["id"]}
    assert await werkvoorraad(intake, anna, team="mijn") == {m1["id"], m2["id"]}
    niemand = await werkvoorraad(intake, anna, behandelaar="niemand")
    assert m3["id"] in niemand and not {m1["id"], m2["id"]} & niemand
    r = await intake.get(
        "/api/v1/werkvoorraad", params={"behandelaar": "mij", "limit": 200}, headers=anna
    )
    item = next(i for i in r.json()["resultaten"] if i["meldingId"] == m1["id"])
    assert item["behandelaar"] == {"sub": sub_van(anna), "naam": "Anna"}
    # A token without a team claim cannot ask for its team
    r = await intake.get("/api/v1/werkvoorraad", params={"team": "mijn"}, headers=GW)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "team"
    r = await intake.get("/api/v1/werkvoorraad", params={"behandelaar": "jij"}, headers=GW)
    assert r.status_code == 400


async def test_isolatie_en_rollen(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    elders = werker("Els", gemeente="0718")
    for pad, body in (
        ("oppakkingen", {}),
        ("behandelaar-toewijzingen", {"behandelaar": {"sub": "els"}}),
        ("overdrachten", {"behandelaar": {"sub": "els"}, "reden": "Waarom niet"}),
    ):
        r = await _post(intake, f"{m['id']}/{pad}", body, elders)
        assert r.status_code == 404, (pad, r.text)
    assert (
        await intake.get(f"/api/v1/meldingen/{m['id']}/behandeling", headers=ANDERE_GEMEENTE)
    ).status_code == 404
    assert m["id"] not in await werkvoorraad(intake, elders, behandelaar="niemand")
    # beheer may assign but not claim; other roles neither
    r = await _post(intake, f"{m['id']}/oppakkingen", {}, auth("beheer"))
    assert r.status_code == 403
    for rol in ("financien", "aanbieder", "clientondersteuner"):
        r = await _post(
            intake, f"{m['id']}/behandelaar-toewijzingen", {"behandelaar": {"sub": "x"}}, auth(rol)
        )
        assert r.status_code == 403, rol
    r = await _post(
        intake, f"{m['id']}/behandelaar-toewijzingen", {"behandelaar": {"sub": "x"}}, auth("beheer")
    )
    assert r.status_code == 201
    r = await intake.get(f"/api/v1/meldingen/{m['id']}/behandeling", headers=GW)
    assert r.json()["behandelaar"] == {"sub": "x", "naam": None}
    # Bounded input
    r = await _post(
        intake, f"{m['id']}/overdrachten", {"behandelaar": {"sub": "y" * 201}, "reden": "abc"}, GW
    )
    assert r.status_code == 400


async def test_a_name_or_team_claim_that_cannot_be_stored_counts_as_absent(
    intake: httpx.AsyncClient,
) -> None:
    """A token's ``name`` or ``team`` with a NUL or a control character (which PostgreSQL or
    XML cannot hold) is taken as absent, not stored and failed on (a 400 of the insert)."""
    sub = f"claim-{uuid.uuid4().hex[:8]}"
    vreemd = auth("gebiedsteam", "0085", sub=sub, name="An\x00na", team="No\x07ord")
    m = await melding(intake)
    r = await _post(intake, f"{m['id']}/oppakkingen", {}, vreemd)
    assert r.status_code == 201, r.text
    assert r.json()["behandelaar"] == {"sub": sub, "naam": None} and r.json()["team"] is None
    r = await intake.get("/api/v1/werkvoorraad", params={"team": "mijn"}, headers=vreemd)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "team"
