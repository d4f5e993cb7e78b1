"""A case worker's day over real HTTP (issue 14.2-14.4): two case workers of one gemeente
(Anna and Bram, team Noord) and one of another (Els, 0718). A melding is claimed, one is
assigned, one is handed over with a reason; the werkvoorraad filters mine / my team / nobody's;
the signaleringen show the term of the case; a cliënt is found by a misspelled name; a review
is planned and shows in the werkvoorraad; nothing crosses to the other gemeente."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.e2e.conftest import Stack
from tests.e2e.steps import (
    aanvraag_voor,
    ok,
    post,
    vastgelegde_indicatie,
    verzonden_beschikking,
)
from tests.intake.api.helpers import bsn, onderzoek_body, voorziening
from tests.support.stack import auth

TEAM = f"Noord-{uuid.uuid4().hex[:6]}"
ANNA = auth("gebiedsteam", sub=f"anna-{TEAM}", name="Anna de Boer", team=TEAM)
BRAM = auth("gebiedsteam", sub=f"bram-{TEAM}", name="Bram Visser", team=TEAM)
ELS = auth("gebiedsteam", "0718", sub=f"els-{TEAM}", name="Els Kramer", team=TEAM)


def _client(c: httpx.Client, achternaam: str) -> dict[str, Any]:
    body = {
        "bsn": bsn(),
        "voornamen": "Wietske",
        "achternaam": achternaam,
        "geboortedatum": "1948-11-30",
        "adres": {"postcode": "8431AB", "huisnummer": "3", "woonplaats": "Oosterwolde"},
    }
    return ok(post(c, "/api/v1/clienten", body, ANNA))


def _melding(c: httpx.Client, client_id: str) -> dict[str, Any]:
    body = {
        "clientId": client_id,
        "ontvangstdatum": "2026-02-09",
        "kanaal": "loket",
        "hulpvraag": "Zij redt het huishouden niet meer na een val.",
    }
    return ok(post(c, "/api/v1/meldingen", body, ANNA))


def _werkvoorraad(c: httpx.Client, headers: dict[str, str], **params: str) -> set[str]:
    ids: set[str] = set()
    cursor = None
    while True:
        query = {**params, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = c.get("/api/v1/werkvoorraad", params=query, headers=headers)
        assert r.status_code == 200, r.text
        ids |= {i["meldingId"] for i in r.json()["resultaten"] if i["meldingId"]}
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return ids


def test_twee_behandelaars_en_een_andere_gemeente(stack: Stack) -> None:
    with stack.client("intake", timeout=30) as c, stack.client("indicatie") as ind:
        achternaam = f"Dijkstra{uuid.uuid4().hex[:5]}"
        wietske = _client(c, achternaam)
        m1, m2, m3 = (_melding(c, wietske["id"]) for _ in range(3))

        # Anna claims the first; the second is assigned to Bram; the third stays nobody's
        b1 = ok(post(c, f"/api/v1/meldingen/{m1['id']}/oppakkingen", {}, ANNA))
        assert b1["behandelaar"]["naam"] == "Anna de Boer" and b1["team"] == TEAM
        toewijzing = {"behandelaar": {"sub": f"bram-{TEAM}", "naam": "Bram Visser"}, "team": TEAM}
        ok(post(c, f"/api/v1/meldingen/{m2['id']}/behandelaar-toewijzingen", toewijzing, ANNA))
        assert _werkvoorraad(c, ANNA, behandelaar="mij") == {m1["id"]}
        assert _werkvoorraad(c, BRAM, behandelaar="mij") == {m2["id"]}
        assert _werkvoorraad(c, BRAM, team="mijn") == {m1["id"], m2["id"]}
        nobody = _werkvoorraad(c, BRAM, behandelaar="niemand")
        assert m3["id"] in nobody and m1["id"] not in nobody

        # Bram cannot take Anna's case; she hands it over with a reason (If-Match)
        r = post(c, f"/api/v1/meldingen/{m1['id']}/oppakkingen", {}, BRAM)
        assert r.status_code == 409
        overdracht = {
            "behandelaar": {"sub": f"bram-{TEAM}", "naam": "Bram Visser"},
            "team": TEAM,
            "reden": "Anna gaat met verlof",
        }
        r = post(
            c,
            f"/api/v1/meldingen/{m1['id']}/overdrachten",
            overdracht,
            {**ANNA, "If-Match": f'W/"{b1["versie"]}"'},
        )
        historie = ok(r)["historie"]
        assert [w["soort"] for w in historie] == ["oppakken", "overdracht"]
        assert historie[1]["reden"] == "Anna gaat met verlof"
        assert _werkvoorraad(c, ANNA, behandelaar="mij") == set()
        assert _werkvoorraad(c, BRAM, behandelaar="mij") == {m1["id"], m2["id"]}

        # Bram's signaleringen: the onderzoek terms of his cases
        r = c.get("/api/v1/signaleringen", params={"peildatum": "2026-03-20"}, headers=BRAM)
        signalen = {(s["soort"], s["meldingId"]) for s in ok(r, 200)["resultaten"]}
        assert {("termijn", m1["id"]), ("termijn", m2["id"])} <= signalen

        # A misspelled name finds her, in her own gemeente only
        fout = achternaam.replace("Dijkstra", "Dykstra")
        r = post(c, "/api/v1/clienten/zoekopdrachten", {"naam": f"Wietske {fout}"}, BRAM)
        assert wietske["id"] in [x["client"]["id"] for x in ok(r, 200)["resultaten"]]
        r = post(c, "/api/v1/clienten/zoekopdrachten", {"naam": f"Wietske {fout}"}, ELS)
        assert ok(r, 200)["resultaten"] == []

        # The other gemeente sees and changes nothing
        assert post(c, f"/api/v1/meldingen/{m3['id']}/oppakkingen", {}, ELS).status_code == 404
        r = c.get(f"/api/v1/meldingen/{m1['id']}/behandeling", headers=ELS)
        assert r.status_code == 404
        assert m3["id"] not in _werkvoorraad(c, ELS, behandelaar="niemand")

        # Bram takes m3 to a beschikking and plans its review (IND-11, six months)
        ok(post(c, f"/api/v1/meldingen/{m3['id']}/oppakkingen", {}, BRAM))
        ok(
            post(
                c,
                f"/api/v1/meldingen/{m3['id']}/clientondersteuning-berichten",
                {
                    "datum": "2026-02-10",
                    "wijze": "gesprek",
                    "clientWilClientondersteuning": False,
                    "mantelzorger": "gewezen",
                },
                BRAM,
            )
        )
        ok(post(c, f"/api/v1/meldingen/{m3['id']}/onderzoeken", onderzoek_body(), BRAM))
        aanvraag = aanvraag_voor(c, m3["id"], BRAM)
        indicatie = vastgelegde_indicatie(
            ind, wietske["bsn"], aanvraag["id"], herzieningsdatum="2026-09-30"
        )
        b = verzonden_beschikking(
            c, m3["id"], aanvraag["id"], voorziening(indicatieId=indicatie["id"]), BRAM
        )
        v = b["maatwerkvoorzieningen"][0]["id"]
        # The first review is the indicatie's herzieningsdatum (IND-11)
        r = c.get(
            "/api/v1/werkvoorraad",
            params={"soort": "evaluatie", "behandelaar": "mij", "peildatum": "2026-09-01"},
            headers=BRAM,
        )
        items = [i for i in ok(r, 200)["resultaten"] if i["referentieId"] == v]
        assert [i["uiterlijk"] for i in items] == ["2026-09-30"]
        evaluatie = {
            "evaluatiedatum": "2026-10-01",
            "doelrealisatie": [
                {
                    "doel": "contacten_en_participatie: Regie over het eigen leven",
                    "realisatie": "deels",
                }
            ],
            "uitkomst": "voortzetten",
            "toelichting": "Gesprek met Wietske en de aanbieder.",
            "duurcategorie": "snel_haalbaar",
        }
        e = ok(post(c, f"/api/v1/maatwerkvoorzieningen/{v}/evaluaties", evaluatie, BRAM))
        assert e["volgendeEvaluatieOp"] == "2027-04-01"
        komend = _werkvoorraad(
            c, BRAM, behandelaar="mij", soort="evaluatie", peildatum="2027-03-01", binnenWeken="6"
        )
        assert komend == {m3["id"]}
        r = post(c, f"/api/v1/maatwerkvoorzieningen/{v}/evaluaties", evaluatie, ELS)
        assert r.status_code == 404
