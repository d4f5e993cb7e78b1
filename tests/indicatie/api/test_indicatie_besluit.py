"""``GET /indicaties/{id}/besluit``: the recorded indicatie intake checks a beschikking against,
published as ``wmo_shared.contracts.IndicatieBesluit`` (issue 12.1)."""

from __future__ import annotations

import httpx

from tests.indicatie.api.support import VLISSINGEN, audit_rows, echte_indicatie
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import IndicatieBesluit

URL = "/api/v1/indicaties"


async def _vastgelegd(indicatie: httpx.AsyncClient) -> dict:
    r = await indicatie.post(URL, json=await echte_indicatie(), headers=auth())
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_a_recorded_indicatie_as_besluit(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    ind = await _vastgelegd(indicatie)
    r = await indicatie.get(f"{URL}/{ind['id']}/besluit", headers=auth("systeem"))
    assert r.status_code == 200, r.text
    b = IndicatieBesluit.model_validate(r.json())
    assert (str(b.id), str(b.aanvraag_id), b.bsn) == (ind["id"], ind["aanvraagId"], ind["bsn"])
    assert (b.status, b.versie, b.gemeente) == ("actief", 1, "0085")
    assert (b.aard, b.productcategorie, b.productcode) == ("individuele_begeleiding", "02", "02A03")
    assert (str(b.omvang.waarde), b.omvang.eenheid) == ("3.5", "uur_per_week")
    assert (str(b.begindatum), str(b.einddatum)) == ("2026-04-01", "2027-03-31")
    assert b.rules == ind["rules"] and "IND-04" in b.rules
    rows = await audit_rows(db, ind["id"])
    assert [(r["actie"], r["rol"]) for r in rows][-1] == ("lezen", "systeem")


async def test_a_replaced_version_says_so(indicatie: httpx.AsyncClient) -> None:
    ind = await _vastgelegd(indicatie)
    r = await indicatie.post(
        f"{URL}/{ind['id']}/beeindigingen",
        json={"einddatum": "2026-09-30", "reden": "verhuisd"},
        headers={**auth(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 201, r.text
    nieuw = r.json()
    oud = IndicatieBesluit.model_validate(
        (await indicatie.get(f"{URL}/{ind['id']}/besluit", headers=auth("beheer"))).json()
    )
    assert (oud.status, str(oud.vervangen_door_id)) == ("vervangen", nieuw["id"])
    einde = IndicatieBesluit.model_validate(
        (await indicatie.get(f"{URL}/{nieuw['id']}/besluit", headers=auth())).json()
    )
    assert (einde.status, einde.versie, str(einde.einddatum)) == ("beeindigd", 2, "2026-09-30")
    assert einde.rules == ["IND-11"]


async def test_other_gemeente_404_and_wrong_role_403(indicatie: httpx.AsyncClient) -> None:
    ind = await _vastgelegd(indicatie)
    r = await indicatie.get(f"{URL}/{ind['id']}/besluit", headers=auth("systeem", VLISSINGEN))
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    for rol in ("financien", "aanbieder", "clientondersteuner"):
        r = await indicatie.get(f"{URL}/{ind['id']}/besluit", headers=auth(rol))
        assert r.status_code == 403, rol
