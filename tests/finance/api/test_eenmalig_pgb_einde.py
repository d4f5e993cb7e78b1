"""The end of a one-off pgb (FIN-05) by an intrekking or herziening of its beschikking, over the
API: intake's event (``EenmaligPgbBeeindigdEvent``) before the payment to the supplier cancels
it with a cancellation entry in the feed leveranciersbetalingen (the payment row stays, the
feed only grows); after the payment the answer says a terugvordering is for the gemeente to
decide and the feed is left alone. Idempotent on the eventId and once per pgb; an event for an
unknown pgb or another inwoner is refused (400: intake's outbox parks it); the payment
reported after a cancellation is refused (409)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.finance.api.helpers import param_names, problem
from tests.finance.api.test_eenmalige_pgbs import FEED, URL, _feed, body
from tests.support.stack import auth
from wmo_shared.contracts import EenmaligPgbBeeindigdEvent, EenmaligPgbBesluit

EINDE = "/api/v1/eenmalig-pgb-beeindigingen"
SYSTEEM = auth("systeem")


async def _pgb(finance: httpx.AsyncClient) -> dict[str, Any]:
    r = await finance.post(URL, json=body(), headers=auth())
    assert r.status_code == 201, r.text
    return dict(r.json())


def _event(p: dict[str, Any], **extra: Any) -> dict[str, Any]:
    event = {
        "eventId": str(uuid.uuid4()),
        "eventType": "eenmalig-pgb-beeindigd",
        "gemeente": "0085",
        "bsn": p["bsn"],
        "eenmaligPgbId": p["id"],
        "beschikkingId": str(uuid.uuid4()),
        "besluitdatum": "2026-04-10",
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "grond": "intrekking",
        "einddatum": "2026-04-10",
        **extra,
    }
    EenmaligPgbBeeindigdEvent.model_validate(event)  # what intake sends
    return event


async def _stuur(finance: httpx.AsyncClient, event: dict[str, Any]) -> httpx.Response:
    return await finance.post(
        EINDE, json=event, headers={**SYSTEEM, "Idempotency-Key": event["eventId"]}
    )


async def _lees(finance: httpx.AsyncClient, pgb_id: str) -> httpx.Response:
    r = await finance.get(f"{URL}/{pgb_id}", headers=auth())
    assert r.status_code == 200, r.text
    return r


async def _betaal(
    finance: httpx.AsyncClient, pgb_id: str, datum: str = "2026-03-20", role: str = "systeem"
) -> httpx.Response:
    etag = (await _lees(finance, pgb_id)).headers["ETag"]
    return await finance.post(
        f"{URL}/{pgb_id}/betalingen",
        json={"betaaldatum": datum},
        headers={**auth(role), "If-Match": etag},
    )


async def test_voor_de_betaling_wordt_zij_geannuleerd_en_de_feed_meldt_het(
    finance: httpx.AsyncClient,
) -> None:
    p = await _pgb(finance)
    assert (p["betaalstatus"], p["beeindiging"], p["versie"]) == ("open", None, 1)
    event = _event(p)
    r = await _stuur(finance, event)
    assert r.status_code == 201, r.text
    e = r.json()
    assert (e["gevolg"], e["grond"], e["rules"]) == (
        "betaling-geannuleerd",
        "intrekking",
        ["FIN-05"],
    )
    assert "betaal deze leverancier niet" in e["toelichting"] and "€ 1.750,00" in e["toelichting"]

    # the feed: the payment stays, the cancellation follows it, with the same supplier data
    betaling, annulering = [b for b in await _feed(finance) if b["eenmaligPgbId"] == p["id"]]
    assert (betaling["soort"], betaling["bedrag"], betaling["annuleert"]) == (
        "betaling",
        "1750.00",
        None,
    )
    assert (annulering["soort"], annulering["bedrag"], annulering["annuleert"]) == (
        "annulering",
        "-1750.00",
        betaling["volgnummer"],
    )
    assert annulering["volgnummer"] == e["annuleringVolgnummer"] > betaling["volgnummer"]
    assert annulering["betalingskenmerk"] == betaling["betalingskenmerk"]
    assert annulering["besluitdatum"] == "2026-04-10"
    # a reader on a cursor past the payment gets the cancellation next
    r = await finance.get(
        FEED, params={"cursor": str(betaling["volgnummer"]), "limit": 1000}, headers=SYSTEEM
    )
    assert annulering in r.json()["resultaten"]

    gelezen = (await _lees(finance, p["id"])).json()
    assert (gelezen["betaalstatus"], gelezen["beeindiging"]["gevolg"], gelezen["versie"]) == (
        "geannuleerd",
        "betaling-geannuleerd",
        2,
    )
    besluit = await finance.get(f"{URL}/{p['id']}/besluit", headers=SYSTEEM)
    assert EenmaligPgbBesluit.model_validate(besluit.json()).status == "ingetrokken"

    # the same event again, and another ending of the same pgb: nothing new
    again = await _stuur(finance, event)  # the relay again: the same Idempotency-Key
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == e
    again = await finance.post(  # the same event under another key: the inbox knows it
        EINDE, json=event, headers={**SYSTEEM, "Idempotency-Key": str(uuid.uuid4())}
    )
    assert again.status_code == 200 and again.json() == e
    r = await _stuur(finance, {**event, "eventId": str(uuid.uuid4()), "grond": "herziening"})
    assert r.status_code == 200 and r.json()["beschikkingId"] == event["beschikkingId"]
    assert len([b for b in await _feed(finance) if b["eenmaligPgbId"] == p["id"]]) == 2

    # the supplier was not to be paid
    fout = problem(await _betaal(finance, p["id"]), 409)
    assert (fout["code"], fout["rules"]) == ("betaling-geannuleerd", ["FIN-05"])


async def test_na_de_betaling_beslist_de_gemeente_over_terugvordering(
    finance: httpx.AsyncClient,
) -> None:
    p = await _pgb(finance)
    fout = problem(await _betaal(finance, p["id"], "2026-03-01"), 400)  # before the besluit
    assert param_names(fout) == ["betaaldatum"]
    r = await finance.post(
        f"{URL}/{p['id']}/betalingen", json={"betaaldatum": "2026-03-20"}, headers=SYSTEEM
    )
    assert r.status_code == 428
    assert (await _betaal(finance, p["id"], role="gebiedsteam")).status_code == 403
    r = await _betaal(finance, p["id"])
    assert r.status_code == 201, r.text
    assert (r.json()["betaalstatus"], r.json()["betaaldatum"]) == ("betaald", "2026-03-20")
    assert r.headers["ETag"] == 'W/"2"'
    assert problem(await _betaal(finance, p["id"]), 409)["code"] == "al-betaald"

    r = await _stuur(finance, _event(p, grond="herziening", einddatum="2026-05-31"))
    assert r.status_code == 201, r.text
    e = r.json()
    assert (e["gevolg"], e["annuleringVolgnummer"]) == ("terugvordering-ter-beoordeling", None)
    assert "beslist de gemeente" in e["toelichting"]
    assert "niets automatisch teruggevorderd" in e["toelichting"]
    assert [b["soort"] for b in await _feed(finance) if b["eenmaligPgbId"] == p["id"]] == [
        "betaling"
    ]
    gelezen = (await _lees(finance, p["id"])).json()
    assert (gelezen["betaalstatus"], gelezen["beeindiging"]["gevolg"]) == (
        "betaald",
        "terugvordering-ter-beoordeling",
    )


async def test_een_event_dat_niet_klopt_wordt_geweigerd(finance: httpx.AsyncClient) -> None:
    p = await _pgb(finance)
    fout = problem(await _stuur(finance, _event(p, eenmaligPgbId=str(uuid.uuid4()))), 400)
    assert (fout["code"], param_names(fout)) == ("onbekende-verwijzing", ["eenmaligPgbId"])
    fout = problem(await _stuur(finance, _event(p, bsn="999993653")), 400)
    assert fout["code"] == "andere-inwoner"
    r = await finance.post(EINDE, json=_event(p, gemeente="0718"), headers=auth("systeem", "0718"))
    assert r.status_code == 400  # another gemeente's pgb is unknown there
    r = await finance.post(EINDE, json=_event(p), headers=auth("systeem", "0718"))
    assert r.status_code == 403
    assert (await finance.post(EINDE, json=_event(p), headers=auth())).status_code == 403
    # nothing was recorded: the pgb is still open and its payment is not cancelled
    assert (await _lees(finance, p["id"])).json()["betaalstatus"] == "open"
