"""Building blocks for the intake API tests: unique test data and the steps of a case."""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import os
import random
import uuid
from typing import Any

import httpx

from tests.intake.api.peers import INDICATIE, met_besluiten
from tests.support.stack import auth
from wmo_shared import clock

GW = auth("gebiedsteam")
ANDERE_GEMEENTE = auth("gebiedsteam", "0718")
_teller = itertools.count(random.randrange(10**6, 9 * 10**7) + os.getpid() * 13)

VRAGEN = [
    "hulpvraag",
    "problemen",
    "benodigde_ondersteuning",
    "eigen_mogelijkheden",
    "extern_advies",
    "conclusie",
]
FACTOREN = [
    "omstandigheden_en_mogelijkheden",
    "zorgverzekeringswet",
    "jeugdwet",
    "onderwijs",
    "betaald_werk",
    "scholing",
    "participatiewet",
    "gezindheid_levensovertuiging_cultuur",
]
TREDEN = [
    "eigen_kracht",
    "algemeen_gebruikelijke_voorziening",
    "gebruikelijke_hulp",
    "mantelzorg",
    "sociaal_netwerk",
    "algemene_voorziening",
    "voorliggende_wet",
]


def datum_van(moment: str) -> str:
    """The date of a timestamp in an answer as the services count it: in Europe/Amsterdam
    (a moment of 23:30 UTC is the next day there), never the first ten characters."""
    return clock.datum_van(dt.datetime.fromisoformat(moment)).isoformat()


