"""End to end, issue 15.4: a change of provider over real HTTP. Scenario A's begeleiding in
natura (02A03, 2026-04-01 to 2027-03-31, with eigen bijdrage) runs with provider 12345678; the
client changes to 87654321 from 2026-07-01. The provider feed (toewijzingen) ends the old
toewijzing on 2026-06-30 with RedenWijziging 09 and starts the new one on 2026-07-01: together
exactly the voorziening's period, no gap, no overlap. The CAK register (finance) keeps one
voorziening that started once and never stopped, and nothing goes to the SVB (pgb): the
voorziening itself did not change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.e2e.conftest import Stack
from tests.e2e.steps import (
    cak_mutaties,
    feed,
    gecontracteerd,
    ok,
    outbox_sync,
    post,
    scenario_a,
    wacht_op,
)
from tests.intake.api.helpers import datum_van
from tests.support.stack import TestDatabase, auth

pytestmark = pytest.mark.e2e

NIEUW = "87654321"
NIEUWE_AANBIEDER = auth("aanbieder", agb=NIEUW, sub="andere-bv")
SYSTEEM = auth("systeem")
DAG = dt.timedelta(days=1)


def _laatste_per_toewijzing(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What each toewijzing carries now: its last item in the feed."""
    laatste: dict[str, dict[str, Any]] = {}
    for item in items:
        laatste[item["toewijzingnummer"]] = item
    return sorted(laatste.values(), key=lambda t: t["ingangsdatum"])


def test_wisseling_van_aanbieder_een_doorlopende_voorziening(
    stack: Stack, db: TestDatabase
) -> None:
    zaak = scenario_a(stack)
    with stack.client("intake") as c, stack.client("finance") as fin:
        # The eigen bijdrage started in the CAK register before the change.
        start = wacht_op(lambda: cak_mutaties(fin, zaak.beschikking_id))
        assert [(m["soort"], m["ingangsdatum"]) for m in start] == [("start", "2026-04-01")]

        gecontracteerd(c, NIEUW)
        nieuw = ok(
            post(
                c,
                f"/api/v1/opdrachten/{zaak.opdracht_id}/wisselingen",
                {"aanbiederAgb": NIEUW, "laatsteDag": "2026-06-30"},
            )
        )
        ok(
            post(
                c,
                f"/api/v1/opdrachten/{nieuw['id']}/acceptaties",
                {"datum": datum_van(nieuw["verstrektOp"])},
                NIEUWE_AANBIEDER,
            )
        )

        # The provider feed: the old toewijzing ends the day before the new one starts.
        ids = {zaak.opdracht_id, nieuw["id"]}
        items = [t for t in feed(c, "/api/v1/toewijzingen", SYSTEEM) if t["opdrachtId"] in ids]
        oud, opvolger = _laatste_per_toewijzing(items)
        assert (oud["aanbiederAgb"], oud["einddatum"], oud["redenWijziging"]) == (
            "12345678",
            "2026-06-30",
            "09",
        )
        assert (opvolger["aanbiederAgb"], opvolger["ingangsdatum"], opvolger["einddatum"]) == (
            NIEUW,
            "2026-07-01",
            "2027-03-31",
        )
        einde_oud = dt.date.fromisoformat(oud["einddatum"])
        assert dt.date.fromisoformat(opvolger["ingangsdatum"]) == einde_oud + DAG
        assert (oud["ingangsdatum"], opvolger["einddatum"]) == ("2026-04-01", "2027-03-31")
        assert {t["productcode"] for t in (oud, opvolger)} == {"02A03"}
        assert oud["bsn"] == opvolger["bsn"] == zaak.bsn

        # The wisseling put nothing in the outbox for this beschikking: one event, to finance
        # (the start), delivered; none to pgb (SVB).
        rows = wacht_op(
            lambda: (
                (r := outbox_sync(db, zaak.beschikking_id))
                and all(x["afgeleverd"] is not None for x in r)
                and r
            )
        )
        assert [r["destination"] for r in rows] == ["finance"]
        # The CAK register: still the one start, no stop, so one continuous voorziening.
        mutaties = cak_mutaties(fin, zaak.beschikking_id)
        assert [(m["soort"], m["ingangsdatum"], m.get("einddatum")) for m in mutaties] == [
            ("start", "2026-04-01", start[0].get("einddatum"))
        ]
