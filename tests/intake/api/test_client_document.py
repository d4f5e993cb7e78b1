"""The cliënt read's answer is written by PostgreSQL in the audited statement (issue 17.3): key
for key, in the same order and with the same values, it is the ClientRead the writes answer
(built from the model), in each status and with or without an address; its ETag is the
version."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.intake.api.helpers import GW, bsn, h, verzonden_zaak
from tests.support.stack import auth

SYSTEEM = auth("systeem")


def _paren(content: bytes) -> Any:
    """The JSON with the order of its keys."""
    return json.loads(content, object_pairs_hook=list)


async def _gelezen(intake: httpx.AsyncClient, client_id: str) -> tuple[Any, str]:
    r = await intake.get(f"/api/v1/clienten/{client_id}", headers=GW)
    assert r.status_code == 200, r.text
    return _paren(r.content), r.headers["ETag"]


async def test_registratie_met_en_zonder_adres(intake: httpx.AsyncClient) -> None:
    for adres in (
        None,
        {
            "straat": "Brink 1",
            "huisnummer": "1a",
            "postcode": "8431AB",
            "woonplaats": "Oosterwolde",
        },
    ):
        body: dict[str, Any] = {
            "bsn": bsn(),
            "voornamen": "Grietje 'Griet'",
            "achternaam": 'de Vries "jr"',
            "geboortedatum": "1941-02-28",
            "telefoon": "0516-123456",
        }
        if adres is not None:
            body["adres"] = adres
        r = await intake.post("/api/v1/clienten", json=body, headers=h())
        assert r.status_code == 201, r.text
        gelezen, etag = await _gelezen(intake, r.json()["id"])
        assert gelezen == _paren(r.content)
        assert etag == f'W/"{r.json()["versie"]}"'


async def test_vertrokken_en_overleden(intake: httpx.AsyncClient) -> None:
    m, _ = await verzonden_zaak(intake)
    cid = m["clientId"]
    _, etag = await _gelezen(intake, cid)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/verhuizingen",
        json={
            "datum": "2026-06-01",
            "adres": {"postcode": "4381AB", "woonplaats": "Vlissingen"},
            "gemeente": "0718",
        },
        headers=h(**{"If-Match": etag}),
    )
    assert r.status_code == 201, r.text
    gelezen, _ = await _gelezen(intake, cid)
    assert gelezen == dict(_paren(r.content))["client"]
    assert dict(gelezen)["status"] == "vertrokken"

    m, _ = await verzonden_zaak(intake)
    cid = m["clientId"]
    _, etag = await _gelezen(intake, cid)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/overlijdensmeldingen",
        json={"datum": "2026-05-02", "bron": "BRP"},
        headers=h(SYSTEEM, **{"If-Match": etag}),
    )
    assert r.status_code == 201, r.text
    gelezen, _ = await _gelezen(intake, cid)
    assert gelezen == dict(_paren(r.content))["client"]
    assert dict(gelezen)["status"] == "overleden"
