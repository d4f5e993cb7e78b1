"""FIN-05 at the source: an intrekking of the beschikking of a one-off pgb, or a herziening that
replaces its voorziening by one without that pgb, sends finance ``eenmalig-pgb-beeindigd``
through the outbox (next to the CAK register's event); a herziening that carries the same pgb
on sends nothing of the kind. Delivered to the real finance app, the payment to the supplier
is cancelled; the same event twice changes nothing. The dossier and the AVG inzage show the
pgb with its payment."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.documents import pdf as lees
from tests.intake.api.helpers import GW, beschikking, verzend
from tests.intake.api.helpers import h as hdr
from tests.intake.api.peers import app_van, eenmalig_pgb
from tests.intake.api.test_beeindigingen import events, trek_in
from tests.intake.api.test_behandelingen import werker
from tests.intake.api.test_verwijzingen import _ep, _zaak
from tests.support.stack import TestDatabase, auth, token
from wmo_shared.client import RemoteError, ServiceClient
from wmo_shared.contracts import EenmaligPgbBeeindigdEvent

SOORT = "eenmalig-pgb-beeindigd"


async def _verzonden(
    intake: httpx.AsyncClient,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    zaak = await _zaak(intake)
    ep = await eenmalig_pgb(intake, zaak["bsn"], zaak["aanvraag"])
    b = await beschikking(
        intake, zaak["melding"], zaak["aanvraag"], maatwerkvoorzieningen=[_ep(ep["id"])]
    )
    return zaak, ep, await verzend(intake, b["id"])


async def _lever(intake: httpx.AsyncClient, event: dict[str, Any]) -> dict[str, Any]:
    """What intake's outbox relay does: the payload to its path, the eventId as key."""
    finance: ServiceClient = app_van(intake).state.clients["finance"]
    return dict(
        await finance.post_json(
            "/api/v1/eenmalig-pgb-beeindigingen",
            event["payload"],
            token=token("systeem", "0085"),
            idempotency_key=event["payload"]["eventId"],
        )
    )


