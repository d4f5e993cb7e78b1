"""Steps of a case over real HTTP, shared by the e2e modules: the client to the aanvraag, the
sent beschikking, an accepted opdracht, scenario A up to its toewijzing, a pgb beschikking,
the feeds (CAK, toewijzingen, SVB) and intake's outbox rows. Every client here comes from
``stack.client(svc)``, so each JSON answer is held to the service's published OpenAPI."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import aanbieder_body, bsn, datum_van, onderzoek_body, voorziening
from tests.intake.api.iwmo_berichten import AGB, Zaak
from tests.intake.api.peers import TEGEMOETKOMING_BODY, indicatie_body
from tests.pgb.api.helpers import TOEKENNING_C
from tests.pgb.api.helpers import plan as pgb_plan
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth

GW = auth("gebiedsteam")
FIN = auth("financien")
SYSTEEM = auth("systeem", "0085")
AANBIEDER = ZORG_BV = auth("aanbieder", agb=AGB, sub="zorg-bv")


def ok(r: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.text}"
    return dict(r.json())


def post(c: httpx.Client, path: str, body: Any, headers: dict[str, str] = GW) -> httpx.Response:
    return c.post(path, json=body, headers={**headers, "Idempotency-Key": str(uuid.uuid4())})


# The dates of a case (melding, onderzoek, aanvraag, besluit): 2026 in Ooststellingwerf; 2015
# for Vlissingen, the only year its (Walcheren) policy and letter policy are in force — a
# beschikking is only sent with its letter (issue 13).
DATUMS_2026 = {
    "melding": "2026-02-09",
    "onderzoek_uiterlijk": "2026-03-23",
    "clientondersteuning": "2026-02-10",
    "aanvraag": "2026-03-16",
    "besluit": "2026-03-25",
}
DATUMS_2015 = {
    "melding": "2015-02-02",
    "onderzoek_uiterlijk": "2015-03-16",
    "clientondersteuning": "2015-02-03",
    "onderzoek": "2015-02-04",
    "aanvraag": "2015-02-10",
    "besluit": "2015-02-20",
}


def case_to_aanvraag(
    c: httpx.Client,
    headers: dict[str, str] = GW,
    datums: dict[str, str] = DATUMS_2026,
    **onderzoek: Any,
) -> tuple[dict[str, Any], ...]:
    client = ok(
        post(
            c,
            "/api/v1/clienten",
            {
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
            headers,
        )
    )
    melding = ok(
        post(
            c,
            "/api/v1/meldingen",
            {
                "clientId": client["id"],
                "ontvangstdatum": datums["melding"],
                "kanaal": "huisarts",
                "hulpvraag": "Ze opent haar post niet meer en mist afspraken.",
            },
            headers,
        )
    )
    assert melding["onderzoekstermijn"]["uiterlijk"] == datums["onderzoek_uiterlijk"]
    ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/clientondersteuning-berichten",
            {
                "datum": datums["clientondersteuning"],
                "wijze": "gesprek",
                "clientWilClientondersteuning": True,
                "mantelzorger": "gewezen",
                "organisatie": "MEE",
            },
            headers,
        )
    )
    ond = ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/onderzoeken",
            onderzoek_body(
                **({"startdatum": datums["onderzoek"]} if "onderzoek" in datums else {}),
                **onderzoek,
            ),
            headers,
        )
    )
    return client, melding, ond


def aanvraag_voor(
    c: httpx.Client,
    melding_id: str,
    headers: dict[str, str] = GW,
    datums: dict[str, str] = DATUMS_2026,
) -> dict[str, Any]:
    return ok(
        post(
            c,
            "/api/v1/aanvragen",
            {
                "meldingId": melding_id,
                "ontvangstdatum": datums["aanvraag"],
                "voorzieningen": [{"omschrijving": "ondersteuning"}],
            },
            headers,
        )
    )


def verzonden_beschikking(
    c: httpx.Client,
    melding_id: str,
    aanvraag_id: str,
    v: dict[str, Any],
    headers: dict[str, str] = GW,
    datums: dict[str, str] = DATUMS_2026,
) -> dict[str, Any]:
    b = ok(
        post(
            c,
            "/api/v1/beschikkingen",
            {
                "meldingId": melding_id,
                "aanvraagId": aanvraag_id,
                "soort": "toekenning",
                "besluitdatum": datums["besluit"],
                "motivering": "Na het onderzoek blijft dit over.",
                "maatwerkvoorzieningen": [v],
            },
            headers,
        )
    )
    return ok(
        post(
            c,
            f"/api/v1/beschikkingen/{b['id']}/verzendingen",
            {"verzenddatum": datums["besluit"]},
            headers,
        )
    )


def feed(c: httpx.Client, path: str, headers: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every row of a cursor feed (``resultaten``, ``volgendeCursor``, ``meer``)."""
    cursor: str | None = None
    for _ in range(500):
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = ok(c.get(path, params=params, headers=headers), 200)
        yield from page["resultaten"]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            return
    raise AssertionError(f"{path}: the feed does not end")


