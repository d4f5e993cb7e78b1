"""The AVG inzage (art. 15, issue 14.5): for role beheer, one export of everything the four
services hold about a BSN in the gemeente and every audit row about it (who, role, gemeente,
what, when), itself audited; as JSON and as PDF."""

from __future__ import annotations

from typing import Any

import httpx

from tests.documents import pdf as lees
from tests.intake.api.helpers import GW, bsn, verzonden_zaak
from tests.intake.api.peers import app_van, bsn_van_melding, tegemoetkoming
from tests.support.stack import auth
from wmo_shared.client import ServiceClient

BEHEER = auth("beheer")
URL = "/api/v1/avg-inzageverzoeken"


async def _inzage(intake: httpx.AsyncClient, nummer: str) -> dict[str, Any]:
    r = await intake.post(URL, json={"bsn": nummer}, headers=BEHEER)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_alles_en_wie_het_zag(intake: httpx.AsyncClient) -> None:
    m, b = await verzonden_zaak(intake)
    nummer = await bsn_van_melding(intake, m["id"], GW)
    assert nummer is not None
    tk = await tegemoetkoming(intake, nummer)
    r = await intake.get(f"/api/v1/clienten/{m['clientId']}/dossier", headers=GW)
    assert r.status_code == 200

    export = await _inzage(intake, nummer)
    delen = {d["dienst"]: d for d in export["diensten"]}
    assert set(delen) == {"intake", "indicatie", "pgb", "finance"}
    assert all(d["status"] == "beschikbaar" for d in delen.values())
    intake_deel = delen["intake"]["gegevens"]
    assert [c["id"] for c in intake_deel["clienten"]] == [m["clientId"]]
    assert intake_deel["clienten"][0]["bsn"] == nummer
    assert [x["id"] for x in intake_deel["beschikkingen"]] == [b["id"]]
    [brief] = intake_deel["brievenBeschikking"]
    assert "pdf" not in brief and brief["sha256"]
    [indicatie] = delen["indicatie"]["gegevens"]["indicaties"]
    assert [t["id"] for t in delen["finance"]["gegevens"]["tegemoetkomingen"]] == [tk["id"]]
    assert delen["pgb"]["gegevens"]["pgbPlannen"] == []

    regels = export["audit"]
    assert regels == sorted(regels, key=lambda r: r["tijdstip"])
    gezien = {(r["dienst"], r["actie"], r["resourceId"]) for r in regels}
    # the dossier read of the case worker, in intake and in each service that contributed
    assert ("intake", "dossier", m["clientId"]) in gezien
    assert ("indicatie", "lezen", indicatie["id"]) in gezien
    assert ("finance", "lezen", tk["id"]) in gezien
    assert all({"sub", "rol", "gemeente", "tijdstip"} <= r.keys() for r in regels)
    assert {r["rol"] for r in regels} >= {"gebiedsteam"}

    # the inzage itself is audited, in every service: the next one lists it
    opnieuw = await _inzage(intake, nummer)
    inzagen = {r["dienst"] for r in opnieuw["audit"] if r["actie"] == "avg-inzage"}
    assert inzagen == {"intake", "indicatie", "finance"}  # pgb holds nothing about this person
    assert all(r["rol"] == "beheer" for r in opnieuw["audit"] if r["actie"] == "avg-inzage")


async def test_als_pdf_en_alleen_voor_beheer(intake: httpx.AsyncClient) -> None:
    m, _ = await verzonden_zaak(intake)
    nummer = await bsn_van_melding(intake, m["id"], GW)
    assert nummer is not None
    r = await intake.post(
        URL, json={"bsn": nummer}, headers={**BEHEER, "Accept": "application/pdf"}
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    tekst = lees.tekst(r.content)
    assert "Inzage in uw gegevens" in tekst and "Sanne Veenstra" in tekst
    assert "gebiedsteam, gemeente 0085" in tekst
    assert nummer not in tekst.replace(" ", "")  # the letter itself does not repeat the BSN
    assert (await intake.post(URL, json={"bsn": nummer}, headers=GW)).status_code == 403
    r = await intake.post(URL, json={"bsn": "123456789"}, headers=BEHEER)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "bsn"


async def test_onbekend_en_een_dienst_die_niet_antwoordt(intake: httpx.AsyncClient) -> None:
    app_van(intake).state.clients["finance"] = ServiceClient(
        "finance", "http://127.0.0.1:9", retries=0
    )
    export = await _inzage(intake, bsn())
    delen = {d["dienst"]: d for d in export["diensten"]}
    assert delen["finance"]["status"] == "niet-beschikbaar"
    assert delen["intake"]["gegevens"]["clienten"] == []
    assert delen["indicatie"]["status"] == "beschikbaar"
    # the inzage that found nothing is itself audited
    assert export["audit"] == []