async def test_intrekking_beeindigt_het_eenmalig_pgb_en_annuleert_de_betaling(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak, ep, b = await _verzonden(intake)
    mv = b["maatwerkvoorzieningen"][0]
    i = await trek_in(intake, zaak["melding"], b["id"], "2026-03-31")
    cak, einde = await events(db, i["id"])
    assert (cak["event_type"], cak["payload"]["einddatum"]) == (
        "maatwerkvoorziening-beeindigd",
        "2026-03-31",
    )
    assert (einde["destination"], einde["event_type"]) == ("finance", SOORT)
    e = EenmaligPgbBeeindigdEvent.model_validate(einde["payload"])
    assert (str(e.eenmalig_pgb_id), e.bsn, e.grond, str(e.einddatum)) == (
        ep["id"],
        zaak["bsn"],
        "intrekking",
        "2026-03-31",
    )
    assert (str(e.beschikking_id), str(e.maatwerkvoorziening_id)) == (i["id"], mv["id"])

    antwoord = await _lever(intake, einde)
    assert antwoord["gevolg"] == "betaling-geannuleerd"
    assert await _lever(intake, einde) == antwoord  # delivered twice: recorded once
    finance: ServiceClient = app_van(intake).state.clients["finance"]
    besluit = await finance.get_json(
        f"/api/v1/eenmalige-pgbs/{ep['id']}/besluit", token=token("systeem", "0085")
    )
    assert besluit["status"] == "ingetrokken"


async def test_herziening_met_hetzelfde_pgb_beeindigt_het_niet(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak, ep, b = await _verzonden(intake)
    oud = b["maatwerkvoorzieningen"][0]["id"]
    h = await beschikking(
        intake,
        zaak["melding"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[_ep(ep["id"], vervangtId=oud, begindatum="2026-04-01")],
    )
    h = await verzend(intake, h["id"])
    soorten = [e["event_type"] for e in await events(db, h["id"])]
    assert soorten == ["maatwerkvoorziening-beeindigd", "maatwerkvoorziening-gestart"]


async def test_herziening_naar_zorg_in_natura_beeindigt_het_wel(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak, ep, b = await _verzonden(intake)
    oud = b["maatwerkvoorzieningen"][0]["id"]
    zin = {**_ep(None, vervangtId=oud, begindatum="2026-04-01"), "eenmaligPgbId": None}
    zin.update(leveringsvorm="zin", eigenBijdrage=True, kostprijs="1750.00", bedrag=None)
    h = await beschikking(
        intake,
        zaak["melding"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[zin],
    )
    h = await verzend(intake, h["id"])
    [einde] = [e for e in await events(db, h["id"]) if e["event_type"] == SOORT]
    e = EenmaligPgbBeeindigdEvent.model_validate(einde["payload"])
    assert (e.grond, str(e.einddatum), str(e.eenmalig_pgb_id)) == (
        "herziening",
        "2026-03-31",
        ep["id"],
    )


async def test_dossier_en_avg_inzage_tonen_het_eenmalig_pgb(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """The dossier shows the one-off pgb like the tegemoetkomingen (amount, supplier, payment
    state), in JSON and in the letter to the resident; the AVG inzage lists finance's rows of
    it: the pgb, its feed entries and its end."""
    zaak, ep, b = await _verzonden(intake)
    m = (await intake.get(f"/api/v1/meldingen/{zaak['melding']}", headers=GW)).json()
    pad = f"/api/v1/clienten/{m['clientId']}/dossier"
    r = await intake.get(pad, headers=GW)
    assert r.status_code == 200, r.text
    [p] = r.json()["finance"]["gegevens"]["eenmaligePgbs"]
    assert (p["id"], p["bedrag"], p["leverancier"], p["betaalstatus"], p["gevolg"]) == (
        ep["id"],
        "1750.00",
        "Traplift Oosterwolde BV",
        "open",
        None,
    )

    i = await trek_in(intake, zaak["melding"], b["id"], "2026-03-31")
    [einde] = [e for e in await events(db, i["id"]) if e["event_type"] == SOORT]
    await _lever(intake, einde)
    [p] = (await intake.get(pad, headers=GW)).json()["finance"]["gegevens"]["eenmaligePgbs"]
    assert (p["betaalstatus"], p["gevolg"], p["beeindigdDoor"]) == (
        "geannuleerd",
        "betaling-geannuleerd",
        i["id"],
    )
    brief = await intake.get(pad, headers={**GW, "Accept": "application/pdf"})
    assert brief.status_code == 200, brief.text
    tekst = lees.tekst(brief.content)
    assert "Eenmalig pgb (roerende woonvoorziening): € 1.750,00" in tekst
    assert "Wij betalen niet." in tekst

    r = await intake.post(
        "/api/v1/avg-inzageverzoeken", json={"bsn": zaak["bsn"]}, headers=auth("beheer")
    )
    assert r.status_code == 200, r.text
    [fin] = [d for d in r.json()["diensten"] if d["dienst"] == "finance"]
    gegevens = fin["gegevens"]
    assert [x["id"] for x in gegevens["eenmaligePgbs"]] == [ep["id"]]
    assert sorted(x["soort"] for x in gegevens["leveranciersbetalingen"]) == [
        "annulering",
        "betaling",
    ]
    assert [x["gevolg"] for x in gegevens["eenmaligPgbBeeindigingen"]] == ["betaling-geannuleerd"]


async def test_een_geweigerd_einde_staat_geparkeerd_bij_beheer_en_de_behandelaar(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """An end finance refuses (here: a pgb it does not know) is answered 400; the relay parks
    it (``wmo_shared.outbox``), and then it is on the operator's list and among the case
    worker's signaleringen, through the intrekking it names."""
    anna = werker("Anna")
    zaak, _, b = await _verzonden(intake)
    r = await intake.post(
        f"/api/v1/meldingen/{zaak['melding']}/oppakkingen", json={}, headers=hdr(anna)
    )
    assert r.status_code == 201, r.text
    i = await trek_in(intake, zaak["melding"], b["id"], "2026-03-31")
    [einde] = [e for e in await events(db, i["id"]) if e["event_type"] == SOORT]
    kapot = {**einde, "payload": {**einde["payload"], "eenmaligPgbId": str(uuid.uuid4())}}
    with pytest.raises(RemoteError) as fout:
        await _lever(intake, kapot)
    assert fout.value.status == 400 and fout.value.problem["code"] == "onbekende-verwijzing"
    event_id = einde["payload"]["eventId"]
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:  # what the relay does with a 4xx
        await conn.execute(
            "UPDATE intake.outbox SET pogingen = 1, volgende_poging = '9999-12-31T00:00:00+00', "
            "laatste_fout = $2 WHERE event_id = $1",
            uuid.UUID(event_id),
            str(fout.value),
        )
    finally:
        await conn.close()

    r = await intake.get(f"/api/v1/outbox-gebeurtenissen/{event_id}", headers=auth("beheer"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "geparkeerd"
    r = await intake.get("/api/v1/signaleringen", headers=anna)
    [s] = [s for s in r.json()["resultaten"] if s["soort"] == "geweigerde-gebeurtenis"]
    assert s["meldingId"] == zaak["melding"]
    assert s["toelichting"].startswith(f"finance weigerde {SOORT}")
