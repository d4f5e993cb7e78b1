"""The CAK feed page is one statement on the driver (issue 17.3): its body is, byte for byte, what
the route sent when Python joined the items PostgreSQL rendered (that code is kept here as the
reference), its keys in ``CakMutatiePage``'s order; and each read leaves the same audit row."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from typing import Any

import asyncpg
import httpx

from tests.finance.api.helpers import fetch
from tests.support.stack import TestDatabase, auth
from wmo_finance.schemas.cak import CakMutatiePage

FEED = "/api/v1/cak-mutaties"

# The page as the route wrote it before (service.cak.mutaties with db.cak.feed).
_OUD = """
SELECT volgnummer, CAST(json_build_object(
    'volgnummer', volgnummer, 'soort', soort, 'gemeente', gemeente, 'bsn', bsn,
    'geboortedatum', geboortedatum, 'huishoudenId', huishouden_id,
    'beschikkingId', beschikking_id, 'maatwerkvoorzieningId', maatwerkvoorziening_id,
    'productcategorie', productcategorie, 'productcode', productcode,
    'leveringsvorm', leveringsvorm, 'ingangsdatum', ingangsdatum, 'einddatum', einddatum,
    'kostprijs', CAST(kostprijs AS text), 'abonnementstarief', CAST(abonnementstarief AS text),
    'geregistreerdOp', geregistreerd_op, 'tegemoetkomingId', tegemoetkoming_id,
    'eigenBijdragePerMaand', CAST(per_maand AS text), 'eigenBijdrageMaxMaanden', max_maanden,
    'vervangtMaatwerkvoorzieningId', vervangt) AS text) AS item
