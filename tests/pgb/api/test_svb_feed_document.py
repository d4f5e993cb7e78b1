"""The SVB feed page is one statement on the driver, written by PostgreSQL (issue 17.3): the
answer is, key for key, in order and in every value's text, the page the route built before
from the rows with ``SvbToekenningPage`` (that code is kept here as the reference); and each
read leaves the same audit row."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from tests.pgb.api.helpers import TOEKENNING_C, besluit, nieuw_plan
from tests.support.stack import TestDatabase, auth
from wmo_pgb.domain.cursor import decode_cursor, encode_cursor
from wmo_pgb.schemas.svb import SvbToekenningPage

FEED = "/api/v1/svb-toekenningen"


async def _oud(conn: asyncpg.Connection, gemeente: str, cursor: str | None, limit: int) -> str:
    """The page as service.svb.feed built it before, and its audit details."""
    after = decode_cursor(cursor)
    rows = await conn.fetch(
        "SELECT * FROM pgb.svb_toekenningen WHERE gemeente = $1 AND volgnummer > $2 "
        "ORDER BY volgnummer LIMIT $3",
        gemeente,
        after,
        limit + 1,
    )
    meer = len(rows) > limit
    rows = rows[:limit]
    laatste = rows[-1]["volgnummer"] if rows else after
    page = SvbToekenningPage.model_validate(
        {
            "resultaten": [
                {
                    "volgnummer": r["volgnummer"],
                    "gemeente": r["gemeente"],
                    "bsn": r["bsn"],
                    "budget_id": r["budget_id"],
                    "versie": r["versie"],
                    "beschikking_id": r["beschikking_id"],
                    "zorgfunctie": r["zorgfunctie"],
                    "productcode": r["productcode"],
                    "ingangsdatum": r["ingangsdatum"],
                    "einddatum": r["einddatum"],
                    "bedrag": r["bedrag"],
                    "ingetrokken": r["ingetrokken"],
                    "geregistreerd_op": r["geregistreerd_op"],
                }
                for r in rows
            ],
            "volgende_cursor": encode_cursor(laatste),
            "meer": meer,
        }
    )
    return page.model_dump_json(by_alias=True)


_VARIANTEN: list[dict[str, Any]] = [
    # a toekenning at a time with microseconds
    {"bedrag": Decimal("2251.72"), "beschikking": True, "ingetrokken": False, "us": 250},
    # a withdrawal: bedrag 0, ingangsdatum = einddatum, at a whole second, no beschikking yet
    {"bedrag": Decimal("0.00"), "beschikking": False, "ingetrokken": True, "us": 0},
    {"bedrag": Decimal("9999999999.90"), "beschikking": True, "ingetrokken": False, "us": 1},
    {"bedrag": Decimal("0.05"), "beschikking": False, "ingetrokken": False, "us": 999999},
]


async def _vul(conn: asyncpg.Connection, gemeente: str, budget_id: str, aantal: int) -> None:
    for n in range(aantal):
        v = _VARIANTEN[n % len(_VARIANTEN)]
        begin = dt.date(2015, 3, 1) + dt.timedelta(days=n)
        await conn.execute(
            """
            INSERT INTO pgb.svb_toekenningen (gemeente, bsn, budget_id, versie, beschikking_id,
                zorgfunctie, productcode, ingangsdatum, einddatum, bedrag, ingetrokken,
                geregistreerd_op)
            VALUES ($1, '999993653', $2, $3, $4, '02', '02A01', $5, $6, $7, $8, $9)
            """,
            gemeente,
            uuid.UUID(budget_id),
            n + 1,
            uuid.uuid4() if v["beschikking"] else None,
            begin,
            begin if v["ingetrokken"] else dt.date(2015, 12, 31),
            v["bedrag"],
            v["ingetrokken"],
            dt.datetime(2015, 3, 1, 8, 0, n, v["us"], tzinfo=dt.UTC),
        )


def _sleutels(pairs: Any) -> Any:
    if isinstance(pairs, list) and pairs and isinstance(pairs[0], tuple):
        return [(k, _sleutels(v)) for k, v in pairs]
    if isinstance(pairs, list):
        return [_sleutels(v) for v in pairs]
    return None


async def test_feed_page_is_the_old_page(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    """A first page, a middle one by cursor, the last (meer false), an empty one after it, and
    a gemeente without rows: each the old page, with the old audit row."""
    plan = await nieuw_plan(pgb_api)
    r = await besluit(pgb_api, plan["id"], **TOEKENNING_C)
    assert r.status_code == 201, r.text
    budget_id = r.json()["budget"]["id"]
    gemeente, leeg = (str(g) for g in random.sample(range(5000, 9999), 2))
    conn = await asyncpg.connect(db.asyncpg_dsn("pgb", "owner"))
    try:
        await _vul(conn, gemeente, budget_id, 9)

        async def pagina(g: str, cursor: str | None, limit: int) -> dict[str, Any]:
            params: dict[str, Any] = {"limit": limit}
            if cursor is not None:
                params["cursor"] = cursor
            rid = str(uuid.uuid4())
            headers = {**auth("financien", g, sub="feed-lezer"), "X-Request-ID": rid}
            r = await pgb_api.get(FEED, params=params, headers=headers)
            assert r.status_code == 200, r.text
            assert r.headers["content-type"] == "application/json"
            oud = await _oud(conn, g, cursor, limit)
            # the same keys in the same order and the same text of every value
            assert json.loads(r.content, object_pairs_hook=list) == json.loads(
                oud, object_pairs_hook=list
            )
            compact = json.dumps(json.loads(r.content), ensure_ascii=False, separators=(",", ":"))
            assert compact == oud
            nieuw = json.loads(r.content, object_pairs_hook=list)
            assert _sleutels(nieuw) == _sleutels(json.loads(oud, object_pairs_hook=list))
            [audit] = await conn.fetch(
                "SELECT sub, rol, gemeente, actie, resource_type, resource_id, details "
                "FROM pgb.audit WHERE request_id = $1",
                rid,
            )
            body = json.loads(oud)
            na = decode_cursor(cursor)
            tot = body["resultaten"][-1]["volgnummer"] if body["resultaten"] else na
            assert {**audit, "details": json.loads(audit["details"])} == {
                "sub": "feed-lezer",
                "rol": "financien",
                "gemeente": g,
                "actie": "lezen",
                "resource_type": "svb-toekenningen",
                "resource_id": None,
                "details": {"na": na, "tot": tot, "aantal": len(body["resultaten"])},
            }
            return dict(r.json())

        p1 = await pagina(gemeente, None, 4)
        p2 = await pagina(gemeente, p1["volgendeCursor"], 4)
        p3 = await pagina(gemeente, p2["volgendeCursor"], 4)
        assert [len(p["resultaten"]) for p in (p1, p2, p3)] == [4, 4, 1]
        assert [p["meer"] for p in (p1, p2, p3)] == [True, True, False]
        assert {x["ingetrokken"] for x in p1["resultaten"]} == {True, False}
        assert (await pagina(gemeente, p1["volgendeCursor"], 5))["meer"] is False
        na_einde = await pagina(gemeente, p3["volgendeCursor"], 4)
        assert na_einde == {"resultaten": [], "volgendeCursor": p3["volgendeCursor"], "meer": False}
        assert (await pagina(leeg, None, 4))["volgendeCursor"] == encode_cursor(0)
        alles = await pagina(gemeente, None, 5000)
        assert alles["resultaten"] == p1["resultaten"] + p2["resultaten"] + p3["resultaten"]
    finally:
        await conn.close()
