"""AAN-05 in the declaratie (WMO323) over the import route: a no-show is a line under one of the
gemeente's no-show productcodes (policy ``intake.no_show``); the second one of a client in a
month is refused (9321, rule AAN-05) unless the gebiedsteam recorded its consent on the
provider's own opdracht (``POST /opdrachten/{id}/no-show-toestemmingen``); a consent on
another aanbieder's opdracht for the same client does not count. AAN-05 counts per client,
over the aanbieder's toewijzingen; three or more in a month are a signalering for the case
worker, stored once."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import pytest

from tests.intake.api.helpers import (
    GW,
    aanvraag,
    beschikking,
    gecontracteerd,
    h,
    melding,
    onderzoek,
    verzend,
    verzonden_zaak,
    voorziening,
)
from tests.intake.api.iwmo_berichten import Prestatie, Zaak, wmo323
from tests.intake.api.test_behandelingen import werker
from tests.support.stack import TestDatabase, auth
from wmo_intake.service import beleid
from wmo_shared.policy import Policy, PolicyRegistry, default_registry

AGB = "12345678"
ANDERE_AGB = "87654321"
ZORG_BV = {**auth("aanbieder", agb=AGB, sub="zorg-bv"), "Content-Type": "application/xml"}
NO_SHOW = "NOSHW"


@pytest.fixture
def no_show_code(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Ooststellingwerf's policy with a no-show productcode: the seed names none, so the
    shipped policy lists none (and no line is a no-show there)."""
    policies = []
    for p in default_registry().policies:
        sections = copy.deepcopy(p.sections)
        if "0085" in p.meta.gemeenten:
            sections["intake"]["no_show"]["productcodes"] = [NO_SHOW]
        policies.append(Policy(meta=p.meta, sections=sections))
    registry = PolicyRegistry(policies)
    monkeypatch.setattr(beleid, "default_registry", lambda: registry)
    yield


async def _opdracht(intake: httpx.AsyncClient, voorziening: str, **extra: Any) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": voorziening, "doelen": ["x"], "tarief": "1.10", **extra},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def _zaak(o: dict[str, Any], beschikking_id: str) -> Zaak:
    return Zaak(o["gegevens"]["bsn"], beschikking_id, o["id"], int(o["toewijzingnummer"]), 110)


async def _stuur(intake: httpx.AsyncClient, xml: bytes) -> list[dict[str, Any]]:
    r = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=ZORG_BV)
    assert r.status_code == 201, r.text
    return list(r.json()["retour"]["regels"][0]["retourcodes"])


def _no_show(dag: int) -> Prestatie:
    """One no-show of 30 minutes (a day's share of 210 minutes a week) on day ``dag`` of April."""
    datum = f"2026-04-{dag:02d}"
    return Prestatie(30, 3300, periode=(datum, datum), productcode=NO_SHOW)


async def _toestemming(intake: httpx.AsyncClient, opdracht_id: str, aantal: int) -> None:
    r = await intake.post(
        f"/api/v1/opdrachten/{opdracht_id}/no-show-toestemmingen",
        json={
            "periodeBegin": "2026-04-01",
            "periodeEinde": "2026-04-30",
            "aantal": aantal,
            "emailDatum": "2026-04-15",
        },
        headers=h(GW),
    )
    assert r.status_code == 201, r.text


@pytest.mark.usefixtures("no_show_code")
async def test_tweede_no_show_alleen_met_toestemming_op_de_eigen_opdracht(
    intake: httpx.AsyncClient,
) -> None:
    m, b = await verzonden_zaak(intake)
    eigen = await _opdracht(intake, b["maatwerkvoorzieningen"][0]["id"])
    # the same client has a second case, with the other aanbieder
    await gecontracteerd(intake, ANDERE_AGB)
    m2 = await melding(intake, m["clientId"])
    await onderzoek(intake, m2["id"])
    a2 = await aanvraag(intake, m2["id"])
    b2 = await beschikking(
        intake, m2["id"], a2["id"], maatwerkvoorzieningen=[voorziening(aanbiederAgb=ANDERE_AGB)]
    )
    b2 = await verzend(intake, b2["id"])
    ander = await _opdracht(intake, b2["maatwerkvoorzieningen"][0]["id"])
    assert (eigen["aanbiederAgb"], ander["aanbiederAgb"]) == (AGB, ANDERE_AGB)
    assert ander["gegevens"]["bsn"] == eigen["gegevens"]["bsn"]
    zaak = _zaak(eigen, b["id"])

    # the first no-show of the month is declarable
    assert [m["retourcode"] for m in await _stuur(intake, wmo323(zaak, _no_show(7)))] == ["8001"]
    # the second, in another message, is refused: 9321 with rule AAN-05
    (weigering,) = await _stuur(intake, wmo323(zaak, _no_show(14)))
    assert (weigering["retourcode"], weigering["rule"]) == ("9321", "AAN-05")
    assert "toestemming van het gebiedsteam" in weigering["toelichting"]

    # consent on the other aanbieder's opdracht for the same client does not count
    await _toestemming(intake, ander["id"], 3)
    (weigering,) = await _stuur(intake, wmo323(zaak, _no_show(14)))
    assert (weigering["retourcode"], weigering["rule"]) == ("9321", "AAN-05")

    # consent for one more on the own opdracht: one more is accepted, the next is not
    await _toestemming(intake, eigen["id"], 1)
    assert [m["retourcode"] for m in await _stuur(intake, wmo323(zaak, _no_show(14)))] == ["8001"]
    (weigering,) = await _stuur(intake, wmo323(zaak, _no_show(21)))
    assert (weigering["retourcode"], weigering["rule"]) == ("9321", "AAN-05")


