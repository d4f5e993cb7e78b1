"""Fetch first, then the transaction, then re-check: the tariff cache never calls finance from
inside a write, and a write that finds it needs another tariff is rolled back and run again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wmo_pgb.service.tarieven import POGINGEN, TariefNietOpgehaald, Tarieven, met_tarieven
from wmo_shared.problems import Conflict

PEIL = dt.date(2015, 3, 1)


class FakeFinance:
    """finance's ``GET /tarieven/{code}``: counts the calls."""

    def __init__(self) -> None:
        self.gevraagd: list[str] = []

    async def get_json(self, path: str, *, token: str, params: dict[str, Any]) -> dict[str, Any]:
        code = path.rsplit("/", 1)[-1]
        self.gevraagd.append(code)
        return {
            "gemeente": "0718",
            "productcode": code,
            "omschrijving": "Hulp bij het huishouden",
            "productcategorie": "01",
            "eenheid": "uur",
            "zinTarief": "25.00",
            "pgbTarief": "17.17",
            "geldigVan": "2015-01-01",
        }


def _tarieven() -> tuple[Tarieven, FakeFinance]:
    finance = FakeFinance()
    return Tarieven(finance, token="t"), finance  # type: ignore[arg-type]


async def test_fetched_once_then_read_from_the_cache() -> None:
    tarieven, finance = _tarieven()
    await tarieven.haal("HH50", PEIL)
    await tarieven.haal("HH50", PEIL)
    tarief = tarieven.tarief("HH50", PEIL)
    assert tarief is not None and str(tarief.pgb_tarief) == "17.17"
    assert tarieven.tarief(None, PEIL) is None
    assert finance.gevraagd == ["HH50"]


async def test_inside_the_transaction_a_missing_tariff_is_never_fetched() -> None:
    tarieven, finance = _tarieven()
    with pytest.raises(TariefNietOpgehaald):
        tarieven.tarief("HH50", PEIL)
    assert finance.gevraagd == []


async def test_a_write_that_needs_another_tariff_runs_again_after_the_fetch() -> None:
    tarieven, finance = _tarieven()
    await tarieven.haal("HH50", PEIL)
    pogingen: list[str] = []

    async def schrijf() -> str:
        # the plan changed between the read ahead and the transaction: now HH51 is needed
        pogingen.append("transactie")
        tarief = tarieven.tarief("HH51", PEIL)
        assert tarief is not None
        return tarief.productcode

    assert await met_tarieven(tarieven, schrijf) == "HH51"
    assert pogingen == ["transactie", "transactie"]
    assert finance.gevraagd == ["HH50", "HH51"]


async def test_a_write_that_keeps_changing_gives_up_with_a_conflict() -> None:
    tarieven, _ = _tarieven()
    teller = iter(range(100))

    async def schrijf() -> None:
        tarieven.tarief(f"P{next(teller)}", PEIL)

    with pytest.raises(Conflict) as fout:
        await met_tarieven(tarieven, schrijf)
    assert fout.value.code == "gelijktijdig-gewijzigd"
    assert next(teller) == POGINGEN
