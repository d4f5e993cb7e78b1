"""Bounded input (issue 11.4), per route family of indicatie: absurd values — 1e308, -1, 10^12,
year 1, year 9999, 10 MB texts and lists — are a 400 problem+json naming the field, never a 500
and never stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.indicatie.api.support import echte_indicatie, sanne_advies, sanne_indicatie
from tests.support.stack import auth

MB10 = "x" * 10_000_000
LIJST = ["b"] * 2_000_000  # ~10 MB of JSON
IF_MATCH = {**auth(), "If-Match": 'W/"1"'}


@pytest.fixture(scope="module")
async def ids(indicatie: httpx.AsyncClient) -> AsyncIterator[dict[str, str]]:
    r = await indicatie.post("/api/v1/indicaties", json=await echte_indicatie(), headers=auth())
    assert r.status_code == 201, r.text
    yield {"indicatie": r.json()["id"]}


def _herziening(**changes: Any) -> dict[str, Any]:
    body = {k: v for k, v in sanne_indicatie().items() if k not in {"bsn", "aanvraagId"}}
    return {**body, "reden": "herindicatie", **changes}


# (name, path, json body, headers, the field the problem must name)
CASES: list[tuple[str, str, Any, dict[str, str], str]] = [
    # --- indicatie-adviezen --------------------------------------------------------------
    ("advies begin jaar 1", "/indicatie-adviezen", sanne_advies(begindatum="0001-01-01"), auth(),
     "begindatum"),
    ("advies begin 9999", "/indicatie-adviezen", sanne_advies(begindatum="9999-12-31"), auth(),
     "begindatum"),
    ("advies peildatum 9999", "/indicatie-adviezen", sanne_advies(peildatum="9999-12-31"),
     auth(), "peildatum"),
    *[
        ("advies score " + repr(v), "/indicatie-adviezen",
         sanne_advies(levensdomeinen=[{"domein": "psychisch_functioneren", "score": v}]), auth(),
         "levensdomeinen.0.score")
        for v in (1e308, -1, 10**12)
    ],
    *[
        ("advies leeftijd " + repr(v), "/indicatie-adviezen",
         sanne_advies(kenmerken={"leeftijd": v}), auth(), "kenmerken.leeftijd")
        for v in (1e308, -1, 10**12)
    ],
    ("advies 10 MB resultaatgebieden", "/indicatie-adviezen",
     sanne_advies(resultaatgebieden=LIJST), auth(), "resultaatgebieden"),
    ("advies 10 MB levensdomeinen", "/indicatie-adviezen",
     sanne_advies(levensdomeinen=[{"domein": "financien", "score": 1}] * 500_000), auth(),
     "levensdomeinen"),
    # --- indicaties ----------------------------------------------------------------------
    *[
        ("indicatie omvang " + repr(v), "/indicaties", sanne_indicatie(omvang=v), auth(),
         "omvang")
        for v in (1e308, -1, 10**12, "1e999999999", "169", "NaN")
    ],
    ("indicatie dagdelen 15", "/indicaties",
     sanne_indicatie(aard="dagbesteding", profiel="DBO-1", omvang="15", perceel="dagbesteding",
                     productcode="07A01", productcategorie="07"), auth(), "omvang"),
    ("indicatie begin jaar 1", "/indicaties", sanne_indicatie(begindatum="0001-01-01"), auth(),
     "begindatum"),
    ("indicatie begin 2014", "/indicaties", sanne_indicatie(begindatum="2014-12-31"), auth(),
     "begindatum"),
    ("indicatie tot 9999", "/indicaties", sanne_indicatie(einddatum="9999-12-31"), auth(),
     "einddatum"),
    ("indicatie voorbij het normenkader", "/indicaties",
     sanne_indicatie(einddatum="2031-04-01"), auth(), "einddatum"),
    ("indicatie herziening voorbij het normenkader", "/indicaties",
     sanne_indicatie(einddatum=None, herzieningsdatum="2032-01-01"), auth(), "herzieningsdatum"),
    ("indicatie 10 MB motivering", "/indicaties", sanne_indicatie(motivering=MB10), auth(),
     "motivering"),
    ("indicatie 10 MB productcode", "/indicaties", sanne_indicatie(productcode=MB10), auth(),
     "productcode"),
    ("zoek 10 MB bsn", "/indicaties/_zoek", {"bsn": MB10}, auth(), "bsn"),
    # --- versies -------------------------------------------------------------------------
    ("herziening omvang 10^12", "/indicaties/{indicatie}/herzieningen",
     _herziening(omvang=10**12), IF_MATCH, "omvang"),
    ("herziening tot 9999", "/indicaties/{indicatie}/herzieningen",
     _herziening(einddatum="9999-12-31"), IF_MATCH, "einddatum"),
    ("herziening 10 MB reden", "/indicaties/{indicatie}/herzieningen", _herziening(reden=MB10),
     IF_MATCH, "reden"),
    ("beeindiging jaar 1", "/indicaties/{indicatie}/beeindigingen",
     {"einddatum": "0001-01-01", "reden": "x"}, IF_MATCH, "einddatum"),
    ("beeindiging 9999", "/indicaties/{indicatie}/beeindigingen",
     {"einddatum": "9999-12-31", "reden": "x"}, IF_MATCH, "einddatum"),
    ("beeindiging 10 MB reden", "/indicaties/{indicatie}/beeindigingen",
     {"einddatum": "2026-09-30", "reden": MB10}, IF_MATCH, "reden"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "data", "headers", "veld"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
async def test_absurd_input_is_a_400_naming_the_field(
    indicatie: httpx.AsyncClient,
    ids: dict[str, str],
    path: str,
    data: Any,
    headers: dict[str, str],
    veld: str,
) -> None:
    r = await indicatie.post("/api/v1" + path.format(**ids), json=data, headers=headers)
    assert r.status_code == 400, r.text[:500]
    assert r.headers["content-type"].startswith("application/problem+json")
    namen = [p["name"] for p in r.json().get("invalidParams", [])]
    assert veld in namen, (veld, r.json())


async def test_the_indicatie_is_unchanged_after_the_refusals(
    indicatie: httpx.AsyncClient, ids: dict[str, str]
) -> None:
    r = await indicatie.get(f"/api/v1/indicaties/{ids['indicatie']}", headers=auth())
    assert (r.json()["status"], r.json()["versie"], r.json()["omvang"]) == ("actief", 1, "3.5")
