"""Intake's peers in the in-process API tests: the real pgb, indicatie and finance apps (the
session's in-process services, over ASGI), so a beschikking rests on real decisions (issue
12.1) without a mock. ``met_besluiten`` records the indicatie a test voorziening asks for with
the ``INDICATIE`` placeholder, for the case's own cliënt and aanvraag."""

from __future__ import annotations

import base64
import copy
import json
import uuid
from typing import Any

import httpx

from tests.support.stack import token
from wmo_shared.client import ServiceClient

INDICATIE = "<vastgelegde indicatie>"
"""Placeholder for ``indicatieId``: ``met_besluiten`` records a real one (IBO-3, 3.5 hours a
week, 2026-04-01 up to and including 2027-03-31) in the indicatie service."""


PGB = "<toegekend pgb>"
"""Placeholder for ``pgbPlanId``: ``met_besluiten`` has pgb decide a plan (scenario C: Anna's
alfahulp, budget 2015-03-01 up to and including 2015-12-31) and leaves the voorziening's period
out, so it is taken over from the budget. Only where pgb has a policy (Vlissingen, 0718)."""

_vastgelegd: dict[tuple[str, str, str], str] = {}
_zonder_aanvraag: dict[tuple[str, str, str], str] = {}


def app_van(client: httpx.AsyncClient) -> Any:
    return client._transport.app  # type: ignore[attr-defined]


def verbind(dienst: httpx.AsyncClient, /, **peers: httpx.AsyncClient) -> None:
    """Point the clients ``dienst`` (intake, pgb, indicatie) has of ``peers`` at those
    in-process apps."""
    clients = app_van(dienst).state.clients
    for naam, peer in peers.items():
        transport = httpx.ASGITransport(app=app_van(peer), raise_app_exceptions=False)
        clients[naam] = ServiceClient(naam, f"http://{naam}", transport=transport, retries=0)


def _gemeente(headers: dict[str, str] | None) -> str:
    if not headers:
        return "0085"
    payload = headers["Authorization"].split()[1].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return str(claims["gemeente"])


def indicatie_body(bsn: str, aanvraag_id: str, **extra: Any) -> dict[str, Any]:
    """Scenario A step 5: IBO-3, regulier, 3.5 hours a week from 2026-04-01 for 12 months."""
    return {
        "bsn": bsn,
        "aanvraagId": aanvraag_id,
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
        **extra,
    }


async def bsn_van_melding(
    intake: httpx.AsyncClient, melding_id: str, headers: dict[str, str]
) -> str | None:
    """The cliënt's BSN; None when the melding is unknown in the caller's gemeente."""
    auth = {"Authorization": headers["Authorization"]}
    m = await intake.get(f"/api/v1/meldingen/{melding_id}", headers=auth)
    if m.status_code == 404:
        return None
    assert m.status_code == 200, m.text
    c = await intake.get(f"/api/v1/clienten/{m.json()['clientId']}", headers=auth)
    assert c.status_code == 200, c.text
    return str(c.json()["bsn"])


async def aanvraag_van_client(
    intake: httpx.AsyncClient, melding_id: str, headers: dict[str, str] | None = None
) -> str:
    """Another real aanvraag of the cliënt of ``melding_id`` (on a melding of its own, so the
    case under test is not touched): indicatie and pgb check the aanvraag they name in intake
    (issue 12.1), so a decision for "another aanvraag" needs a real one."""
    from tests.intake.api.helpers import GW, aanvraag, melding

    headers = headers or GW
    auth = {"Authorization": headers["Authorization"]}
    m = await intake.get(f"/api/v1/meldingen/{melding_id}", headers=auth)
    assert m.status_code == 200, m.text
    tweede = await melding(intake, m.json()["clientId"], headers)
    return str((await aanvraag(intake, tweede["id"], headers))["id"])