FROM finance.cak_mutaties
WHERE gemeente = $1 AND volgnummer > $2
ORDER BY volgnummer
LIMIT $3
"""


async def _oud(conn: asyncpg.Connection, gemeente: str, cursor: str | None, limit: int) -> bytes:
    na = int(cursor) if cursor else 0
    rows = await conn.fetch(_OUD, gemeente, na, limit + 1)
    meer = len(rows) > limit
    rows = rows[:limit]
    volgende = str(rows[-1]["volgnummer"]) if rows else str(na)
    items = ",".join(r["item"] for r in rows)
    return (
        '{"resultaten":['
        + items
        + '],"volgendeCursor":"'
        + volgende
        + '","meer":'
        + ("true" if meer else "false")
        + "}"
    ).encode()


def _sleutels(pairs: Any) -> Any:
    """The keys of a JSON document read with ``object_pairs_hook=list``, nested, in order."""
    if isinstance(pairs, list) and pairs and isinstance(pairs[0], tuple):
        return [(k, _sleutels(v)) for k, v in pairs]
    if isinstance(pairs, list):
        return [_sleutels(v) for v in pairs]
    return None


_VARIANTEN: list[dict[str, Any]] = [
    # a start in kind, no household, open-ended, at a time with microseconds
    {"soort": "start", "kostprijs": None, "abonnementstarief": "21.80", "einddatum": None},
    # a change with a kostprijs cap, a household, an end, at a whole second
    {
        "soort": "wijziging",
        "kostprijs": "1200.00",
        "abonnementstarief": "0.00",
        "huishouden_id": uuid.uuid4(),
        "geregistreerd_op": dt.datetime(2026, 4, 1, 10, 0, tzinfo=dt.UTC),
    },
    # a financiële tegemoetkoming's regime replacing another
    {
        "soort": "start",
        "leveringsvorm": "financiele_tegemoetkoming",
        "kostprijs": "99999.99",
        "abonnementstarief": None,
        "tegemoetkoming_id": uuid.uuid4(),
        "per_maand": "12.50",
        "max_maanden": 39,
        "vervangt": uuid.uuid4(),
    },
    {"soort": "stop", "kostprijs": "0.10", "abonnementstarief": "21.80"},
]


async def _vul(conn: asyncpg.Connection, gemeente: str, aantal: int) -> None:
    for n in range(aantal):
        rij: dict[str, Any] = {
            "leveringsvorm": "pgb",
            "einddatum": dt.date(2027, 3, 31),
            "huishouden_id": None,
            "tegemoetkoming_id": None,
            "per_maand": None,
            "max_maanden": None,
            "vervangt": None,
            "geregistreerd_op": dt.datetime(2026, 4, 2, 9, 30, 1, 250 * n + 1, tzinfo=dt.UTC),
            **_VARIANTEN[n % len(_VARIANTEN)],
        }
        await conn.execute(
            """
            INSERT INTO finance.cak_mutaties (soort, gemeente, bsn, geboortedatum,
                huishouden_id, beschikking_id, maatwerkvoorziening_id, productcategorie,
                productcode, leveringsvorm, ingangsdatum, einddatum, kostprijs,
                abonnementstarief, tegemoetkoming_id, per_maand, max_maanden, vervangt,
                event_id, geregistreerd_op)
            VALUES ($1, $2, '999993653', DATE '1950-01-01', $3, gen_random_uuid(),
                gen_random_uuid(), '02', '02A03', $4, DATE '2026-01-01', $5,
                CAST($6 AS numeric), CAST($7 AS numeric), $8, CAST($9 AS numeric), $10, $11,
                gen_random_uuid(), $12)
            """,
            rij["soort"],
            gemeente,
            rij["huishouden_id"],
            rij["leveringsvorm"],
            rij["einddatum"],
            rij["kostprijs"],
            rij["abonnementstarief"],
            rij["tegemoetkoming_id"],
            rij["per_maand"],
            rij["max_maanden"],
            rij["vervangt"],
            rij["geregistreerd_op"],
        )


async def test_feed_page_is_the_old_page(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    """A first page, a middle one by cursor, the last (meer false), an empty one after it, a
    page of a gemeente without rows, and a cursor with leading zeros: each the old body."""
    gemeente = str(random.randrange(5000, 9999))
    conn = await asyncpg.connect(db.asyncpg_dsn("finance", "owner"))
    try:
        await _vul(conn, gemeente, 9)
        leeg = str(random.randrange(5000, 9999))
        while leeg == gemeente:
            leeg = str(random.randrange(5000, 9999))

        async def pagina(g: str, cursor: str | None, limit: int) -> dict[str, Any]:
            params: dict[str, Any] = {"limit": limit}
            if cursor is not None:
                params["cursor"] = cursor
            rid = str(uuid.uuid4())
            headers = {**auth("financien", g, sub="feed-lezer"), "X-Request-ID": rid}
            r = await finance.get(FEED, params=params, headers=headers)
            assert r.status_code == 200, r.text
            assert r.headers["content-type"] == "application/json"
            oud = await _oud(conn, g, cursor, limit)
            assert r.content == oud
            nieuw = json.loads(r.content, object_pairs_hook=list)
            model = CakMutatiePage.model_validate_json(r.content)
            assert _sleutels(nieuw) == _sleutels(
                json.loads(model.model_dump_json(by_alias=True), object_pairs_hook=list)
            )
            [audit] = await fetch(
                db,
                "SELECT sub, rol, gemeente, actie, resource_type, resource_id, details "
                "FROM finance.audit WHERE request_id = $1",
                rid,
            )
            na = int(cursor) if cursor else 0
            assert dict(audit) == {
                "sub": "feed-lezer",
                "rol": "financien",
                "gemeente": g,
                "actie": "lezen",
                "resource_type": "cak-mutaties",
                "resource_id": f"na {na}",
                "details": None,
            }
            return dict(r.json())

        p1 = await pagina(gemeente, None, 4)
        p2 = await pagina(gemeente, p1["volgendeCursor"], 4)
        p3 = await pagina(gemeente, p2["volgendeCursor"], 4)
        assert [len(p["resultaten"]) for p in (p1, p2, p3)] == [4, 4, 1]
        assert [p["meer"] for p in (p1, p2, p3)] == [True, True, False]
        # exactly a page's worth left: meer false on that page
        assert (await pagina(gemeente, p1["volgendeCursor"], 5))["meer"] is False
        leeg_na = await pagina(gemeente, p3["volgendeCursor"], 4)
        assert leeg_na == {"resultaten": [], "volgendeCursor": p3["volgendeCursor"], "meer": False}
        assert await pagina(leeg, None, 4) == {
            "resultaten": [],
            "volgendeCursor": "0",
            "meer": False,
        }
        assert (await pagina(gemeente, "000" + p1["volgendeCursor"], 4)) == p2
        alles = await pagina(gemeente, "", 100)
        assert alles["resultaten"] == p1["resultaten"] + p2["resultaten"] + p3["resultaten"]
    finally:
        await conn.close()
