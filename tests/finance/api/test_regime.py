"""One eigen-bijdrage regime per financiële tegemoetkoming (issue 12.3, FIN-08 with FIN-12):
the CAK register and its feed carry finance's own schedule — € 19 a month, capped by the amount
granted, at most the maximum duration — never the abonnementstarief on top, and the two agree
to the cent (the CAK's charges are recomputed here from the feed item alone). A herziening, by
a new event or by finance itself, replaces the regime; it never adds one."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import httpx

from tests.finance.api.helpers import bsn, fetch, param_names, problem
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import CakMutatie, TegemoetkomingBesluit

T = "/api/v1/tegemoetkomingen"
CAK = "/api/v1/cak-voorzieningen"
FEED = "/api/v1/cak-mutaties"
LEV = {
    "naam": "Bouwbedrijf Appelscha",
    "adres": "Vaart Zuidzijde 1, Appelscha",
    "kvk": "12345678",
    "rekeningnummer": "NL00BANK0123456789",
}
GEMEENTE = "0085"  # Ooststellingwerf: FIN-08 € 19 a month (seed 001 Bijlage 3 art. 36)


def _offerte(kenmerk: str, bedrag: str) -> dict[str, Any]:
    return {
        "kenmerk": kenmerk,
        "bron": "gemeente",
        "omschrijving": "Doucheruimte beneden",
        "bedrag": bedrag,
        "leverancier": LEV,
        "inwoner": "J. de Vries",
    }


async def _toegekend(
    finance: httpx.AsyncClient, persoon: str, *bedragen: str, betaald: bool = False
) -> dict[str, Any]:
    """An onroerende woonvoorziening granted at 90% of the cheapest quote, besluit 2026-03-10
    (the eigen bijdrage runs from 2026-04-01)."""
    body = {
        "bsn": persoon,
        "voorziening": "onroerende_woonvoorziening",
        "betaalmoment": "voor_aanschaf",
        "peildatum": "2026-03-02",
        "offertes": [_offerte(str(i), b) for i, b in enumerate(bedragen, 1)],
    }
    r = await finance.post(T, json=body, headers=auth())
    assert r.status_code == 201, r.text
    t = r.json()
    r = await finance.post(
        f"{T}/{t['id']}/toekenningen",
        json={"besluitdatum": "2026-03-10"},
        headers={**auth(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 201, r.text
    if betaald:
        r = await finance.post(
            f"{T}/{t['id']}/betalingen",
            json={"betaaldatum": "2026-03-12"},
            headers={**auth(), "If-Match": 'W/"2"'},
        )
        assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def _event(persoon: str, tegemoetkoming_id: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gestart",
        "gemeente": GEMEENTE,
        "bsn": persoon,
        "geboortedatum": "1948-05-17",
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "productcategorie": "13",
        "productcode": "13B01",
        "leveringsvorm": "financiele_tegemoetkoming",
        "ingangsdatum": "2026-04-01",
        "tegemoetkomingId": tegemoetkoming_id,
        **extra,
    }


async def _ontvang(finance: httpx.AsyncClient, event: dict[str, Any]) -> dict[str, Any]:
    r = await finance.post(CAK, json=event, headers=auth("systeem", GEMEENTE))
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def _feed_van(finance: httpx.AsyncClient, tegemoetkoming_id: str) -> list[dict[str, Any]]:
    """Every feed item of one tegemoetkoming, in order (the whole feed of the gemeente read)."""
    cursor, meer, items = "", True, []
    while meer:
        r = await finance.get(
            FEED, params={"cursor": cursor, "limit": 1000}, headers=auth("systeem", GEMEENTE)
        )
        page = r.json()
        items += [m for m in page["resultaten"] if m["tegemoetkomingId"] == tegemoetkoming_id]
        cursor, meer = page["volgendeCursor"], page["meer"]
    for item in items:
        CakMutatie.model_validate(item)
    return items


def _plus_maanden(d: dt.date, n: int) -> dt.date:
    i = d.year * 12 + d.month - 1 + n
    jaar, maand = divmod(i, 12)
    return dt.date(jaar, maand + 1, min(d.day, calendar.monthrange(jaar, maand + 1)[1]))


def _cak_int(mutatie: dict[str, Any]) -> list[tuple[str, str]]:
    """What the CAK charges on a feed item alone: per month from ingangsdatum while the month
    starts on or before einddatum, at most eigenBijdrageMaxMaanden months, eigenBijdragePerMaand
    each, never more in total than kostprijs."""
    per_maand = Decimal(mutatie["eigenBijdragePerMaand"])
    plafond = Decimal(mutatie["kostprijs"])
    start = dt.date.fromisoformat(mutatie["ingangsdatum"])
    eind = dt.date.fromisoformat(mutatie["einddatum"])
    termijnen: list[tuple[str, str]] = []
    totaal = Decimal(0)
    while len(termijnen) < mutatie["eigenBijdrageMaxMaanden"] and totaal < plafond:
        maand = _plus_maanden(start, len(termijnen))
        if maand > eind:
            break
        bedrag = min(per_maand, plafond - totaal)
        totaal += bedrag
        termijnen.append((maand.isoformat(), f"{bedrag:.2f}"))
    return termijnen


async def _schema(finance: httpx.AsyncClient, tegemoetkoming_id: str) -> dict[str, Any]:
    r = await finance.get(f"{T}/{tegemoetkoming_id}/eigen-bijdrage", headers=auth())
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def _zelfde(finance: httpx.AsyncClient, tegemoetkoming_id: str) -> dict[str, Any]:
    """The latest feed item of the tegemoetkoming and finance's schedule agree to the cent."""
    laatste = (await _feed_van(finance, tegemoetkoming_id))[-1]
    eb = await _schema(finance, tegemoetkoming_id)
    schema = [(t["datum"], t["bedrag"]) for t in eb["termijnen"]]
    assert _cak_int(laatste) == schema
    assert sum((Decimal(b) for _, b in schema), Decimal(0)) == Decimal(eb["totaal"])
    assert laatste["abonnementstarief"] is None
    return laatste


