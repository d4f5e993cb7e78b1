"""The toewijzingen feed page is written by PostgreSQL (issue 17.3): key for key, in order and
in every value, the page the route built before from the model (each stored item validated as
``ToewijzingFeedItem``, the page dumped by alias), and the same audit row per page; from the
item's stored text where the row has one, rebuilt from its JSONB where it has not."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import h, verzonden_zaak
from tests.support.stack import TestDatabase, auth
from wmo_intake.db.toewijzingen import wire_backfill_sql
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_intake.service.paginering import positie_cursor
from wmo_shared.audit import audit_values
from wmo_shared.auth import Principal
from wmo_shared.contracts import Omvang, ToewijzingFeedItem

FEED = "/api/v1/toewijzingen"
GEMEENTE = "0993"  # the feed of this gemeente holds only this test's items
AMSTERDAM_ZOMER = dt.timezone(dt.timedelta(hours=2))


def _items(opdracht_id: uuid.UUID) -> list[dict[str, Any]]:
    """Items as ``service.toewijzing.publiceer`` stores them (the model dumped by alias, without
    volgnummer): every optional field given and left out, and one stored before its optional
    fields existed (the keys absent: the defaults)."""
    basis: dict[str, Any] = {
        "volgnummer": 0,
        "opdracht_id": opdracht_id,
        "gemeente": GEMEENTE,
        "aanbieder_agb": "12345678",
        "bsn": "999990019",
        "geboortedatum": dt.date(1950, 2, 3),
        "achternaam": "Jansen",
        "productcategorie": "02",
        "productcode": "02A01",
        "ingangsdatum": dt.date(2026, 4, 1),
        "toewijzingsdatum": dt.date(2026, 3, 30),
    }
    vol = {
        "geslacht": "2",
        "voorletters": "JA",
        "einddatum": dt.date(2027, 3, 31),
        "omvang": Omvang(volume=3, eenheid="04", frequentie="2"),
        "reden_wijziging": "01",
        "referentie_aanbieder": "ref-é'\"\\x",
    }
    items = []
    for n in range(7):
        extra = vol if n % 2 == 0 else {}
        moment = dt.datetime(2026, 3, 30, 9, 15, n, 250_000 * (n % 2), tzinfo=AMSTERDAM_ZOMER)
        item = ToewijzingFeedItem(
            **{**basis, **extra},
            toewijzingnummer=str(500 + n),
            geregistreerd_op=moment if n != 3 else moment.astimezone(dt.UTC),
        )
        dumped = item.model_dump(mode="json", by_alias=True, exclude={"volgnummer"})
        if n == 5:
            for key in ("geslacht", "voorletters", "einddatum", "omvang", "referentieAanbieder"):
                del dumped[key]
        items.append(dumped)
    return items


def _oud(rijen: list[tuple[int, dict[str, Any]]], vanaf: int, limit: int) -> Any:
    """The page as the route built it from the model (before issue 17.3)."""
    na = [(v, i) for v, i in rijen if v > vanaf][: limit + 1]
    pagina = na[:limit]
    laatste = pagina[-1][0] if pagina else vanaf
    page = ToewijzingPage(
        resultaten=[ToewijzingFeedItem.model_validate({**i, "volgnummer": v}) for v, i in pagina],
        volgende_cursor=positie_cursor(laatste),
        meer=len(na) > limit,
    )
    return json.loads(page.model_dump_json(by_alias=True), object_pairs_hook=list)


async def test_feed_document_is_het_model(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    _, b = await verzonden_zaak(intake)
    body = {"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["Doel"]}
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 201, r.text
    opdracht_id = uuid.UUID(r.json()["id"])
    sub = f"exchange-{uuid.uuid4().hex[:8]}"
    headers = auth("systeem", GEMEENTE, sub=sub)
    principal = Principal(sub=sub, roles=frozenset({"systeem"}), gemeente=GEMEENTE)

    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    try:
        rijen = []
        for n, item in enumerate(_items(opdracht_id)):
            # most with the text publiceer stores beside the JSONB; two from before it existed
            wire = None if n in (3, 5) else json.dumps(item)
            volgnummer = await conn.fetchval(
                "INSERT INTO intake.toewijzingen (gemeente, opdracht_id, item, wire) "
                "VALUES ($1, $2, $3, $4) RETURNING volgnummer",
                GEMEENTE,
                opdracht_id,
                item,
                wire,
            )
            rijen.append((int(volgnummer), item))
        laatste = rijen[-1][0]
        verwacht_audit = []

        async def pagina(cursor: str | None, vanaf: int, limit: int) -> Any:
            rid = str(uuid.uuid4())
            params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
            r = await intake.get(FEED, params=params, headers={**headers, "X-Request-ID": rid})
            assert r.status_code == 200, r.text
            assert r.headers["content-type"] == "application/json"
            gelezen = json.loads(r.content, object_pairs_hook=list)
            assert gelezen == _oud(rijen, vanaf, limit)
            # the schema the route publishes: the model reads it, and dumps what was sent
            page = ToewijzingPage.model_validate_json(r.content)
            assert json.loads(page.model_dump_json(by_alias=True)) == json.loads(r.content)
            aantal = len([v for v, _ in rijen if v > vanaf][:limit])
            verwacht_audit.append(
                {
                    **audit_values(principal, "lezen", "toewijzingen", f"vanaf:{vanaf}"),
                    "request_id": rid,
                    "details": {"aantal": aantal},
                }
            )
            return r.json()

        # first page, a middle page, the last page (meer false), and past the end (empty)
        eerste = await pagina(None, 0, 3)
        assert eerste["meer"] and len(eerste["resultaten"]) == 3
        midden = await pagina(eerste["volgendeCursor"], rijen[2][0], 3)
        assert midden["meer"] and midden["volgendeCursor"] == positie_cursor(rijen[5][0])
        slot = await pagina(midden["volgendeCursor"], rijen[5][0], 3)
        assert not slot["meer"] and [i["volgnummer"] for i in slot["resultaten"]] == [laatste]
        leeg = await pagina(slot["volgendeCursor"], laatste, 3)
        assert leeg == {"resultaten": [], "volgendeCursor": positie_cursor(laatste), "meer": False}
        # everything on one page; and a cursor written otherwise ("v1:0005") read as its number
        alles = await pagina(None, 0, 100)
        assert [i["volgnummer"] for i in alles["resultaten"]] == [v for v, _ in rijen]
        anders = base64.urlsafe_b64encode(f"v1:{rijen[1][0]:06d}".encode()).decode()
        await pagina(anders, rijen[1][0], 2)
        # the migration gives the rows stored without text the text a page rebuilt: the same
        await conn.execute(wire_backfill_sql(ToewijzingFeedItem))
        zonder = await conn.fetchval(
            "SELECT count(*) FROM intake.toewijzingen WHERE gemeente = $1 AND wire IS NULL",
            GEMEENTE,
        )
        assert zonder == 0
        await pagina(None, 0, 100)
        audit = await conn.fetch(
            "SELECT sub, rol, gemeente, actie, resource_type, resource_id, request_id, details "
            "FROM intake.audit WHERE sub = $1 ORDER BY id",
            sub,
        )
        assert [dict(a) for a in audit] == verwacht_audit
    finally:
        await conn.execute("DELETE FROM intake.toewijzingen WHERE gemeente = $1", GEMEENTE)
        await conn.close()
    # a gemeente with no feed at all: an empty first page, its cursor at the start
    leeg = await intake.get(FEED, headers=auth("systeem", "0992"))
    assert json.loads(leeg.content, object_pairs_hook=list) == _oud([], 0, 100)
