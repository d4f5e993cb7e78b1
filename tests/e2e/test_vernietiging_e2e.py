"""The destruction list over real HTTP (issue 14.5): scenario C (a pgb in Vlissingen, 2015)
whose dates lie more than the bewaartermijn back is listed by intake from the four running
services: the cliënt's file (intake), the pgb-plan (pgb: from the end of its budget) and the
CAK registration of its voorziening (finance); another gemeente sees none of it; beheer
destroys the cliënt's file in intake (the proces-verbaal stays); and with finance stopped the
rest still answers and finance's part is niet-beschikbaar."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.e2e.steps import cak_mutaties, ok, pgb_beschikking, svb_toekenningen, wacht_op
from tests.support.bewaartermijn import TERMIJN, middag
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth

pytestmark = pytest.mark.e2e

VLISSINGEN = "0718"
GW = auth("gebiedsteam", VLISSINGEN)
BEHEER = auth("beheer", VLISSINGEN)
URL = "/api/v1/vernietigingskandidaten"


async def _zet_terug(db: TestDatabase, client_id: str, plan_id: str, mv_id: str) -> None:
    """Every date of the case that is not a period of it: 1 June 2015."""
    t = middag(dt.date(2015, 6, 1))
    updates = {
        "intake": [
            ("UPDATE intake.clienten SET gewijzigd = $2 WHERE id = $1", client_id),
            ("UPDATE intake.meldingen SET gewijzigd = $2 WHERE client_id = $1", client_id),
        ],
        "pgb": [
            ("UPDATE pgb.pgb_plannen SET gewijzigd_op = $2 WHERE id = $1", plan_id),
            ("UPDATE pgb.besluiten SET besloten_op = $2 WHERE pgb_plan_id = $1", plan_id),
            ("UPDATE pgb.budgetten SET gewijzigd_op = $2 WHERE pgb_plan_id = $1", plan_id),
        ],
        "finance": [
            (
                "UPDATE finance.cak_voorzieningen SET gewijzigd = $2 "
                "WHERE maatwerkvoorziening_id = $1",
                mv_id,
            ),
            (
                "UPDATE finance.cak_mutaties SET geregistreerd_op = $2 "
                "WHERE maatwerkvoorziening_id = $1",
                mv_id,
            ),
        ],
    }
    for dienst, statements in updates.items():
        conn = await asyncpg.connect(db.asyncpg_dsn(dienst, "owner"))
        try:
            for sql, id_ in statements:
                await conn.execute(sql, uuid.UUID(id_), t)
        finally:
            await conn.close()


def _lijst(c: httpx.Client, headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Every page, per service its status on the first page and all its records."""
    diensten: dict[str, dict[str, Any]] = {}
    cursor: str | None = None
    for _ in range(200):
        params: dict[str, Any] = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        pagina = ok(c.get(URL, params=params, headers=headers), 200)
        for d in pagina["diensten"]:
            deel = diensten.setdefault(d["dienst"], {"status": d["status"], "ids": {}})
            deel["ids"].update({k["id"]: k for k in d["resultaten"]})
        cursor = pagina["volgendeCursor"]
        if cursor is None:
            return diensten
    raise AssertionError("the list does not end")


def test_vernietigingslijst_over_de_vier_diensten(stack: Stack, db: TestDatabase) -> None:
    with (
        stack.client("intake") as c,
        stack.client("pgb") as pgb,
        stack.client("finance") as fin,
        stack.client("indicatie") as ind,
    ):
        for dienst in (c, pgb, fin, ind):
            r = dienst.post(
                "/api/v1/beleidswaarden",
                json=TERMIJN,
                headers={**BEHEER, "Idempotency-Key": str(uuid.uuid4())},
            )
            assert r.status_code in (201, 409), r.text  # 409: set earlier this session
        zaak = pgb_beschikking(c, pgb, GW)
        [v] = zaak.beschikking["maatwerkvoorzieningen"]
        # the beschikking's event reached pgb (the budget is formal) and finance (CAK)
        wacht_op(lambda: svb_toekenningen(pgb, zaak, auth("financien", VLISSINGEN)))
        wacht_op(lambda: cak_mutaties(fin, zaak.beschikking["id"], auth("financien", VLISSINGEN)))
        asyncio.run(_zet_terug(db, zaak.client["id"], zaak.plan["id"], v["id"]))

        lijst = _lijst(c, BEHEER)
        assert {d: x["status"] for d, x in lijst.items()} == dict.fromkeys(
            ("intake", "indicatie", "pgb", "finance"), "beschikbaar"
        )
        client = lijst["intake"]["ids"][zaak.client["id"]]
        assert (client["soort"], client["einddatum"], client["bewarenTot"]) == (
            "client",
            "2015-12-31",  # the end of its voorziening, taken over from the budget
            "2020-12-31",
        )
        plan = lijst["pgb"]["ids"][zaak.plan["id"]]
        assert (plan["soort"], plan["einddatum"], plan["rule"]) == (
            "pgb-plan",
            "2015-12-31",
            "AVG-5.1e",
        )
        cak = [k for k in lijst["finance"]["ids"].values() if k["soort"] == "cak-voorziening"]
        assert any(k["einddatum"] == "2015-12-31" for k in cak)

        # another gemeente's beheer sees none of it; a case worker may not ask
        anders = _lijst(c, auth("beheer", "0085"))
        assert zaak.client["id"] not in anders["intake"]["ids"]
        assert zaak.plan["id"] not in anders["pgb"]["ids"]
        assert c.get(URL, headers=GW).status_code == 403

        # beheer destroys the file: the rows go, the proces-verbaal stays; off the list
        pv = ok(
            c.post(
                "/api/v1/vernietigingen",
                json={"soort": "client", "id": zaak.client["id"]},
                headers={**BEHEER, "Idempotency-Key": str(uuid.uuid4())},
            )
        )
        assert (pv["objectId"], pv["einddatum"], pv["aantallen"]["brieven"]) == (
            zaak.client["id"],
            "2015-12-31",
            1,
        )
        assert zaak.client["bsn"] not in str(pv)
        assert zaak.client["id"] not in _lijst(c, BEHEER)["intake"]["ids"]
        r = c.get(f"/api/v1/clienten/{zaak.client['id']}/dossier", headers=GW)
        assert r.status_code == 404

        stack.kill("finance")
        try:
            zonder = ok(c.get(URL, params={"limit": 200}, headers=BEHEER), 200)
        finally:
            stack.ensure_running()
        d = {x["dienst"]: x for x in zonder["diensten"]}
        assert d["finance"]["status"] == "niet-beschikbaar"
        assert d["intake"]["status"] == d["pgb"]["status"] == "beschikbaar"