async def test_worked_example_one_regime_to_the_cent(finance: httpx.AsyncClient) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600", "15100")  # 90% of 13,600
    assert t["bedrag"] == "12240.00"
    v = await _ontvang(finance, _event(persoon, t["id"]))
    assert (v["gemeld"], v["abonnementstarief"], v["tegemoetkomingId"]) == (True, None, t["id"])
    assert (v["eigenBijdragePerMaand"], v["kostprijs"], v["eigenBijdrageMaxMaanden"]) == (
        "19.00",
        "12240.00",
        120,
    )
    assert (v["bijdrageVanaf"], v["eigenBijdrageTot"], v["eigenBijdrageTotaal"]) == (
        "2026-04-01",
        "2036-03-31",
        "2280.00",
    )
    assert {"FIN-08"} <= {x["rule"] for x in v["regels"]}
    m = await _zelfde(finance, t["id"])
    assert (m["soort"], m["ingangsdatum"], m["einddatum"], m["kostprijs"]) == (
        "start",
        "2026-04-01",
        "2036-03-31",
        "12240.00",
    )
    # the besluit intake checks against carries the same regime
    r = await finance.get(f"{T}/{t['id']}/besluit", headers=auth("systeem"))
    besluit = TegemoetkomingBesluit.model_validate(r.json())
    assert (besluit.bedrag, besluit.eigen_bijdrage.totaal) == (Decimal("12240"), Decimal("2280"))
    assert besluit.eigen_bijdrage.einddatum == dt.date(2036, 3, 31)


async def test_cap_reached_before_the_maximum_duration(finance: httpx.AsyncClient) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "1200", "1100")  # 90% of 1,100 = 990
    await _ontvang(finance, _event(persoon, t["id"]))
    m = await _zelfde(finance, t["id"])
    eb = await _schema(finance, t["id"])
    # 52 × 19 = 988, the 53rd month only 2.00: the total is exactly the 990 granted
    assert (eb["aantalMaanden"], eb["totaal"], eb["termijnen"][-1]["bedrag"]) == (
        53,
        "990.00",
        "2.00",
    )
    assert (m["kostprijs"], m["einddatum"]) == ("990.00", "2030-08-31")