def bsn() -> str:
    """A fresh valid BSN (11-proef), beginning with 0: ``wmo_dev.seed`` numbers its cases'
    BSNs from 10000000x up, and the plan tests load those cases beside the ones made here."""
    while True:
        base = f"{next(_teller) % 9_000_000 + 1_000_000:08d}"
        total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
        last = total % 11
        if last != 10:
            return base + str(last)


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def h(headers: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    return {**(headers or GW), **key(), **extra}


async def client(intake: httpx.AsyncClient, headers: dict[str, str] | None = None) -> str:
    r = await intake.post(
        "/api/v1/clienten",
        json={
            "bsn": bsn(),
            "voornamen": "Sanne",
            "achternaam": "Veenstra",
            "geboortedatum": "1991-05-04",
            "adres": {
                "straat": "Stationsstraat",
                "huisnummer": "12",
                "postcode": "8431AB",
                "woonplaats": "Oosterwolde",
            },
            "telefoon": "0612345678",
            "email": "sanne@example.nl",
        },
        headers=h(headers),
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def melding(
    intake: httpx.AsyncClient,
    client_id: str | None = None,
    headers: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    client_id = client_id or await client(intake, headers)
    body = {
        "clientId": client_id,
        "ontvangstdatum": "2026-02-09",
        "kanaal": "huisarts",
        "hulpvraag": "Ze opent haar post niet meer en mist afspraken.",
        **overrides,
    }
    r = await intake.post("/api/v1/meldingen", json=body, headers=h(headers))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def clientondersteuning(
    intake: httpx.AsyncClient, melding_id: str, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    r = await intake.post(
        f"/api/v1/meldingen/{melding_id}/clientondersteuning-berichten",
        json={
            "datum": "2026-02-10",
            "wijze": "telefoon",
            "clientWilClientondersteuning": True,
            "mantelzorger": "gewezen",
            "organisatie": "MEE Friesland",
        },
        headers=h(headers),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def onderzoek_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "startdatum": "2026-02-12",
        "antwoorden": [{"vraag": v, "antwoord": f"Antwoord op {v}."} for v in VRAGEN],
        "conclusie": {"hulpvraagVolledigOpgelost": False, "passendeMaatwerkvoorziening": True},
        "externAdvies": "niet_nodig",
        "hulpvraagdelen": ["structuur", "administratie", "boodschappen"],
        "ladder": [
            {"trede": t, "lostOp": ["boodschappen"] if t == "mantelzorg" else []} for t in TREDEN
        ],
        "opties": [
            {"naam": "IBO-3", "kosten": "4000", "dekt": ["structuur", "administratie"]},
            {"naam": "IBO-4", "kosten": "6000", "dekt": ["structuur", "administratie"]},
        ],
        "afstemming": [
            {"factor": f, "vanToepassing": f == "zorgverzekeringswet", "toelichting": "POH-GGZ"}
            for f in FACTOREN
        ],
        "resultaatgebieden": [
            {
                "gebied": "contacten_en_participatie",
                "beschrijving": "Regie over het eigen leven",
                "toetsen": [
                    {"toets": "rolstoel_participatie", "invoer": {"alleenIncidenteel": True}}
                ],
            }
        ],
        "begeleiding": {"levensdomeinen": {"psychisch": 2}},
    }
    body.update(overrides)
    return body


async def onderzoek(
    intake: httpx.AsyncClient,
    melding_id: str,
    headers: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    await clientondersteuning(intake, melding_id, headers)
    r = await intake.post(
        f"/api/v1/meldingen/{melding_id}/onderzoeken",
        json=onderzoek_body(**overrides),
        headers=h(headers),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def voorziening(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "leveringsvorm": "zin",
        "productcategorie": "02",
        "productcode": "02A03",
        "omschrijving": "IBO-3 regulier",
        "omvang": {"volume": 210, "eenheid": "01", "frequentie": "2"},
        "begindatum": "2026-04-01",
        "einddatum": "2027-03-31",
        "eigenBijdrage": True,
        "motivering": "Structuur en administratie (resultaten b, c, f, k).",
        "indicatieId": INDICATIE,  # a real one, recorded by met_besluiten
        "aanbiederAgb": "12345678",
    }
    body.update(overrides)
    return body


async def aanvraag(
    intake: httpx.AsyncClient, melding_id: str, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/aanvragen",
        json={
            "meldingId": melding_id,
            "ontvangstdatum": "2026-03-16",
            "voorzieningen": [{"omschrijving": "individuele begeleiding"}],
        },
        headers=h(headers),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def beschikking(
    intake: httpx.AsyncClient,
    melding_id: str,
    aanvraag_id: str | None,
    headers: dict[str, str] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "meldingId": melding_id,
        "aanvraagId": aanvraag_id,
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "Na onderzoek blijft structuur en administratie over.",
        "maatwerkvoorzieningen": [voorziening()],
    }
    body.update(overrides)
    body = await met_besluiten(intake, body, headers)
    r = await intake.post("/api/v1/beschikkingen", json=body, headers=h(headers))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def verzend(
    intake: httpx.AsyncClient, beschikking_id: str, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    r = await intake.post(
        f"/api/v1/beschikkingen/{beschikking_id}/verzendingen",
        json={"verzenddatum": "2026-03-25"},
        headers=h(headers),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def verzonden_zaak(
    intake: httpx.AsyncClient, headers: dict[str, str] | None = None, **voorziening_: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A case up to a sent beschikking with one voorziening, its provider in the register."""
    agb = voorziening_.get("aanbiederAgb", "12345678")
    if agb:
        await gecontracteerd(intake, agb, gemeente_van(headers or GW))
    m = await melding(intake, headers=headers)
    await onderzoek(intake, m["id"], headers)
    a = await aanvraag(intake, m["id"], headers)
    b = await beschikking(
        intake, m["id"], a["id"], headers, maatwerkvoorzieningen=[voorziening(**voorziening_)]
    )
    return m, await verzend(intake, b["id"], headers)


def aanbieder_body(agb: str = "12345678", **overrides: Any) -> dict[str, Any]:
    """A provider contracted for every product of categorie 01 and 02 from 2015 (AAN-09)."""
    body: dict[str, Any] = {
        "agb": agb,
        "kvk": "12345678",
        "naam": f"Zorg BV {agb}",
        "contact": {"contactpersoon": "J. de Vries", "email": "info@zorg.example.nl"},
        "producten": [
            {"productcategorie": "01", "ingangsdatum": "2015-01-01"},
            {"productcategorie": "02", "ingangsdatum": "2015-01-01"},
        ],
        "kwaliteit": [{"soort": "kwaliteitssysteem", "datum": "2025-06-01"}],
    }
    body.update(overrides)
    return body


def gemeente_van(headers: dict[str, str]) -> str:
    """The gemeente in the (test) bearer token of ``headers``."""
    payload = headers["Authorization"].split()[1].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return str(claims["gemeente"])


_geregistreerd: set[tuple[int, str, str]] = set()


async def gecontracteerd(
    intake: httpx.AsyncClient, agb: str = "12345678", gemeente: str = "0085"
) -> None:
    """A real gemeente contracts its providers: the provider is in the register (AAN-09).
    Registered once per gemeente; a second call finds it there (409)."""
    if (id(intake), agb, gemeente) in _geregistreerd:
        return
    r = await intake.post(
        "/api/v1/aanbieders", json=aanbieder_body(agb), headers=h(auth("beheer", gemeente))
    )
    assert r.status_code in (201, 409), r.text
    _geregistreerd.add((id(intake), agb, gemeente))
