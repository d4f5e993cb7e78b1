"""End to end: the four services as real uvicorn processes on free ports against the session
database. Scenario A (begeleiding in natura with an indicatie advies and an opdracht), B
(woningaanpassing with a financiële tegemoetkoming, while finance is down: the outbox delivers
after it comes back, exactly once) and a pgb beschikking (C-like) from melding to the events."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.e2e.steps import (
    AANBIEDER,
    GW,
    aanvraag_voor,
    cak_mutaties,
    case_to_aanvraag,
    geaccepteerde_opdracht,
    ok,
    outbox_sync,
    pgb_beschikking,
    post,
    svb_toekenningen,
    toegekende_tegemoetkoming,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening
from tests.support.contract import ContractViolation
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth

pytestmark = pytest.mark.e2e


def test_e2e_clients_hold_every_json_answer_to_the_published_contract(stack: Stack) -> None:
    """``stack.client`` checks each JSON 2xx answer against the service's own OpenAPI (fetched
    once from /api/v1/openapi.json): a real answer passes, one the route does not publish fails."""
    with stack.client("intake") as c:
        hook = stack.contract("intake").sync_hook
        assert c.event_hooks["response"] == [hook]
        client, _, _ = case_to_aanvraag(c)  # every answer on the way was checked
        path = f"/api/v1/clienten/{client['id']}"
        assert ok(c.get(path, headers=GW), 200)["id"] == client["id"]
        forged = httpx.Response(
            200, json={"id": client["id"]}, request=httpx.Request("GET", stack.url("intake") + path)
        )
        with pytest.raises(ContractViolation, match="clienten"):
            hook(forged)


def test_scenario_a_begeleiding_in_natura(stack: Stack) -> None:
    with stack.client("intake") as c, stack.client("finance") as fin:
        begeleiding = {
            "levensdomeinen": {
                "psychisch_functioneren": 2,
                "praktisch_functioneren": 2,
                "sociaal_functioneren": 2,
                "dagbesteding": 2,
                "financien": 1,
            },
            "kenmerken": {"belastbaarheid": "normaal", "problematiek": "fluctuerend"},
            "resultaatgebieden": ["b", "c", "f", "k"],
            "begindatum": "2026-04-01",
        }
        client, melding, ond = case_to_aanvraag(c, begeleiding=begeleiding)
        advies = c.post(
            f"/api/v1/onderzoeken/{ond['id']}/indicatie-adviezen",
            json={},
            headers={**GW, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert advies.status_code in (201, 400), advies.text
        assert advies.status_code == 201, advies.text
        advies_id = advies.json()["antwoord"]["id"]
        aanvraag = aanvraag_voor(c, melding["id"])
        assert aanvraag["beschikkingstermijn"]["uiterlijk"] == "2026-03-30"
        # The worker records the final indicatie in the indicatie service (IND-04, IND-05).
        with stack.client("indicatie") as ind:
            indicatie = ok(
                post(
                    ind,
                    "/api/v1/indicaties",
                    {
                        "bsn": ok(c.get(f"/api/v1/clienten/{client['id']}", headers=GW), 200)[
                            "bsn"
                        ],
                        "aanvraagId": aanvraag["id"],
                        "adviesId": advies_id,
                        "aard": "individuele_begeleiding",
                        "profiel": "IBO-3",
                        "plus": False,
                        "omvang": "3.5",
                        "perceel": "individuele_begeleiding",
                        "productcategorie": "02",
                        "productcode": "02A03",
                        "begindatum": "2026-04-01",
                        "einddatum": "2027-03-31",
                        "motivering": "Iets onder typisch: haar zus ondersteunt (netwerk).",
                    },
                )
            )
        indicatie_id = indicatie["id"]
        b = verzonden_beschikking(
            c, melding["id"], aanvraag["id"], voorziening(indicatieId=indicatie_id)
        )
        assert b["bezwaartermijn"]["uiterlijk"] == "2026-05-06"
        opdracht = geaccepteerde_opdracht(
            c, b["maatwerkvoorzieningen"][0]["id"], ["Zelf de post afhandelen", "Dagstructuur"]
        )
        wmo301 = c.get(f"/api/v1/opdrachten/{opdracht['id']}/wmo301", headers=AANBIEDER)
        assert wmo301.status_code == 200 and b"<" in wmo301.content
        assert c.get(f"/api/v1/meldingen/{melding['id']}", headers=GW).json()["status"] == (
            "opdracht"
        )
        mutaties = wacht_op(lambda: cak_mutaties(fin, b["id"]))
        assert [m["soort"] for m in mutaties] == ["start"]


def test_scenario_b_finance_down_outbox_delivers_once(stack: Stack, db: TestDatabase) -> None:
    with stack.client("intake") as c, stack.client("finance") as fin:
        client, melding, _ = case_to_aanvraag(c)
        # The besluit comes first (FIN-07): the beschikking rests on a toegekende tegemoetkoming.
        toegekend = toegekende_tegemoetkoming(fin, client["bsn"])
        assert (toegekend["status"], toegekend["bewijsUiterlijk"]) == ("toegekend", "2026-06-25")
        tegemoetkoming_id = toegekend["id"]
        aanvraag = aanvraag_voor(c, melding["id"])
        b = ok(
            post(
                c,
                "/api/v1/beschikkingen",
                {
                    "meldingId": melding["id"],
                    "aanvraagId": aanvraag["id"],
                    "soort": "toekenning",
                    "besluitdatum": "2026-03-25",
                    "motivering": "Een doucheruimte beneden (RES-05: verhuizen is niet adequaat).",
                    "maatwerkvoorzieningen": [
                        voorziening(
                            leveringsvorm="financiele_tegemoetkoming",
                            productcategorie="13",
                            productcode="13A01",
                            omschrijving="Doucheruimte beneden",
                            omvang=None,
                            indicatieId=None,
                            aanbiederAgb=None,
                            tegemoetkomingId=tegemoetkoming_id,
                            kostprijs="13600.00",  # typed again, the same: accepted
                        )
                    ],
                },
            )
        )
        stack.kill("finance")
        b = ok(
            post(c, f"/api/v1/beschikkingen/{b['id']}/verzendingen", {"verzenddatum": "2026-03-25"})
        )
        assert b["maatwerkvoorzieningen"][0]["bedrag"] == "12240.00"  # taken over (FIN-01)
        pending = outbox_sync(db, b["id"])
        assert [r["destination"] for r in pending] == ["finance"]
        pending = wacht_op(lambda: [r for r in outbox_sync(db, b["id"]) if r["pogingen"] > 0])
        assert pending[0]["afgeleverd"] is None and pending[0]["laatste_fout"]
        stack.start("finance", wait=True)
        rows = wacht_op(lambda: [r for r in outbox_sync(db, b["id"]) if r["afgeleverd"]])
        assert rows[0]["afgeleverd"] is not None and len(rows) == 1
        mutaties = cak_mutaties(fin, b["id"])
        assert [m["soort"] for m in mutaties] == ["start"]
        assert mutaties[0]["leveringsvorm"] == "financiele_tegemoetkoming"
        assert mutaties[0]["tegemoetkomingId"] == tegemoetkoming_id

        # The payment before the work (FIN-07).
        betaald = ok(
            fin.post(
                f"/api/v1/tegemoetkomingen/{tegemoetkoming_id}/betalingen",
                json={"betaaldatum": "2026-03-27"},
                headers={**GW, "If-Match": f'W/"{toegekend["versie"]}"'},
            )
        )
        assert (betaald["status"], betaald["betaaldBedrag"]) == ("betaald", "12240.00")


def test_scenario_c_pgb_from_melding_to_svb(stack: Stack, db: TestDatabase) -> None:
    """Vlissingen (0718): household help with a pgb. pgb's plan and besluit make the budget;
    intake's beschikking refers to the plan; its event makes the budget formal and it appears
    in the SVB feed (the payment side)."""
    vlissingen = auth("gebiedsteam", "0718")
    with stack.client("intake") as c, stack.client("pgb") as pgb:
        zaak = pgb_beschikking(c, pgb, vlissingen)
        rows = wacht_op(
            lambda: [
                r
                for r in outbox_sync(db, zaak.beschikking["id"])
                if r["destination"] == "pgb" and r["afgeleverd"] is not None
            ]
        )
        assert len(rows) == 1
        assert wacht_op(lambda: svb_toekenningen(pgb, zaak, auth("financien", "0718")))
