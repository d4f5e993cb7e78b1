"""pgb's finance client against the real finance app over a real socket: the contract
``TariefRead`` parses, an unknown product is "no tariff", finance down is a 503 problem."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from tests.support.stack import token
from wmo_pgb.clients import finance
from wmo_shared.client import ServiceClient
from wmo_shared.problems import BadRequest, ServiceUnavailable


async def test_tarief_over_http(finance_url: str) -> None:
    client = ServiceClient("finance", finance_url)
    try:
        tarief = await finance.tarief(
            client,
            token=token("gebiedsteam", "0718"),
            productcode="HH50",
            peildatum=dt.date(2015, 3, 1),
        )
        assert tarief is not None
        assert tarief.gemeente == "0718"
        assert str(tarief.pgb_tarief) == "17.17"
        assert tarief.eenheid == "uur"
        onbekend = await finance.tarief(
            client,
            token=token("gebiedsteam", "0718"),
            productcode="ZZ999",
            peildatum=dt.date(2015, 3, 1),
        )
        assert onbekend is None
        with pytest.raises(BadRequest):
            await finance.tarief(
                client,
                token=token("gebiedsteam", "0718"),
                productcode="HH-50!",
                peildatum=dt.date(2015, 3, 1),
            )
    finally:
        await client.aclose()


async def test_finance_down_is_503() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = ServiceClient("finance", f"http://127.0.0.1:{port}", retries=1, backoff=0.01)
    try:
        with pytest.raises(ServiceUnavailable) as exc:
            await finance.tarief(
                client, token=token(), productcode="HH50", peildatum=dt.date(2015, 3, 1)
            )
        assert exc.value.status == 503
    finally:
        await client.aclose()
