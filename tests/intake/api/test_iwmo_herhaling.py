"""A provider who sends the same (technically refused) message again gets the same retour."""

from __future__ import annotations

import httpx

from tests.support.stack import auth

KAPOT = b"""<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">
  <wmo323:Header><wmo323:BerichtCode>484</wmo323:BerichtCode></wmo323:Header>
</wmo323:Bericht>
"""


async def test_repeated_refused_message_returns_the_first_retour(intake: httpx.AsyncClient) -> None:
    h = {**auth("aanbieder", agb="12345678", sub="zorg-bv"), "Content-Type": "application/xml"}
    first = await intake.post("/api/v1/iwmo-berichten", content=KAPOT, headers=h)
    again = await intake.post("/api/v1/iwmo-berichten", content=KAPOT, headers=h)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "afgekeurd"
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
