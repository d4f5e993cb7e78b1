"""Bounded input (issue 11.4): per route family, absurd values (1e308, -1, 10**12, year 1, year
9999, a birth date in the future, 10 MB of text or a list of millions) are a 400 problem+json
naming the field, never a 500 and never stored. Each row: the route, the role, a valid body, the
field made bad (the name the problem must give) and the bad values."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import httpx
import pytest

from tests.finance.api.helpers import bsn, param_names, problem, productcode
from tests.support.stack import auth

TIEN_MB = "x" * 10_000_000
LANGE_LIJST = [0] * 2_500_000  # about 5 MB of JSON ("0, " each): fails fast on max_length

_PERSOON = bsn()
_ID = str(uuid.uuid4())  # a transition's body is validated before the id is looked up


def _event() -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gestart",
        "gemeente": "0085",
        "bsn": _PERSOON,
        "geboortedatum": "1950-01-01",
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "productcategorie": "11",
        "productcode": "11A01",
        "leveringsvorm": "zin",
        "ingangsdatum": "2026-04-01",
        "kostprijs": "850.00",
    }


_OFFERTE = {
    "kenmerk": "1",
    "bron": "gemeente",
    "omschrijving": "Doucheruimte",
    "bedrag": "13600",
    "leverancier": {
        "naam": "Bouwbedrijf Appelscha",
        "adres": "Vaart Zuidzijde 1, Appelscha",
        "kvk": "12345678",
        "rekeningnummer": "NL00BANK0123456789",
    },
    "inwoner": "J. de Vries",
}
_TEGEMOETKOMING = {
    "bsn": _PERSOON,
    "voorziening": "onroerende_woonvoorziening",
    "betaalmoment": "voor_aanschaf",
    "peildatum": "2026-03-02",
    "offertes": [_OFFERTE, {**_OFFERTE, "kenmerk": "2"}],
}
_EB = {
    "grondslag": "tegemoetkoming",
    "peildatum": "2026-03-02",
    "ingangsdatum": "2026-04-01",
    "voorziening": "aanbouw",
    "toegekendBedrag": "500.00",
}
_EB_HULPMIDDEL = {
    "grondslag": "hulpmiddel",
    "peildatum": "2026-03-02",
    "ingangsdatum": "2026-04-01",
    "kostprijs": "850.00",
    "laatstBekendTariefDoortrekken": True,
}
_TARIEF = {
    "productcode": "QBAD1",
    "omschrijving": "Begeleiding",
    "productcategorie": "02",
    "eenheid": "uur",
    "zinTarief": "60.00",
    "geldigVan": "2026-01-01",
}
_ONDERHOUD = {
    "bsn": _PERSOON,
    "voorziening": "hulpmiddel",
    "peildatum": "2026-03-02",
    "bedragOfferteOfFactuur": "380",
    "voorafContact": True,
}
_VERVOER = {"peildatum": "2026-03-02", "collectiefVervoerMedischOnmogelijk": True}
_BOUWPLAN = {
    "peildatum": "2026-03-02",
    "vertrekken": [{"vertrek": "keuken", "bouwvorm": "aanbouw", "gevraagdM2": "3"}],
}

V = "/api/v1"
T = f"{V}/tegemoetkomingen/{_ID}"
CAK, EB, TAR = f"{V}/cak-voorzieningen", f"{V}/eigen-bijdrage-berekeningen", f"{V}/tarieven"
TGM, OND = f"{V}/tegemoetkomingen", f"{V}/onderhoudsvergoedingen"
VV, BP = f"{V}/vervoersvergoedingen", f"{V}/bouwplan-toetsingen"
BEDRAGEN = [1e308, -1, 10**12, "0.001"]
DATUMS = ["0001-01-01", "9999-12-31", "2014-12-31"]
GEBOREN = ["0001-01-01", "9999-12-31", "1899-12-31", "2099-01-01"]
_TOEKENNING = {"besluitdatum": "2026-03-10"}
_BEWIJS = {"ontvangstdatum": "2026-04-01", "factuur": {"bedrag": "1"}}
_HERZIENING = {"herzieningsdatum": "2026-08-01", "nieuwBedrag": "1", "verwijtbaar": True}
_AFSLUITING = {"geldigVan": "2026-01-01", "geldigTot": "2026-06-30"}

# (url, role, valid body, field made bad = the name the problem must give, bad values)
CASES: list[tuple[str, str, Any, str, list[Any]]] = [
    # cak: the receiver of intake's event (the shared contract bounds nothing itself)
    (CAK, "systeem", _event, "kostprijs", BEDRAGEN),
    (CAK, "systeem", _event, "ingangsdatum", DATUMS),
    (CAK, "systeem", _event, "einddatum", ["9999-12-31", "0001-01-01"]),
    (CAK, "systeem", _event, "geboortedatum", GEBOREN),
    (CAK, "systeem", _event, "productcode", [TIEN_MB]),
    (f"{CAK}/_zoek", "financien", {"bsn": _PERSOON}, "bsn", [TIEN_MB, 10**12]),
    # eigen bijdrage what-if
    (EB, "gebiedsteam", _EB, "ingangsdatum", DATUMS),
    (EB, "gebiedsteam", _EB, "peildatum", DATUMS),
    (EB, "gebiedsteam", _EB, "einddatumGebruik", ["9999-12-31"]),
    (EB, "gebiedsteam", _EB, "toegekendBedrag", BEDRAGEN),
    (EB, "gebiedsteam", _EB_HULPMIDDEL, "kostprijs", BEDRAGEN),
    (EB, "gebiedsteam", _EB, "voorziening", [TIEN_MB]),
    # tarieven (FIN-13)
    (TAR, "beheer", _TARIEF, "zinTarief", BEDRAGEN),
    (TAR, "beheer", _TARIEF, "pgbTarief", BEDRAGEN),
    (TAR, "beheer", _TARIEF, "geldigVan", DATUMS),
    (TAR, "beheer", _TARIEF, "geldigTot", ["9999-12-31"]),
    (TAR, "beheer", _TARIEF, "omschrijving", [TIEN_MB]),
    (f"{TAR}/H300/afsluitingen", "beheer", _AFSLUITING, "geldigTot", DATUMS),
    # tegemoetkomingen and their life
    (TGM, "gebiedsteam", _TEGEMOETKOMING, "peildatum", DATUMS),
    (TGM, "gebiedsteam", _TEGEMOETKOMING, "offertes.0.bedrag", BEDRAGEN),
    (TGM, "gebiedsteam", _TEGEMOETKOMING, "offertes.0.omschrijving", [TIEN_MB]),
    (TGM, "gebiedsteam", _TEGEMOETKOMING, "offertes", [LANGE_LIJST]),
    (TGM, "gebiedsteam", _TEGEMOETKOMING, "referentieprijzen", [LANGE_LIJST]),
    (f"{TGM}/_zoek", "gebiedsteam", {"bsn": _PERSOON}, "bsn", [TIEN_MB]),
    (f"{T}/toekenningen", "gebiedsteam", _TOEKENNING, "besluitdatum", DATUMS),
    (f"{T}/toekenningen", "gebiedsteam", _TOEKENNING, "ingangsdatumEigenBijdrage", ["9999-12-31"]),
    (f"{T}/betalingen", "gebiedsteam", {"betaaldatum": "2026-03-12"}, "betaaldatum", DATUMS),
    (f"{T}/bewijzen", "gebiedsteam", _BEWIJS, "ontvangstdatum", DATUMS),
    (f"{T}/bewijzen", "gebiedsteam", _BEWIJS, "factuur.bedrag", BEDRAGEN),
    (f"{T}/bewijzen", "gebiedsteam", _BEWIJS, "factuur.factuurdatum", ["0001-01-01"]),
    (
        f"{T}/terugvorderingen",
        "gebiedsteam",
        {"terugvorderingsdatum": "2026-08-01"},
        "terugvorderingsdatum",
        DATUMS,
    ),
    (f"{T}/herzieningen", "gebiedsteam", _HERZIENING, "nieuwBedrag", BEDRAGEN),
    (f"{T}/herzieningen", "gebiedsteam", _HERZIENING, "toelichting", [TIEN_MB]),
    # onderhoud (FIN-06), vervoer (FIN-10), bouwplan (FIN-11)
    (OND, "gebiedsteam", _ONDERHOUD, "bedragOfferteOfFactuur", BEDRAGEN),
    (OND, "gebiedsteam", _ONDERHOUD, "peildatum", DATUMS),
    (VV, "gebiedsteam", _VERVOER, "gemotiveerdeKilometers", [10**12, -1, 1e308]),
    (VV, "gebiedsteam", _VERVOER, "peildatum", DATUMS),
    (BP, "gebiedsteam", _BOUWPLAN, "vertrekken.0.gevraagdM2", BEDRAGEN),
    (BP, "gebiedsteam", _BOUWPLAN, "padM2", BEDRAGEN),
    (BP, "gebiedsteam", _BOUWPLAN, "peildatum", DATUMS),
    (BP, "gebiedsteam", _BOUWPLAN, "vertrekken", [LANGE_LIJST]),
]


def _zet(body: dict[str, Any], pad: str, waarde: Any) -> dict[str, Any]:
    out = copy.deepcopy(body)
    doel: Any = out
    delen = pad.split(".")
    for deel in delen[:-1]:
        doel = doel[int(deel)] if deel.isdigit() else doel[deel]
    doel[delen[-1]] = waarde
    return out


def _id(case: tuple[str, str, Any, str, list[Any]]) -> str:
    return f"{case[0].removeprefix(V)}:{case[3]}"


@pytest.mark.parametrize("case", CASES, ids=_id)
async def test_absurd_body_values_are_400_naming_the_field(
    finance: httpx.AsyncClient, case: tuple[str, str, Any, str, list[Any]]
) -> None:
    url, rol, basis, pad, waarden = case
    for waarde in waarden:
        body = _zet(basis() if callable(basis) else basis, pad, waarde)
        headers = {**auth(rol, "0085"), "If-Match": 'W/"1"'}
        r = await finance.post(url, json=body, headers=headers)
        p = problem(r, 400)
        assert pad in param_names(p), (pad, str(waarde)[:40], p)


@pytest.mark.parametrize(
    ("url", "params", "naam"),
    [
        ("/api/v1/tarieven", {"peildatum": "9999-12-31"}, "peildatum"),
        ("/api/v1/tarieven", {"peildatum": "0001-01-01"}, "peildatum"),
        ("/api/v1/tarieven/H300", {"peildatum": "9999-12-31"}, "peildatum"),
        ("/api/v1/cak-mutaties", {"limit": 10**12}, "limit"),
        ("/api/v1/cak-mutaties", {"cursor": "9" * 19}, "cursor"),
    ],
)
async def test_absurd_query_values_are_400_naming_the_field(
    finance: httpx.AsyncClient, url: str, params: dict[str, Any], naam: str
) -> None:
    p = problem(await finance.get(url, params=params, headers=auth("financien", "0085")), 400)
    assert param_names(p) == [naam]


async def test_valid_bodies_of_the_table_pass(finance: httpx.AsyncClient) -> None:
    """The table's base bodies are themselves valid: a 400 above is the bad value's doing."""
    for url, rol, body in (
        (EB, "gebiedsteam", _EB),
        (EB, "gebiedsteam", _EB_HULPMIDDEL),
        (TAR, "beheer", {**_TARIEF, "productcode": productcode()}),
        (CAK, "systeem", _event()),
        (VV, "gebiedsteam", _VERVOER),
        (BP, "gebiedsteam", _BOUWPLAN),
        (OND, "gebiedsteam", _ONDERHOUD),
        (TGM, "gebiedsteam", _TEGEMOETKOMING),
    ):
        r = await finance.post(url, json=body, headers=auth(rol, "0085"))
        assert r.status_code in (200, 201), (url, r.text)