async def vastgelegde_indicatie(
    intake: httpx.AsyncClient, bsn: str, aanvraag_id: str, gemeente: str = "0085", **extra: Any
) -> dict[str, Any]:
    """An indicatie recorded in the (in-process) indicatie service intake talks to."""
    peer: ServiceClient = app_van(intake).state.clients["indicatie"]
    antwoord = await peer.post_json(
        "/api/v1/indicaties",
        indicatie_body(bsn, aanvraag_id, **extra),
        token=token("gebiedsteam", gemeente),
        idempotency_key=str(uuid.uuid4()),
    )
    return dict(antwoord)


async def met_besluiten(
    intake: httpx.AsyncClient, body: dict[str, Any], headers: dict[str, str] | None = None
) -> dict[str, Any]:
    """The beschikking body with every ``INDICATIE`` placeholder replaced by a real indicatie."""
    voorzieningen = body.get("maatwerkvoorzieningen") or []
    if not any(
        v.get("indicatieId") == INDICATIE or v.get("pgbPlanId") == PGB for v in voorzieningen
    ):
        return body
    from tests.intake.api.helpers import GW

    headers = headers or GW
    body = copy.deepcopy(body)
    bsn = await bsn_van_melding(intake, body["meldingId"], headers)
    if bsn is None:  # the beschikking is refused for its melding; no indicatie to record
        for v in body["maatwerkvoorzieningen"]:
            for veld in ("indicatieId", "pgbPlanId"):
                if v.get(veld) in (INDICATIE, PGB):
                    v[veld] = str(uuid.uuid4())
        return body
    gemeente = _gemeente(headers)
    aanvraag_id = body.get("aanvraagId")
    if aanvraag_id is None:  # indicatie and pgb rest on a real aanvraag (issue 12.1)
        sleutel_zonder = (bsn, "", gemeente)
        if sleutel_zonder not in _zonder_aanvraag:
            _zonder_aanvraag[sleutel_zonder] = await aanvraag_van_client(
                intake, body["meldingId"], headers
            )
        aanvraag_id = _zonder_aanvraag[sleutel_zonder]
    for v in body["maatwerkvoorzieningen"]:
        if v.get("pgbPlanId") == PGB:
            v["pgbPlanId"] = await toegekend_pgb(intake, bsn, aanvraag_id, gemeente)
            v.pop("begindatum", None)
            v.pop("einddatum", None)
    if not any(v.get("indicatieId") == INDICATIE for v in body["maatwerkvoorzieningen"]):
        return body
    sleutel = (bsn, aanvraag_id, gemeente)
    if sleutel not in _vastgelegd:  # one indicatie per cliënt, aanvraag and aard
        ind = await vastgelegde_indicatie(intake, bsn, aanvraag_id, gemeente)
        _vastgelegd[sleutel] = str(ind["id"])
    for v in body["maatwerkvoorzieningen"]:
        if v.get("indicatieId") == INDICATIE:
            v["indicatieId"] = _vastgelegd[sleutel]
    return body


async def toegekend_pgb(
    intake: httpx.AsyncClient, bsn: str, aanvraag_id: str, gemeente: str = "0718"
) -> str:
    """A pgb-plan decided toegekend in the (in-process) pgb service intake talks to: its id."""
    from tests.pgb.api.helpers import TOEKENNING_C, plan

    peer: ServiceClient = app_van(intake).state.clients["pgb"]
    t = token("gebiedsteam", gemeente)
    p = await peer.post_json(
        "/api/v1/pgb-plannen",
        plan(bsn=bsn, aanvraagId=aanvraag_id, maatwerkvoorzieningNodig=True),
        token=t,
        idempotency_key=str(uuid.uuid4()),
    )
    await peer.post_json(
        f"/api/v1/pgb-plannen/{p['id']}/besluiten",
        TOEKENNING_C,
        token=t,
        idempotency_key=str(uuid.uuid4()),
    )
    return str(p["id"])


def _offerte(kenmerk: str, bron: str, bedrag: str) -> dict[str, Any]:
    return {
        "kenmerk": kenmerk,
        "bron": bron,
        "bedrag": bedrag,
        "omschrijving": "Doucheruimte van 3 m2 op de begane grond, inpandige verbouwing",
        "leverancier": {
            "naam": f"Bouwbedrijf {kenmerk}",
            "adres": "Hoofdstraat 1, 8427 AB Appelscha",
            "kvk": "12345678",
            "rekeningnummer": "NL91ABNA0417164300",
        },
        "inwoner": "J. de Vries, Appelscha",
    }