async def test_zonder_no_show_productcode_in_het_beleid_is_er_geen_no_show(
    intake: httpx.AsyncClient,
) -> None:
    """The shipped Ooststellingwerf policy names no no-show productcode (the seed gives none):
    a line under such a code is just a product that differs from the toewijzing (9340)."""
    _, b = await verzonden_zaak(intake)
    zaak = _zaak(await _opdracht(intake, b["maatwerkvoorzieningen"][0]["id"]), b["id"])
    assert [m["retourcode"] for m in await _stuur(intake, wmo323(zaak, _no_show(7)))] == ["9340"]


async def _tweede_opdracht(intake: httpx.AsyncClient, m: dict[str, Any]) -> dict[str, Any]:
    """A second case of the same client with the same aanbieder, and its opdracht."""
    m2 = await melding(intake, m["clientId"])
    await onderzoek(intake, m2["id"])
    a2 = await aanvraag(intake, m2["id"])
    b2 = await verzend(intake, (await beschikking(intake, m2["id"], a2["id"]))["id"])
    return await _opdracht(intake, b2["maatwerkvoorzieningen"][0]["id"])


@pytest.mark.usefixtures("no_show_code")
async def test_een_no_show_op_een_andere_toewijzing_van_de_client_telt_mee(
    intake: httpx.AsyncClient,
) -> None:
    """AAN-05 counts per client: the no-show accepted on one toewijzing counts when the same
    aanbieder declares one on another toewijzing of the same client in the same month."""
    m, b = await verzonden_zaak(intake)
    eerste = await _opdracht(intake, b["maatwerkvoorzieningen"][0]["id"])
    tweede = await _tweede_opdracht(intake, m)
    assert eerste["toewijzingnummer"] != tweede["toewijzingnummer"]
    assert eerste["gegevens"]["bsn"] == tweede["gegevens"]["bsn"]
    assert [
        r["retourcode"] for r in await _stuur(intake, wmo323(_zaak(eerste, b["id"]), _no_show(7)))
    ] == ["8001"]
    (weigering,) = await _stuur(intake, wmo323(_zaak(tweede, b["id"]), _no_show(14)))
    assert (weigering["retourcode"], weigering["rule"]) == ("9321", "AAN-05")
    # another month is another period
    mei = Prestatie(30, 3300, periode=("2026-05-05", "2026-05-05"), productcode=NO_SHOW)
    assert [r["retourcode"] for r in await _stuur(intake, wmo323(_zaak(tweede, b["id"]), mei))] == [
        "8001"
    ]


async def _no_show_signaleringen(
    intake: httpx.AsyncClient, headers: dict[str, str]
) -> list[dict[str, Any]]:
    r = await intake.get("/api/v1/signaleringen", headers=headers)
    assert r.status_code == 200, r.text
    return [s for s in r.json()["resultaten"] if s["soort"] == "no-show"]


@pytest.mark.usefixtures("no_show_code")
async def test_drie_no_shows_in_een_maand_zijn_een_signalering_voor_de_behandelaar(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """Three no-shows of the client in April (with the gebiedsteam's consent for two more)
    become one signalering AAN-05 for the worker of the case, stored at the import: importing
    the same message again makes no second; a fourth no-show (refused) raises the count and
    signals again under a new id; another worker sees nothing."""
    anna, bram = werker("Anna"), werker("Bram")
    m, b = await verzonden_zaak(intake)
    r = await intake.post(f"/api/v1/meldingen/{m['id']}/oppakkingen", json={}, headers=h(anna))
    assert r.status_code == 201, r.text
    o = await _opdracht(intake, b["maatwerkvoorzieningen"][0]["id"])
    await _toestemming(intake, o["id"], 2)
    zaak = _zaak(o, b["id"])
    assert await _no_show_signaleringen(intake, anna) == []

    xml = wmo323(zaak, _no_show(7), _no_show(14), _no_show(21))
    r = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=ZORG_BV)
    assert r.status_code == 201, r.text
    assert [g["status"] for g in r.json()["retour"]["regels"]] == ["goedgekeurd"] * 3
    [s] = await _no_show_signaleringen(intake, anna)
    assert (s["rule"], s["meldingId"], s["clientId"]) == ("AAN-05", m["id"], m["clientId"])
    assert f"Aanbieder {AGB} declareerde 3 keer een no-show" in s["toelichting"]
    assert "april 2026" in s["toelichting"] and "moeten gemeld worden" in s["toelichting"]
    assert o["gegevens"]["bsn"] not in s["toelichting"]
    assert await _no_show_signaleringen(intake, bram) == []

    again = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=ZORG_BV)
    assert again.status_code == 200, again.text
    assert await _no_show_signaleringen(intake, anna) == [s]
    assert await _rijen(db, o["gegevens"]["bsn"]) == [(2026, 4, 3)]

    (weigering,) = await _stuur(intake, wmo323(zaak, _no_show(28)))
    assert (weigering["retourcode"], weigering["rule"]) == ("9321", "AAN-05")
    [vier] = await _no_show_signaleringen(intake, anna)
    assert vier["id"] != s["id"] and "4 keer" in vier["toelichting"]
    assert await _rijen(db, o["gegevens"]["bsn"]) == [(2026, 4, 4)]


async def _rijen(db: TestDatabase, bsn: str) -> list[tuple[int, int, int]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT jaar, maand, aantal FROM intake.no_show_signaleringen WHERE bsn = $1", bsn
        )
    finally:
        await conn.close()
    return [(r["jaar"], r["maand"], r["aantal"]) for r in rows]