def cak_mutaties(
    fin: httpx.Client, beschikking_id: str, headers: dict[str, str] = FIN
) -> list[dict[str, Any]]:
    return [
        m
        for m in feed(fin, "/api/v1/cak-mutaties", headers)
        if m["beschikkingId"] == beschikking_id
    ]


def wacht_op(check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError("not in time")


async def outbox(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, afgeleverd, pogingen, laatste_fout FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [dict(r) for r in rows]


def outbox_sync(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    return asyncio.run(outbox(db, beschikking_id))


def gecontracteerd(c: httpx.Client, agb: str = AGB, gemeente: str = "0085") -> None:
    """The gemeente contracted the provider (AAN-09): it is in the register (409: it was)."""
    r = post(c, "/api/v1/aanbieders", aanbieder_body(agb), auth("beheer", gemeente))
    assert r.status_code in (201, 409), r.text


def geaccepteerde_opdracht(
    c: httpx.Client, maatwerkvoorziening_id: str, doelen: list[str]
) -> dict[str, Any]:
    """An opdracht to the voorziening's aanbieder (AGB 12345678), accepted by it."""
    gecontracteerd(c)
    opdracht = ok(
        post(
            c,
            "/api/v1/opdrachten",
            {"maatwerkvoorzieningId": maatwerkvoorziening_id, "doelen": doelen},
        )
    )
    geaccepteerd = ok(
        post(
            c,
            f"/api/v1/opdrachten/{opdracht['id']}/acceptaties",
            {"datum": datum_van(opdracht["verstrektOp"])},
            ZORG_BV,
        )
    )
    assert geaccepteerd["status"] == "geaccepteerd", geaccepteerd
    return opdracht


def contracttarief_02a03(fin: httpx.Client) -> Decimal:
    """Finance's ZIN tariff of 02A03 (per hour) on 2026-04-01; registered when there is none."""
    r = fin.get("/api/v1/tarieven/02A03", params={"peildatum": "2026-04-01"}, headers=SYSTEEM)
    if r.status_code != 200:
        ok(
            post(
                fin,
                "/api/v1/tarieven",
                {
                    "productcode": "02A03",
                    "omschrijving": "Individuele begeleiding IBO-3",
                    "productcategorie": "02",
                    "eenheid": "uur",
                    "zinTarief": "66.00",
                    "geldigVan": "2026-01-01",
                },
                auth("beheer"),
            )
        )
        r = fin.get("/api/v1/tarieven/02A03", params={"peildatum": "2026-04-01"}, headers=SYSTEEM)
    tarief = ok(r, 200)
    assert tarief["eenheid"] == "uur", tarief
    return Decimal(tarief["zinTarief"])


def vastgelegde_indicatie(
    ind: httpx.Client, bsn: str, aanvraag_id: str, headers: dict[str, str] = GW, **extra: Any
) -> dict[str, Any]:
    """Scenario A step 5 in the indicatie service: IBO-3, 3.5 hours a week, 2026-04-01 for a
    year (IND-04, IND-12)."""
    return ok(post(ind, "/api/v1/indicaties", indicatie_body(bsn, aanvraag_id, **extra), headers))


def toegekende_tegemoetkoming(
    fin: httpx.Client, bsn: str, headers: dict[str, str] = GW, *, toekennen: bool = True
) -> dict[str, Any]:
    """Scenario B steps 3-4 in finance: € 13,600 goedkoopst adequaat, 90 % = € 12,240 (FIN-03,
    FIN-01), toegekend on 2026-03-25 (FIN-07) unless told not."""
    t = ok(post(fin, "/api/v1/tegemoetkomingen", {"bsn": bsn, **TEGEMOETKOMING_BODY}, headers))
    assert (t["kostprijs"], t["bedrag"]) == ("13600.00", "12240.00")
    if not toekennen:
        return t
    return ok(
        fin.post(
            f"/api/v1/tegemoetkomingen/{t['id']}/toekenningen",
            json={"besluitdatum": "2026-03-25"},
            headers={
                **headers,
                "If-Match": f'W/"{t["versie"]}"',
                "Idempotency-Key": str(uuid.uuid4()),
            },
        )
    )


def scenario_a(stack: Stack) -> Zaak:
    """Melding to an accepted opdracht for begeleiding in natura (scenario A): the beschikking
    rests on the indicatie recorded in the indicatie service and takes its omvang over."""
    with (
        stack.client("intake") as c,
        stack.client("finance") as fin,
        stack.client("indicatie") as ind,
    ):
        per_uur = contracttarief_02a03(fin)
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"])
        b = verzonden_beschikking(
            c,
            melding["id"],
            aanvraag["id"],
            voorziening(indicatieId=indicatie["id"], omvang=None),  # taken over
        )
        v = b["maatwerkvoorzieningen"][0]
        assert v["omvang"] == {"volume": 210, "eenheid": "01", "frequentie": "2"}
        assert (v["productcategorie"], v["productcode"], v["leveringsvorm"]) == (
            "02",
            "02A03",
            "zin",
        )
        opdracht = geaccepteerde_opdracht(c, v["id"], ["Zelf de post afhandelen"])
        # the opdracht carries finance's tariff per unit of the omvang (minutes)
        assert Decimal(opdracht["gegevens"]["tarief"]) == per_uur / 60
        tarief_cent = per_uur * 100 / 60
        assert tarief_cent == int(tarief_cent), "no whole cents per minute"
        return Zaak(
            bsn=client["bsn"],
            beschikking_id=b["id"],
            opdracht_id=opdracht["id"],
            toewijzingnummer=int(opdracht["toewijzingnummer"]),
            tarief_cent=int(tarief_cent),
        )


@dataclass(frozen=True)
class PgbZaak:
    client: dict[str, Any]
    plan: dict[str, Any]
    budget_id: str
    beschikking: dict[str, Any]


def pgb_beschikking(c: httpx.Client, pgb: httpx.Client, headers: dict[str, str]) -> PgbZaak:
    """Household help with a pgb (scenario C-like): pgb's plan (for the aanvraag, after the
    onderzoek found a maatwerkvoorziening necessary, PGB-01) and besluit make the budget;
    intake's sent beschikking refers to the plan and takes the budget's amount and period over
    (its event makes the budget formal). Dated in 2015, when Vlissingen's letter policy is in
    force."""
    client, melding, _ = case_to_aanvraag(c, headers, DATUMS_2015)
    aanvraag = aanvraag_voor(c, melding["id"], headers, DATUMS_2015)
    plan_body = pgb_plan(
        bsn=client["bsn"], aanvraagId=aanvraag["id"], maatwerkvoorzieningNodig=True
    )
    plan = ok(post(pgb, "/api/v1/pgb-plannen", plan_body, headers))
    besluit = ok(post(pgb, f"/api/v1/pgb-plannen/{plan['id']}/besluiten", TOEKENNING_C, headers))
    v = voorziening(
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        omschrijving="Hulp bij het huishouden (alfahulp)",
        omvang={"volume": 3, "eenheid": "04", "frequentie": "2"},
        indicatieId=None,
        aanbiederAgb=None,
        pgbPlanId=plan["id"],
    )
    del v["begindatum"], v["einddatum"]  # taken over from the budget
    b = verzonden_beschikking(c, melding["id"], aanvraag["id"], v, headers, DATUMS_2015)
    return PgbZaak(client, plan, besluit["budget"]["id"], b)


def svb_toekenningen(
    pgb: httpx.Client, zaak: PgbZaak, headers: dict[str, str]
) -> list[dict[str, Any]]:
    """The SVB feed's rows of the zaak's budget that carry its beschikking."""
    return [
        r
        for r in feed(pgb, "/api/v1/svb-toekenningen", headers)
        if r["budgetId"] == zaak.budget_id and r.get("beschikkingId") == zaak.beschikking["id"]
    ]
