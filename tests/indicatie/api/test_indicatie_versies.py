"""Revising and ending an indicatie: a new version each time, the old one kept and marked
``vervangen``; If-Match guards against overwriting someone else's change."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.indicatie.api.support import (
    VLISSINGEN,
    aanvraag_van,
    audit_rows,
    bsn,
    echte_indicatie,
    sanne_indicatie,
)
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/indicaties"


def herziening(**extra: Any) -> dict[str, Any]:
    body = sanne_indicatie(**extra)
    del body["bsn"], body["aanvraagId"]
    return {"reden": "Na een half jaar is minder begeleiding nodig.", **body}


async def _vastgelegd(indicatie: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    r = await indicatie.post(URL, json=await echte_indicatie(**extra), headers=auth())
    assert r.status_code == 201, r.text
    return dict(r.json())


def _match(versie: int) -> dict[str, str]:
    return {**auth(), "If-Match": f'W/"{versie}"'}


async def test_revision_is_a_new_version_and_keeps_the_old(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    v1 = await _vastgelegd(indicatie)
    body = herziening(
        profiel="IBO-2", omvang="2.5", begindatum="2026-10-01", einddatum="2027-09-30"
    )
    r = await indicatie.post(
        f"{URL}/{v1['id']}/herzieningen",
        json=body,
        headers={**_match(1), "X-Request-ID": "herzien-1"},
    )
    assert r.status_code == 201, r.text
    v2 = r.json()
    assert r.headers["Location"] == f"{URL}/{v2['id']}"
    assert r.headers["ETag"] == 'W/"1"'
    assert v2["id"] != v1["id"]
    assert (v2["reeksId"], v2["volgnummer"], v2["vorigeId"]) == (v1["reeksId"], 2, v1["id"])
    assert (v2["soort"], v2["status"]) == ("herzien", "actief")
    assert (v2["profiel"], v2["omvang"], v2["reden"]) == ("IBO-2", "2.5", body["reden"])
    assert (v2["bsn"], v2["aanvraagId"]) == (v1["bsn"], v1["aanvraagId"])

    old = await indicatie.get(f"{URL}/{v1['id']}", headers=auth())
    assert old.status_code == 200
    assert old.headers["ETag"] == 'W/"2"'  # its status changed
    kept = old.json()
    assert (kept["status"], kept["vervangenDoorId"]) == ("vervangen", v2["id"])
    # nothing of its content was overwritten
    for veld in ("profiel", "omvang", "begindatum", "einddatum", "motivering", "regels"):
        assert kept[veld] == v1[veld], veld

    versies = await indicatie.get(f"{URL}/{v2['id']}/versies", headers=auth())
    assert versies.status_code == 200
    assert [(v["id"], v["volgnummer"]) for v in versies.json()["resultaten"]] == [
        (v1["id"], 1),
        (v2["id"], 2),
    ]
    same = await indicatie.get(f"{URL}/{v1['id']}/versies", headers=auth())
    assert same.json() == versies.json()

    # the search shows the current version; on request the replaced one too
    zoek = await indicatie.post(f"{URL}/_zoek", json={"bsn": v1["bsn"]}, headers=auth())
    assert [i["id"] for i in zoek.json()["resultaten"]] == [v2["id"]]
    zoek = await indicatie.post(
        f"{URL}/_zoek", json={"bsn": v1["bsn"], "inclusiefVervangen": True}, headers=auth()
    )
    assert {i["id"] for i in zoek.json()["resultaten"]} == {v1["id"], v2["id"]}

    rows = await audit_rows(db, v2["id"])
    assert [a["actie"] for a in rows][:3] == ["herzien", "lezen", "lezen"]
    assert rows[0]["request_id"] == "herzien-1"
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        details = await conn.fetchval(
            "SELECT details::text FROM indicatie.audit WHERE request_id = 'herzien-1'"
        )
    finally:
        await conn.close()
    assert v1["id"] in details


async def test_revision_needs_if_match(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    url = f"{URL}/{v1['id']}/herzieningen"
    r = await indicatie.post(url, json=herziening(), headers=auth())
    assert r.status_code == 428
    assert r.json()["code"] == "if-match-vereist"
    r = await indicatie.post(url, json=herziening(), headers=_match(7))
    assert r.status_code == 412
    assert r.json()["code"] == "voorwaarde-mislukt"


async def test_a_replaced_version_cannot_be_revised_again(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    url = f"{URL}/{v1['id']}/herzieningen"
    assert (await indicatie.post(url, json=herziening(), headers=_match(1))).status_code == 201
    # a second worker who read version 1 before the revision
    stale = await indicatie.post(url, json=herziening(omvang="4"), headers=_match(1))
    assert stale.status_code == 412
    forced = await indicatie.post(
        url, json=herziening(omvang="4"), headers={**auth(), "If-Match": "*"}
    )
    assert forced.status_code == 409
    assert forced.json()["code"] == "indicatie-vervangen"


async def test_revision_is_checked_like_a_new_indicatie(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    url = f"{URL}/{v1['id']}/herzieningen"
    r = await indicatie.post(url, json=herziening(omvang="6", motivering=None), headers=_match(1))
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "omvang"
    assert r.json()["rules"] == ["IND-05"]
    r = await indicatie.post(
        url,
        json=herziening(
            aard="dagbesteding",
            profiel="DBO-1",
            omvang=2,
            perceel="dagbesteding",
            productcategorie="07",
        ),
        headers=_match(1),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "aard"
    assert r.json()["rules"] == ["IND-04"]
    r = await indicatie.post(url, json={**herziening(), "reden": ""}, headers=_match(1))
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "reden"
    # nothing happened
    still = await indicatie.get(f"{URL}/{v1['id']}", headers=auth())
    assert (still.json()["status"], still.headers["ETag"]) == ("actief", 'W/"1"')


async def test_ending_is_a_new_version_with_einddatum_and_reden(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    v1 = await _vastgelegd(indicatie, herzieningsdatum="2026-12-31")
    body = {"einddatum": "2026-09-30", "reden": "Cliënt verhuist naar een andere gemeente."}
    r = await indicatie.post(
        f"{URL}/{v1['id']}/beeindigingen",
        json=body,
        headers={**_match(1), "X-Request-ID": "einde-1"},
    )
    assert r.status_code == 201, r.text
    v2 = r.json()
    assert (v2["soort"], v2["status"], v2["volgnummer"]) == ("beeindigd", "beeindigd", 2)
    assert (v2["einddatum"], v2["reden"]) == ("2026-09-30", body["reden"])
    assert v2["herzieningsdatum"] is None  # it lay after the new end
    assert (v2["profiel"], v2["omvang"]) == (v1["profiel"], v1["omvang"])
    assert v2["rules"] == ["IND-11"]

    old = (await indicatie.get(f"{URL}/{v1['id']}", headers=auth())).json()
    assert (old["status"], old["einddatum"], old["vervangenDoorId"]) == (
        "vervangen",
        "2027-03-31",
        v2["id"],
    )
    r = await indicatie.post(
        f"{URL}/{v2['id']}/beeindigingen", json=body, headers={**auth(), "If-Match": "*"}
    )
    assert r.status_code == 409 and r.json()["code"] == "indicatie-beeindigd"
    r = await indicatie.post(f"{URL}/{v2['id']}/herzieningen", json=herziening(), headers=_match(1))
    assert r.status_code == 409 and r.json()["code"] == "indicatie-beeindigd"
    # a new indicatie for the same aanvraag and aard may be recorded again
    again = await echte_indicatie(
        bsn=v1["bsn"], aanvraagId=v1["aanvraagId"], begindatum="2026-10-01"
    )
    assert (await indicatie.post(URL, json=again, headers=auth())).status_code == 201
    rows = await audit_rows(db, v2["id"])
    assert rows[0]["actie"] == "beeindigen" and rows[0]["request_id"] == "einde-1"


@pytest.mark.parametrize(
    ("einddatum", "code"),
    [
        ("2026-03-31", "einddatum-voor-begindatum"),
        ("2027-04-30", "einddatum-na-huidige-einddatum"),
    ],
)
async def test_ending_date_is_checked(
    indicatie: httpx.AsyncClient, einddatum: str, code: str
) -> None:
    v1 = await _vastgelegd(indicatie)
    r = await indicatie.post(
        f"{URL}/{v1['id']}/beeindigingen",
        json={"einddatum": einddatum, "reden": "Doel bereikt."},
        headers=_match(1),
    )
    assert r.status_code == 400
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("einddatum", code)
    assert r.json()["rules"] == ["IND-11"]


async def test_ending_needs_if_match_and_is_idempotent(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    url = f"{URL}/{v1['id']}/beeindigingen"
    body = {"einddatum": "2026-06-30", "reden": "Doel bereikt."}
    assert (await indicatie.post(url, json=body, headers=auth())).status_code == 428
    headers = {**_match(1), "Idempotency-Key": str(uuid.uuid4())}
    first = await indicatie.post(url, json=body, headers=headers)
    second = await indicatie.post(url, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    versies = await indicatie.get(f"{URL}/{v1['id']}/versies", headers=auth())
    assert len(versies.json()["resultaten"]) == 2


async def test_systeem_may_end_but_not_revise(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    r = await indicatie.post(
        f"{URL}/{v1['id']}/herzieningen",
        json=herziening(),
        headers={**auth("systeem"), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 403
    r = await indicatie.post(
        f"{URL}/{v1['id']}/beeindigingen",
        json={"einddatum": "2026-06-30", "reden": "Beschikking ingetrokken."},
        headers={**auth("systeem"), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 201


async def test_other_gemeente_cannot_see_revise_or_end(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    v1 = await _vastgelegd(indicatie)
    vlissingen = {**auth(gemeente=VLISSINGEN), "If-Match": "*"}
    r = await indicatie.post(
        f"{URL}/{v1['id']}/herzieningen", json=herziening(), headers=vlissingen
    )
    assert r.status_code == 404
    r = await indicatie.post(
        f"{URL}/{v1['id']}/beeindigingen",
        json={"einddatum": "2026-06-30", "reden": "x"},
        headers=vlissingen,
    )
    assert r.status_code == 404
    r = await indicatie.get(f"{URL}/{v1['id']}/versies", headers=auth(gemeente=VLISSINGEN))
    assert r.status_code == 404
    assert (await audit_rows(db, v1["id"]))[-1]["gemeente"] == VLISSINGEN  # attempt recorded
    r = await indicatie.get(f"{URL}/{uuid.uuid4()}/versies", headers=auth())
    assert r.status_code == 404


async def test_versions_cannot_be_deleted_by_the_app(db: TestDatabase) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM indicatie.indicaties")
    finally:
        await conn.close()


async def test_perceel_maximum_counts_from_the_first_use_in_the_reeks(
    indicatie: httpx.AsyncClient,
) -> None:
    activerend = {
        "aard": "dagbesteding",
        "profiel": "DBO-1",
        "omvang": 2,
        "perceel": "activerende_groepsbegeleiding",
        "productcategorie": "07",
        "productcode": "07A02",
        "begindatum": "2026-04-01",
        "einddatum": "2027-03-31",
    }
    v1 = await _vastgelegd(indicatie, **activerend)
    url = f"{URL}/{v1['id']}/herzieningen"
    # a revision a year later may not run past two years after the first start (2028-03-31)
    te_lang = herziening(**{**activerend, "begindatum": "2027-04-01", "einddatum": "2029-03-31"})
    r = await indicatie.post(url, json=te_lang, headers=_match(1))
    assert r.status_code == 400, r.text
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("einddatum", "perceel-maximale-duur-overschreden")
    assert "1 april 2026" in param["reason"]
    assert r.json()["rules"] == ["IND-13"]
    past = herziening(**{**activerend, "begindatum": "2027-04-01", "einddatum": "2028-03-31"})
    assert (await indicatie.post(url, json=past, headers=_match(1))).status_code == 201


async def test_herindicatie_may_name_its_new_aanvraag(indicatie: httpx.AsyncClient) -> None:
    v1 = await _vastgelegd(indicatie)
    nieuwe_aanvraag = await aanvraag_van(v1["bsn"])
    r = await indicatie.post(
        f"{URL}/{v1['id']}/herzieningen",
        json={
            **herziening(begindatum="2027-04-01", einddatum="2028-03-31"),
            "aanvraagId": nieuwe_aanvraag,
        },
        headers=_match(1),
    )
    assert r.status_code == 201, r.text
    assert r.json()["aanvraagId"] == nieuwe_aanvraag
    assert r.json()["reeksId"] == v1["reeksId"]
    # the old aanvraag has no active indicatie of this aard any more
    again = await echte_indicatie(bsn=v1["bsn"], aanvraagId=v1["aanvraagId"])
    assert (await indicatie.post(URL, json=again, headers=auth())).status_code == 201


async def test_herindicatie_on_an_unknown_or_foreign_aanvraag_is_refused(
    indicatie: httpx.AsyncClient,
) -> None:
    """Issue 12.1: the new aanvraag a herindicatie names is a real one of the same cliënt."""
    v1 = await _vastgelegd(indicatie)
    url = f"{URL}/{v1['id']}/herzieningen"
    body = herziening(begindatum="2027-04-01", einddatum="2028-03-31")
    for aanvraag, code in (
        (str(uuid.uuid4()), "onbekende-aanvraag"),
        (await aanvraag_van(bsn()), "andere-client"),
    ):
        r = await indicatie.post(url, json={**body, "aanvraagId": aanvraag}, headers=_match(1))
        assert r.status_code == 400, r.text
        assert r.json()["code"] == code
        assert [p["name"] for p in r.json()["invalidParams"]] == ["aanvraagId"]
    got = await indicatie.get(f"{URL}/{v1['id']}", headers=auth())
    assert (got.json()["status"], got.headers["ETag"]) == ("actief", 'W/"1"')  # nothing stored
