"""Real intake aanvragen for the tests of the services that rest on one (issue 12.1): indicatie
and pgb check the aanvraag they name in intake (``GET /aanvragen/{id}/feiten``), so a test that
records an indicatie or a pgb-plan first files a real aanvraag in the in-process intake app.

``verbind`` points a service's ``app.state.clients`` at other in-process apps over ASGI (as
intake's API tests do with its peers); ``echte_aanvraag`` files cliënt (or finds it by BSN),
melding, optionally an onderzoek with the wanted afwegingsladder conclusion, and the aanvraag."""

from __future__ import annotations

import uuid
from typing import Any, Literal

import httpx

from tests.support.stack import auth
from wmo_shared.client import ServiceClient

Conclusie = Literal["maatwerk", "geen_maatwerk", "onvolledig"]

_DELEN = ["structuur", "administratie", "boodschappen"]


def app_van(client: httpx.AsyncClient) -> Any:
    return client._transport.app  # type: ignore[attr-defined]


def verbind(dienst: httpx.AsyncClient, /, **peers: httpx.AsyncClient) -> dict[str, ServiceClient]:
    """Point the clients ``dienst`` has of ``peers`` at those in-process apps; returns the
    clients as they were, to put back afterwards."""
    clients = app_van(dienst).state.clients
    voor = dict(clients)
    for naam, peer in peers.items():
        transport = httpx.ASGITransport(app=app_van(peer), raise_app_exceptions=False)
        clients[naam] = ServiceClient(naam, f"http://{naam}", transport=transport, retries=0)
    return voor


def _onderzoek(conclusie: Conclusie) -> dict[str, Any]:
    from tests.intake.api.helpers import TREDEN, onderzoek_body

    if conclusie == "maatwerk":  # mantelzorg solves the boodschappen, the rest is left
        return onderzoek_body()
    if conclusie == "geen_maatwerk":  # eigen kracht solves the whole hulpvraag
        return onderzoek_body(
            conclusie={"hulpvraagVolledigOpgelost": True, "passendeMaatwerkvoorziening": False},
            ladder=[{"trede": t, "lostOp": _DELEN if t == TREDEN[0] else []} for t in TREDEN],
            opties=[],
        )
    # onvolledig: only the first step of the ladder looked at
    return onderzoek_body(ladder=[{"trede": TREDEN[0], "lostOp": []}])


async def _post(intake: httpx.AsyncClient, pad: str, body: Any, gemeente: str) -> dict[str, Any]:
    headers = {**auth("gebiedsteam", gemeente), "Idempotency-Key": str(uuid.uuid4())}
    r = await intake.post(pad, json=body, headers=headers)
    assert r.status_code in (200, 201), f"{pad}: {r.text}"
    return dict(r.json())


async def _client_id(intake: httpx.AsyncClient, bsn: str, gemeente: str) -> str:
    gevonden = await _post(intake, "/api/v1/clienten/_zoek", {"bsn": bsn}, gemeente)
    if gevonden["resultaten"]:
        return str(gevonden["resultaten"][0]["id"])
    nieuw = {
        "bsn": bsn,
        "voornamen": "Sanne",
        "achternaam": "Veenstra",
        "geboortedatum": "1991-05-04",
        "adres": {
            "straat": "Stationsstraat",
            "huisnummer": "12",
            "postcode": "8431AB",
            "woonplaats": "Oosterwolde",
        },
    }
    return str((await _post(intake, "/api/v1/clienten", nieuw, gemeente))["id"])


async def onderzoek(
    intake: httpx.AsyncClient, melding_id: str, gemeente: str, conclusie: Conclusie
) -> dict[str, Any]:
    """The onderzoek of the melding, with the afwegingsladder concluding ``conclusie``."""
    pad = f"/api/v1/meldingen/{melding_id}"
    await _post(
        intake,
        f"{pad}/clientondersteuning-berichten",
        {
            "datum": "2026-02-10",
            "wijze": "telefoon",
            "clientWilClientondersteuning": True,
            "mantelzorger": "gewezen",
            "organisatie": "MEE",
        },
        gemeente,
    )
    return await _post(intake, f"{pad}/onderzoeken", _onderzoek(conclusie), gemeente)


async def echte_aanvraag(
    intake: httpx.AsyncClient,
    bsn: str,
    gemeente: str = "0085",
    conclusie: Conclusie | None = None,
) -> dict[str, Any]:
    """An aanvraag of the cliënt with ``bsn`` in ``gemeente`` (the cliënt is registered when
    intake does not know it yet); with ``conclusie`` after an onderzoek that concluded so,
    without it before any onderzoek (intake then has no conclusion). Returns intake's
    AanvraagRead (``id``, ``meldingId``, ...)."""
    client_id = await _client_id(intake, bsn, gemeente)
    melding = await _post(
        intake,
        "/api/v1/meldingen",
        {
            "clientId": client_id,
            "ontvangstdatum": "2026-02-09",
            "kanaal": "huisarts",
            "hulpvraag": "Ze opent haar post niet meer en mist afspraken.",
        },
        gemeente,
    )
    if conclusie is not None:
        await onderzoek(intake, melding["id"], gemeente, conclusie)
    return await _post(
        intake,
        "/api/v1/aanvragen",
        {
            "meldingId": melding["id"],
            "ontvangstdatum": "2026-03-16",
            "voorzieningen": [{"omschrijving": "ondersteuning"}],
        },
        gemeente,
    )