async def test_event_without_or_with_a_wrong_tegemoetkoming_is_refused(
    finance: httpx.AsyncClient,
) -> None:
    persoon = bsn()
    h = auth("systeem", GEMEENTE)
    p = problem(await finance.post(CAK, json=_event(persoon, None), headers=h), 400)
    assert (param_names(p), p["rules"]) == (["tegemoetkomingId"], ["FIN-08"])
    p = problem(await finance.post(CAK, json=_event(persoon, str(uuid.uuid4())), headers=h), 400)
    assert (param_names(p), p["code"]) == (["tegemoetkomingId"], "onbekende-verwijzing")
    t = await _toegekend(finance, bsn(), "1200", "1100")
    p = problem(await finance.post(CAK, json=_event(persoon, t["id"]), headers=h), 400)
    assert (param_names(p), p["code"]) == (["tegemoetkomingId"], "andere-inwoner")
    # another gemeente's tegemoetkoming does not exist here
    p = problem(
        await finance.post(
            CAK,
            json={**_event(persoon, t["id"]), "gemeente": "0718", "ingangsdatum": "2015-04-01"},
            headers=auth("systeem", "0718"),
        ),
        400,
    )
    assert p["code"] == "onbekende-verwijzing"
    # only berekend: no besluit yet
    r = await finance.post(
        T,
        json={
            "bsn": persoon,
            "voorziening": "onroerende_woonvoorziening",
            "betaalmoment": "voor_aanschaf",
            "peildatum": "2026-03-02",
            "offertes": [_offerte("1", "1200"), _offerte("2", "1100")],
        },
        headers=auth(),
    )
    p = problem(await finance.post(CAK, json=_event(persoon, r.json()["id"]), headers=h), 400)
    assert (param_names(p), p["code"], p["rules"]) == (
        ["tegemoetkomingId"],
        "niet-besloten",
        ["FIN-07"],
    )
    # a tegemoetkomingId on a voorziening in natura
    zin = _event(persoon, t["id"], leveringsvorm="zin", productcategorie="02")
    p = problem(await finance.post(CAK, json=zin, headers=h), 400)
    assert param_names(p) == ["tegemoetkomingId"]
    p = problem(
        await finance.post(CAK, json=_event(persoon, t["id"], eigenBijdrage=False), headers=h), 400
    )
    assert (param_names(p), p["rules"]) == (["eigenBijdrage"], ["FIN-08"])


