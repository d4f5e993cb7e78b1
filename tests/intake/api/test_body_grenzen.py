"""The body of a request as a whole (wmo_shared.body_limit): above its route's limit a 413
refused before it is read; a JSON key named twice a 400 naming the key."""

from __future__ import annotations

import httpx

from tests.intake.api.helpers import GW
from tests.support.stack import auth
from wmo_intake.domain.grenzen import MAX_IWMO_BERICHT_BYTES

AANBIEDER = auth("aanbieder", agb="12345678", sub="zorg-bv")


async def test_een_te_groot_iwmo_bericht_is_413(intake: httpx.AsyncClient) -> None:
    """Refused on its declared length, before it is read (wmo_shared.body_limit); the route
    takes MAX_IWMO_BERICHT_BYTES, the JSON routes 32 MiB."""
    xml = b'<x xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">' + b" " * (
        MAX_IWMO_BERICHT_BYTES + 1
    )
    r = await intake.post(
        "/api/v1/iwmo-berichten",
        content=xml,
        headers={**AANBIEDER, "Content-Type": "application/xml"},
    )
    assert r.status_code == 413
    assert r.json()["code"] == "te-groot"
    assert r.json()["invalidParams"][0] == {
        "name": "body",
        "code": "te-groot",
        "reason": r.json()["invalidParams"][0]["reason"],
    }
    assert str(MAX_IWMO_BERICHT_BYTES) in r.json()["detail"]


async def test_een_json_body_boven_32_mib_is_413(intake: httpx.AsyncClient) -> None:
    body = b'{"bsn": "' + b"9" * 33_554_432 + b'"}'
    r = await intake.post(
        "/api/v1/clienten", content=body, headers={**GW, "Content-Type": "application/json"}
    )
    assert r.status_code == 413, r.text
    assert r.json()["invalidParams"][0]["name"] == "body"


async def test_een_dubbel_bsn_is_400_met_die_sleutel(intake: httpx.AsyncClient) -> None:
    """Python's JSON keeps the last value, other parsers the first: refused, not guessed."""
    body = (
        b'{"bsn": "999993653", "bsn": "111222333", "voornamen": "A", "achternaam": "B",'
        b' "geboortedatum": "1991-05-04"}'
    )
    r = await intake.post(
        "/api/v1/clienten", content=body, headers={**GW, "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "bsn"
    assert r.json()["invalidParams"][0]["code"] == "dubbele-sleutel"
