"""Missing numbers say what is missing (issue 12.8), for both shipped policies: every
calculation that needs a tariff or a policy value that is not there answers a 400 (a tariff
for a code the gemeente does not know at all: a 404) naming the value, the gemeente and the
date — never an invented default. Role beheer fills a tariff in with ``POST /tarieven``; after
that the same question is answered with that number."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.finance.api.helpers import bsn, param_names, problem, productcode
from tests.support.stack import auth

V = "/api/v1"
WALCHEREN, OOST = "0718", "0085"
_OFFERTE = {
    "kenmerk": "1",
    "bron": "gemeente",
    "omschrijving": "Doucheruimte",
    "bedrag": "1200",
    "leverancier": {
        "naam": "Bouwbedrijf",
        "adres": "Vaart 1, Appelscha",
        "kvk": "12345678",
        "rekeningnummer": "NL00BANK0123456789",
    },
    "inwoner": "J. de Vries",
}


def _calculaties(peildatum: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (
            f"{V}/tegemoetkomingen",
            {
                "bsn": bsn(),
                "voorziening": "onroerende_woonvoorziening",
                "betaalmoment": "voor_aanschaf",
                "peildatum": peildatum,
                "offertes": [_OFFERTE, {**_OFFERTE, "kenmerk": "2"}],
            },
        ),
        (
            f"{V}/eigen-bijdrage-berekeningen",
            {
                "grondslag": "tegemoetkoming",
                "peildatum": peildatum,
                "ingangsdatum": peildatum,
                "voorziening": "aanbouw",
                "toegekendBedrag": "1000",
            },
        ),
        (
            f"{V}/eigen-bijdrage-berekeningen",
            {
                "grondslag": "hulpmiddel",
                "peildatum": peildatum,
                "ingangsdatum": peildatum,
                "kostprijs": "100",
            },
        ),
        (
            f"{V}/vervoersvergoedingen",
            {"peildatum": peildatum, "collectiefVervoerMedischOnmogelijk": True},
        ),
        (
            f"{V}/bouwplan-toetsingen",
            {
                "peildatum": peildatum,
                "vertrekken": [{"vertrek": "keuken", "bouwvorm": "aanbouw", "gevraagdM2": "3"}],
            },
        ),
        (
            f"{V}/onderhoudsvergoedingen",
            {
                "bsn": bsn(),
                "voorziening": "hulpmiddel",
                "peildatum": peildatum,
                "bedragOfferteOfFactuur": "380",
                "voorafContact": True,
            },
        ),
    ]


# Walcheren 2015 (seed 002) sets none of these numbers: each calculation names the part.
WALCHEREN_ONTBREEKT = [
    "finance.tegemoetkoming",
    "finance.eigen_bijdrage",
    "finance.hulpmiddelen",
    "finance.vervoer",
    "finance.woonvoorzieningen",
    "finance.tegemoetkoming",
]


@pytest.mark.parametrize("i", range(len(WALCHEREN_ONTBREEKT)))
async def test_walcheren_names_each_missing_policy_part(finance: httpx.AsyncClient, i: int) -> None:
    url, body = _calculaties("2015-06-01")[i]
    p = problem(await finance.post(url, json=body, headers=auth("gebiedsteam", WALCHEREN)), 400)
    assert param_names(p) == ["peildatum"]
    for woord in (WALCHEREN_ONTBREEKT[i], WALCHEREN, "2015-06-01"):
        assert woord in p["detail"], (url, p["detail"])


@pytest.mark.parametrize(
    ("gemeente", "peildatum"), [(WALCHEREN, "2016-06-01"), (OOST, "2023-01-01")]
)
async def test_no_policy_in_force_names_gemeente_and_date(
    finance: httpx.AsyncClient, gemeente: str, peildatum: str
) -> None:
    for url, body in _calculaties(peildatum):
        p = problem(await finance.post(url, json=body, headers=auth("gebiedsteam", gemeente)), 400)
        assert param_names(p) == ["peildatum"], url
        assert gemeente in p["detail"] and peildatum in p["detail"], (url, p["detail"])


async def test_ooststellingwerf_has_every_number_it_needs_in_2026(
    finance: httpx.AsyncClient,
) -> None:
    for url, body in _calculaties("2026-03-02"):
        if url.endswith("eigen-bijdrage-berekeningen") and body["grondslag"] == "hulpmiddel":
            body = {**body, "ingangsdatum": "2026-04-01"}  # 100 / 21.80: within 2026
        r = await finance.post(url, json=body, headers=auth("gebiedsteam", OOST))
        assert r.status_code in (200, 201), (url, r.text)


async def test_ooststellingwerf_abonnementstarief_of_a_later_year_is_named(
    finance: httpx.AsyncClient,
) -> None:
    body = {
        "grondslag": "hulpmiddel",
        "peildatum": "2026-03-02",
        "ingangsdatum": "2026-10-01",
        "kostprijs": "400",
    }
    p = problem(
        await finance.post(f"{V}/eigen-bijdrage-berekeningen", json=body, headers=auth()), 400
    )
    assert (param_names(p), p["rules"]) == (["ingangsdatum"], ["FIN-12"])
    assert all(w in p["detail"] for w in ("cak-abonnementstarief", "2027", OOST))


@pytest.mark.parametrize(
    ("gemeente", "van", "ervoor", "tarief"),
    [(OOST, "2026-01-01", "2025-06-01", "61.50"), (WALCHEREN, "2015-07-01", "2015-06-01", "44.10")],
)
async def test_a_missing_tariff_is_named_until_beheer_fills_it_in(
    finance: httpx.AsyncClient, gemeente: str, van: str, ervoor: str, tarief: str
) -> None:
    code = productcode()
    url = f"{V}/tarieven/{code}"
    # unknown code (Ooststellingwerf ships no ZIN tariffs at all): 404 naming all three
    p = problem(
        await finance.get(url, params={"peildatum": van}, headers=auth("systeem", gemeente)), 404
    )
    assert param_names(p) == ["productcode"]
    assert all(w in p["detail"] for w in (code, gemeente, van)), p["detail"]
    r = await finance.post(
        f"{V}/tarieven",
        json={
            "productcode": code,
            "omschrijving": "Begeleiding",
            "productcategorie": "02",
            "eenheid": "uur",
            "zinTarief": tarief,
            "geldigVan": van,
        },
        headers=auth("beheer", gemeente),
    )
    assert r.status_code == 201, r.text
    r = await finance.get(url, params={"peildatum": van}, headers=auth("systeem", gemeente))
    assert (r.status_code, r.json()["zinTarief"]) == (200, tarief)
    # a date before the period: 400 naming productcode, gemeente and date, no other number
    p = problem(
        await finance.get(url, params={"peildatum": ervoor}, headers=auth("systeem", gemeente)),
        400,
    )
    assert (param_names(p), p["rules"]) == (["peildatum", "productcode"], ["FIN-13"])
    assert all(w in p["detail"] for w in (code, gemeente, ervoor)), p["detail"]