TEGEMOETKOMING_BODY: dict[str, Any] = {
    "voorziening": "onroerende_woonvoorziening",
    "betaalmoment": "voor_aanschaf",
    "peildatum": "2026-03-25",
    "offertes": [
        _offerte("A", "inwoner", "14250.00"),
        _offerte("B", "gemeente", "13600.00"),
        _offerte("C", "tegenofferte", "15100.00"),
    ],
}
"""Scenario B: goedkoopst adequaat € 13,600, tegemoetkoming 90 % = € 12,240 (FIN-03, FIN-01)."""


async def tegemoetkoming(
    intake: httpx.AsyncClient, bsn: str, *, toekennen: bool = True, gemeente: str = "0085"
) -> dict[str, Any]:
    """A tegemoetkoming in the (in-process) finance service, toegekend unless told not."""
    peer: ServiceClient = app_van(intake).state.clients["finance"]
    t = token("gebiedsteam", gemeente)
    tk = dict(
        await peer.post_json(
            "/api/v1/tegemoetkomingen",
            {"bsn": bsn, **TEGEMOETKOMING_BODY},
            token=t,
            idempotency_key=str(uuid.uuid4()),
        )
    )
    if toekennen:
        r = await peer.request(
            "POST",
            f"/api/v1/tegemoetkomingen/{tk['id']}/toekenningen",
            token=t,
            json={"besluitdatum": "2026-03-25"},
            headers={"If-Match": f'W/"{tk["versie"]}"', "Idempotency-Key": str(uuid.uuid4())},
        )
        tk = dict(r.json())
    return tk


def eenmalig_pgb_body(bsn: str, aanvraag_id: str | None = None) -> dict[str, Any]:
    """FIN-05: a traplift for who cannot pay the own share of a tegemoetkoming and for whom in
    natura is not possible; goedkoopst adequaat € 1,750 (FIN-03), paid to the supplier."""
    return {
        "bsn": bsn,
        **({"aanvraagId": aanvraag_id} if aanvraag_id else {}),
        "voorziening": "roerende_woonvoorziening",
        "besluitdatum": "2026-03-20",
        "referentieprijzen": [
            {"kenmerk": "zin", "bron": "gecontracteerd", "bedrag": "1800.00"},
            {"kenmerk": "markt", "bron": "marktprijs", "bedrag": "1750.00"},
        ],
        "eigenAandeel": {
            "kanBetalen": False,
            "onvermogenAannemelijk": True,
            "toelichting": "Inkomen op bijstandsniveau, geen vermogen (bankafschriften gezien).",
            "zinMogelijk": False,
        },
        "pgbVoorwaarden": {
            "reden": "Geen gecontracteerde leverancier voor deze traplift.",
            "geinformeerdOverZin": True,
            "beheerderKanAfhandelen": True,
            "risicoZonderHulp": False,
            "kwaliteitGewaarborgd": True,
        },
        "leverancier": {
            "naam": "Traplift Oosterwolde BV",
            "adres": "Industrieweg 3, Oosterwolde",
            "kvk": "87654321",
            "rekeningnummer": "NL00BANK0987654321",
        },
    }


async def eenmalig_pgb(
    intake: httpx.AsyncClient, bsn: str, aanvraag_id: str | None = None, gemeente: str = "0085"
) -> dict[str, Any]:
    """An eenmalig pgb (FIN-05) verstrekt in the (in-process) finance service intake talks to."""
    peer: ServiceClient = app_van(intake).state.clients["finance"]
    return dict(
        await peer.post_json(
            "/api/v1/eenmalige-pgbs",
            eenmalig_pgb_body(bsn, aanvraag_id),
            token=token("gebiedsteam", gemeente),
            idempotency_key=str(uuid.uuid4()),
        )
    )