async def test_new_event_for_the_same_voorziening_replaces_the_regime(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600")
    event = _event(persoon, t["id"])
    await _ontvang(finance, event)
    gewijzigd = {
        **event,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gewijzigd",
        "einddatum": "2028-06-30",
    }
    v = await _ontvang(finance, gewijzigd)
    assert (v["versie"], v["eigenBijdrageTot"], v["eigenBijdrageTotaal"]) == (
        2,
        "2028-06-30",
        "513.00",
    )
    m = await _zelfde(finance, t["id"])
    assert (m["soort"], m["einddatum"]) == ("wijziging", "2028-06-30")
    assert (await _schema(finance, t["id"]))["einddatumGebruik"] == "2028-06-30"
    rows = await fetch(
        db,
        "SELECT count(*) AS n FROM finance.cak_voorzieningen WHERE tegemoetkoming_id = $1",
        uuid.UUID(t["id"]),
    )
    assert rows[0]["n"] == 1
    beeindigd = {
        **event,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-beeindigd",
        "einddatum": "2027-01-15",
    }
    await _ontvang(finance, beeindigd)
    m = await _zelfde(finance, t["id"])
    # the month starting on or before the end of use counts: April 2026 .. January 2027
    assert (m["soort"], m["einddatum"]) == ("stop", "2027-01-31")
    assert len(_cak_int(m)) == 10


async def test_herziening_by_a_new_beschikking_takes_over_the_regime(
    finance: httpx.AsyncClient,
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600")
    oud = _event(persoon, t["id"])
    await _ontvang(finance, oud)
    # intake's herziening: the old maatwerkvoorziening ends, a new one (same tegemoetkoming)
    einde = {
        **oud,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-beeindigd",
        "einddatum": "2027-12-31",
    }
    await _ontvang(finance, einde)
    nieuw = _event(persoon, t["id"], ingangsdatum="2028-01-01")
    v = await _ontvang(finance, nieuw)
    assert (v["eigenBijdrageTot"], v["eigenBijdrageTotaal"]) == ("2036-03-31", "2280.00")
    items = await _feed_van(finance, t["id"])
    assert [i["soort"] for i in items] == ["start", "stop", "wijziging"]
    assert items[-1]["vervangtMaatwerkvoorzieningId"] == oud["maatwerkvoorzieningId"]
    await _zelfde(finance, t["id"])
    # the old one is marked replaced; a late event for it changes nothing
    r = await finance.post(f"{CAK}/_zoek", json={"bsn": persoon}, headers=auth("financien"))
    door = {x["maatwerkvoorzieningId"]: x["vervangenDoor"] for x in r.json()["resultaten"]}
    assert door == {
        oud["maatwerkvoorzieningId"]: nieuw["maatwerkvoorzieningId"],
        nieuw["maatwerkvoorzieningId"]: None,
    }
    laat = {**einde, "eventId": str(uuid.uuid4()), "einddatum": "2027-06-30"}
    r = await finance.post(CAK, json=laat, headers=auth("systeem", GEMEENTE))
    assert r.status_code == 201, r.text
    assert [i["soort"] for i in await _feed_van(finance, t["id"])] == ["start", "stop", "wijziging"]
    await _zelfde(finance, t["id"])


async def test_new_beschikking_arriving_first_replaces_instead_of_adding(
    finance: httpx.AsyncClient,
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600")
    oud = _event(persoon, t["id"])
    await _ontvang(finance, oud)
    nieuw = _event(persoon, t["id"], ingangsdatum="2028-01-01")
    await _ontvang(finance, nieuw)  # before the old one's end arrives
    items = await _feed_van(finance, t["id"])
    assert [i["soort"] for i in items] == ["start", "wijziging"]
    await _zelfde(finance, t["id"])
    einde = {
        **oud,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-beeindigd",
        "einddatum": "2027-12-31",
    }
    v = await _ontvang(finance, einde)
    assert v["vervangenDoor"] == nieuw["maatwerkvoorzieningId"]
    assert len(await _feed_van(finance, t["id"])) == 2
    eb = await _schema(finance, t["id"])
    assert (eb["einddatumGebruik"], eb["totaal"]) == (None, "2280.00")


async def test_finance_herziening_replaces_the_regime_in_the_register(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "14250", "13600", betaald=True)
    await _ontvang(finance, _event(persoon, t["id"]))
    r = await finance.post(
        f"{T}/{t['id']}/herzieningen",
        json={"herzieningsdatum": "2026-06-01", "nieuwBedrag": "1000.00", "verwijtbaar": True},
        headers={**auth(), "If-Match": 'W/"3"'},
    )
    assert r.status_code == 201, r.text
    m = await _zelfde(finance, t["id"])
    # 52 × 19 + 12 = 1,000: the new cap ends the regime in month 53
    assert (m["soort"], m["kostprijs"], m["einddatum"]) == ("wijziging", "1000.00", "2030-08-31")
    r = await finance.post(f"{CAK}/_zoek", json={"bsn": persoon}, headers=auth("financien"))
    (v,) = r.json()["resultaten"]
    assert (v["kostprijs"], v["eigenBijdrageTotaal"]) == ("1000.00", "1000.00")
    # ingetrokken (nil): nothing more is charged, and the feed says so with a cap of nil
    r = await finance.post(
        f"{T}/{t['id']}/herzieningen",
        json={"herzieningsdatum": "2026-07-01", "nieuwBedrag": "0", "verwijtbaar": True},
        headers={**auth(), "If-Match": 'W/"4"'},
    )
    assert r.status_code == 201, r.text
    m = await _zelfde(finance, t["id"])
    assert (m["soort"], m["kostprijs"], m["einddatum"]) == ("stop", "0.00", "2026-04-01")
    assert _cak_int(m) == []
    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'cak-voorziening' "
        "AND resource_id = $1 ORDER BY id",
        v["id"],
    )
    assert [x["actie"] for x in rows if x["actie"] != "zoeken"] == [
        "ontvangen",
        "herzien",
        "herzien",
    ]


async def test_a_minor_pays_from_the_18th_birthday(finance: httpx.AsyncClient) -> None:
    persoon = bsn()
    body = {
        "bsn": persoon,
        "voorziening": "hulpmiddel",
        "betaalmoment": "voor_aanschaf",
        "peildatum": "2026-03-02",
        "goedkoperDanZin": True,
        "referentieprijzen": [{"kenmerk": "cat", "bron": "gecontracteerd", "bedrag": "2000"}],
    }
    r = await finance.post(T, json=body, headers=auth())
    assert r.status_code == 201, r.text
    t = r.json()
    r = await finance.post(
        f"{T}/{t['id']}/toekenningen",
        json={"besluitdatum": "2026-03-10"},
        headers={**auth(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 201, r.text
    v = await _ontvang(
        finance, _event(persoon, t["id"], geboortedatum="2010-09-15", productcategorie="14")
    )
    assert v["bijdrageVanaf"] == "2028-09-15"
    m = await _zelfde(finance, t["id"])
    assert m["ingangsdatum"] == "2028-09-15"
    assert (await _schema(finance, t["id"]))["ingangsdatum"] == "2028-09-15"


async def test_samenloop_with_an_abonnementstarief_in_the_household(
    finance: httpx.AsyncClient,
) -> None:
    persoon = bsn()
    huishouden = str(uuid.uuid4())
    zin = {
        **_event(persoon, None),
        "leveringsvorm": "zin",
        "productcategorie": "02",
        "productcode": "02A03",
        "huishoudenId": huishouden,
    }
    del zin["tegemoetkomingId"]
    assert (await _ontvang(finance, zin))["abonnementstarief"] == "21.80"
    t = await _toegekend(finance, persoon, "14250", "13600")
    v = await _ontvang(finance, _event(persoon, t["id"], huishoudenId=huishouden))
    toelichting = " ".join(x["toelichting"] for x in v["regels"])
    assert "één eigen bijdrage, de hoogste (€ 21,80)" in toelichting
    assert "samenloop hoogste per huishouden" in toelichting
    # the regime itself is unchanged by the other voorziening: still to the cent
    await _zelfde(finance, t["id"])
    # and the other way round: a voorziening in natura starting while the regime runs
    tweede = {**zin, "eventId": str(uuid.uuid4()), "maatwerkvoorzieningId": str(uuid.uuid4())}
    v = await _ontvang(finance, {**tweede, "ingangsdatum": "2026-09-01"})
    toelichting = " ".join(x["toelichting"] for x in v["regels"])
    assert "samenloop hoogste per huishouden" in toelichting


async def test_besluit_roles_gemeente_and_state(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    persoon = bsn()
    t = await _toegekend(finance, persoon, "1200", "1100")
    for rol in ("gebiedsteam", "financien", "beheer", "systeem"):
        r = await finance.get(f"{T}/{t['id']}/besluit", headers=auth(rol))
        assert r.status_code == 200, (rol, r.text)
        b = TegemoetkomingBesluit.model_validate(r.json())
        assert (b.status, b.soort, b.bedrag, b.kostprijs) == (
            "toegekend",
            "onroerende_woonvoorziening",
            Decimal("990.00"),
            Decimal("1100.00"),
        )
        assert (b.eigen_bijdrage.per_maand, b.eigen_bijdrage.plafond) == (
            Decimal("19.00"),
            Decimal("990.00"),
        )
        assert {"FIN-01", "FIN-07", "FIN-08"} <= {x.rule for x in b.regels}
        assert r.headers["ETag"] == 'W/"2"'
    problem(await finance.get(f"{T}/{t['id']}/besluit", headers=auth("aanbieder")), 403)
    problem(await finance.get(f"{T}/{t['id']}/besluit", headers=auth("systeem", "0718")), 404)
    problem(await finance.get(f"{T}/{uuid.uuid4()}/besluit", headers=auth("systeem")), 404)
    r = await finance.post(
        T,
        json={
            "bsn": persoon,
            "voorziening": "onroerende_woonvoorziening",
            "betaalmoment": "voor_aanschaf",
            "peildatum": "2026-03-02",
            "offertes": [_offerte("1", "1200"), _offerte("2", "1100")],
        },
        headers=auth(),
    )
    p = problem(await finance.get(f"{T}/{r.json()['id']}/besluit", headers=auth("systeem")), 409)
    assert (p["code"], p["rules"]) == ("niet-besloten", ["FIN-07"])
    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'tegemoetkoming-besluit' "
        "AND resource_id = $1 AND gemeente = '0085'",
        t["id"],
    )
    assert len(rows) == 4
