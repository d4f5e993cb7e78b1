"""The dossier of a resident over real HTTP (issue 14.1, 14.7): after scenarios A, B and C the
dossier in intake shows each case's voorziening, provider, indicatie, tegemoetkoming with its
eigen-bijdrage regime and pgb budget, read from the four running services; with pgb stopped
the rest still answers and pgb's part is niet-beschikbaar."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.steps import (
    GW,
    aanvraag_voor,
    case_to_aanvraag,
    ok,
    pgb_beschikking,
    scenario_a,
    toegekende_tegemoetkoming,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening
from tests.intake.api.iwmo_berichten import AGB
from tests.support.live import Stack
from tests.support.stack import auth

pytestmark = pytest.mark.e2e

VLISSINGEN = auth("gebiedsteam", "0718")


def _client_id(c: httpx.Client, bsn: str, headers: dict[str, str] = GW) -> str:
    [client] = ok(c.post("/api/v1/clienten/_zoek", json={"bsn": bsn}, headers=headers), 200)[
        "resultaten"
    ]
    return str(client["id"])


def _dossier(c: httpx.Client, client_id: str, headers: dict[str, str] = GW) -> dict[str, Any]:
    return ok(c.get(f"/api/v1/clienten/{client_id}/dossier", headers=headers), 200)


def _met_cak(c: httpx.Client, client_id: str, headers: dict[str, str] = GW) -> dict[str, Any]:
    """The dossier once finance's CAK register got the beschikking's event (outbox)."""

    def klaar() -> dict[str, Any] | None:
        d = _dossier(c, client_id, headers)
        return d if d["finance"]["gegevens"]["eigenBijdrage"] else None

    return dict(wacht_op(klaar))


def test_dossier_na_de_scenarios(stack: Stack) -> None:
    zaak = scenario_a(stack)
    with (
        stack.client("intake") as c,
        stack.client("finance") as fin,
        stack.client("pgb") as pgb,
    ):
        # A: begeleiding in natura, the provider's opdracht, the indicatie, the CAK regime.
        a = _met_cak(c, _client_id(c, zaak.bsn))
        [v] = a["maatwerkvoorzieningen"]
        assert (v["staat"], v["leveringsvorm"], v["aanbiederAgb"], v["opdrachtId"]) == (
            "lopend",
            "zin",
            AGB,
            zaak.opdracht_id,
        )
        [indicatie] = a["indicaties"]["gegevens"]["indicaties"]
        assert indicatie["id"] == v["indicatieId"] and indicatie["profiel"] == "IBO-3"
        [regime] = a["finance"]["gegevens"]["eigenBijdrage"]
        assert (regime["maatwerkvoorzieningId"], regime["regime"]) == (v["id"], "abonnementstarief")
        assert a["pgb"]["gegevens"] == {"plannen": []}
        assert [b["id"] for b in a["beschikkingen"]] == [zaak.beschikking_id]
        assert a["beschikkingen"][0]["brief"]["kenmerk"]

        # B: a financiële tegemoetkoming, its amount taken over, finance's own FIN-08 regime.
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        tk = toegekende_tegemoetkoming(fin, client["bsn"])
        verzonden_beschikking(
            c,
            melding["id"],
            aanvraag["id"],
            voorziening(
                leveringsvorm="financiele_tegemoetkoming",
                productcategorie="13",
                productcode="13A01",
                omschrijving="Doucheruimte beneden",
                omvang=None,
                indicatieId=None,
                aanbiederAgb=None,
                tegemoetkomingId=tk["id"],
            ),
        )
        b = _met_cak(c, client["id"])
        [v] = b["maatwerkvoorzieningen"]
        assert (v["staat"], v["bedrag"], v["tegemoetkomingId"]) == ("lopend", "12240.00", tk["id"])
        [t] = b["finance"]["gegevens"]["tegemoetkomingen"]
        assert (t["id"], t["bedrag"], t["eigenBijdrage"]["perMaand"]) == (
            tk["id"],
            "12240.00",
            "19.00",
        )
        assert b["finance"]["gegevens"]["eigenBijdrage"][0]["regime"] == "tegemoetkoming"
        assert b["indicaties"]["gegevens"] == {"indicaties": []}

        # C: a pgb in Vlissingen (2015): the budget from pgb, ended long ago.
        zaak_c = pgb_beschikking(c, pgb, VLISSINGEN)
        cc = _dossier(c, zaak_c.client["id"], VLISSINGEN)
        [v] = cc["maatwerkvoorzieningen"]
        assert (v["staat"], v["leveringsvorm"], v["pgbPlanId"]) == (
            "beeindigd",
            "pgb",
            zaak_c.plan["id"],
        )
        [plan] = cc["pgb"]["gegevens"]["plannen"]
        budget = plan["besluit"]["budget"]
        assert (budget["budgetId"], budget["bedrag"]) == (zaak_c.budget_id, v["bedrag"])
        assert plan["besteedBedrag"] is None and plan["overschreden"] is False
        # another gemeente's case worker does not see it
        r = c.get(f"/api/v1/clienten/{zaak_c.client['id']}/dossier", headers=GW)
        assert r.status_code == 404


def test_dossier_als_pgb_niet_draait(stack: Stack) -> None:
    with stack.client("intake") as c:
        client, melding, _ = case_to_aanvraag(c)
        stack.kill("pgb")
        try:
            d = _dossier(c, client["id"])
        finally:
            stack.ensure_running()
        assert d["meldingen"][0]["id"] == melding["id"]
        assert d["pgb"]["status"] == "niet-beschikbaar" and d["pgb"]["gegevens"] is None
        assert d["indicaties"]["status"] == d["finance"]["status"] == "beschikbaar"


def test_avg_inzage_noemt_de_lezingen_van_het_dossier(stack: Stack) -> None:
    """Issue 14.5 over real HTTP: after a case worker read scenario A's dossier, beheer's AVG
    export lists those reads in intake and in indicatie (who, role, gemeente), and the data."""
    zaak = scenario_a(stack)
    beheer = auth("beheer")
    with stack.client("intake") as c:
        client_id = _client_id(c, zaak.bsn)
        d = _dossier(c, client_id)
        indicatie_id = d["indicaties"]["gegevens"]["indicaties"][0]["id"]
        export = ok(
            c.post("/api/v1/avg-inzageverzoeken", json={"bsn": zaak.bsn}, headers=beheer), 200
        )
        delen = {x["dienst"]: x for x in export["diensten"]}
        assert all(x["status"] == "beschikbaar" for x in delen.values())
        assert [r["id"] for r in delen["intake"]["gegevens"]["clienten"]] == [client_id]
        assert [o["id"] for o in delen["intake"]["gegevens"]["opdrachten"]] == [zaak.opdracht_id]
        gezien = {(r["dienst"], r["actie"], r["resourceId"], r["rol"]) for r in export["audit"]}
        assert ("intake", "dossier", client_id, "gebiedsteam") in gezien
        assert ("indicatie", "lezen", indicatie_id, "gebiedsteam") in gezien
        pdf = c.post(
            "/api/v1/avg-inzageverzoeken",
            json={"bsn": zaak.bsn},
            headers={**beheer, "Accept": "application/pdf"},
        )
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_managementinformatie_over_de_vier_diensten(stack: Stack) -> None:
    """Issue 14.6 over real HTTP: intake asks pgb and finance for their figures; as JSON and
    as CSV. (The figures themselves are checked against a known data set in the API tests.)"""
    with stack.client("intake") as c:
        periode = {"van": "2026-01-01", "tot": "2026-12-31"}
        mi = ok(c.get("/api/v1/managementinformatie", params=periode, headers=GW), 200)
        assert {b["dienst"]: b["status"] for b in mi["bronnen"]} == {
            "intake": "beschikbaar",
            "pgb": "beschikbaar",
            "finance": "beschikbaar",
        }
        assert {t["termijn"] for t in mi["termijnen"]} == {
            "onderzoek",
            "beschikking",
            "bezwaar",
            "zorgplan",
        }
        r = c.get(
            "/api/v1/managementinformatie", params=periode, headers={**GW, "Accept": "text/csv"}
        )
        assert r.status_code == 200 and r.text.startswith("onderdeel,soort,product")
