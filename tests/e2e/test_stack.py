"""End to end: the four services as real uvicorn processes on free ports against the session
database. Scenario A (begeleiding in natura with an indicatie advies and an opdracht), B
(woningaanpassing with a financiële tegemoetkoming, while finance is down: the outbox delivers
after it comes back, exactly once) and a pgb beschikking (C-like) from melding to the events."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import pytest

from tests.intake.api.helpers import bsn, onderzoek_body, voorziening
from tests.pgb.api.helpers import TOEKENNING_C
from tests.pgb.api.helpers import plan as pgb_plan
from tests.support.stack import TestDatabase, auth
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.dev.stack import wait_ready

pytestmark = pytest.mark.e2e

GW = auth("gebiedsteam")
FIN = auth("financien")
AANBIEDER = auth("aanbieder", agb="12345678", sub="zorg-bv")


def _free_ports(n: int) -> list[int]:
    """n distinct free ports: the sockets stay open until all are chosen, so the operating
    system cannot hand out one port twice."""
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Stack:
    def __init__(self, db: TestDatabase) -> None:
        self.ports = dict(zip(SERVICES, _free_ports(len(SERVICES)), strict=True))
        self.env = dict(db.env)
        for svc in SERVICES:
            p = svc.upper()
            self.env[f"{p}_PUBLIC_URL"] = self.url(svc)
            self.env[f"{p}_JSON_LOGS"] = "false"
            self.env[f"{p}_OUTBOX_POLL_SECONDS"] = "0.2"
            for other in SERVICES:
                if other != svc:
                    self.env[f"{p}_{other.upper()}_URL"] = self.url(other)
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def url(self, svc: str) -> str:
        return f"http://127.0.0.1:{self.ports[svc]}"

    def start(self, svc: str) -> None:
        self.procs[svc] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                f"wmo_{svc}.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.ports[svc]),
                "--no-access-log",
            ],
            env={**os.environ, **self.env},
        )

    def kill(self, svc: str) -> None:
        proc = self.procs.pop(svc)
        proc.kill()
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


async def _park_earlier_events(db: TestDatabase) -> None:
    """Events left in intake's outbox by the in-process API tests (relay off there) are test
    data for receivers that never saw their cases: mark them handled so that they do not hold
    up (in order per destination) the events of this run."""
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "UPDATE intake.outbox SET afgeleverd = now(), "
            "laatste_fout = 'niet afgeleverd: achtergelaten door eerdere tests' "
            "WHERE afgeleverd IS NULL"
        )
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def stack(db: TestDatabase) -> Iterator[Stack]:
    asyncio.run(_park_earlier_events(db))
    s = Stack(db)
    try:
        for svc in SERVICES:
            s.start(svc)
        wait_ready([s.url(svc) for svc in SERVICES], timeout=90)
        yield s
    finally:
        s.stop()


def _ok(r: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.text}"
    return dict(r.json())


def _post(c: httpx.Client, path: str, body: Any, headers: dict[str, str] = GW) -> httpx.Response:
    return c.post(path, json=body, headers={**headers, "Idempotency-Key": str(uuid.uuid4())})


def _case_to_aanvraag(
    c: httpx.Client, headers: dict[str, str] = GW, **onderzoek: Any
) -> tuple[dict[str, Any], ...]:
    client = _ok(
        _post(
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
    melding = _ok(
        _post(
            c,
            "/api/v1/meldingen",
            {
                "clientId": client["id"],
                "ontvangstdatum": "2026-02-09",
                "kanaal": "huisarts",
                "hulpvraag": "Ze opent haar post niet meer en mist afspraken.",
            },
            headers,
        )
    )
    assert melding["onderzoekstermijn"]["uiterlijk"] == "2026-03-23"
    _ok(
        _post(
            c,
            f"/api/v1/meldingen/{melding['id']}/clientondersteuning-berichten",
            {
                "datum": "2026-02-10",
                "wijze": "gesprek",
                "clientWilClientondersteuning": True,
                "mantelzorger": "gewezen",
                "organisatie": "MEE",
            },
            headers,
        )
    )
    ond = _ok(
        _post(
            c,
            f"/api/v1/meldingen/{melding['id']}/onderzoeken",
            onderzoek_body(**onderzoek),
            headers,
        )
    )
    return client, melding, ond


def _aanvraag(c: httpx.Client, melding_id: str, headers: dict[str, str] = GW) -> dict[str, Any]:
    return _ok(
        _post(
            c,
            "/api/v1/aanvragen",
            {
                "meldingId": melding_id,
                "ontvangstdatum": "2026-03-16",
                "voorzieningen": [{"omschrijving": "ondersteuning"}],
            },
            headers,
        )
    )


def _beschikking(
    c: httpx.Client,
    melding_id: str,
    aanvraag_id: str,
    v: dict[str, Any],
    headers: dict[str, str] = GW,
) -> dict[str, Any]:
    b = _ok(
        _post(
            c,
            "/api/v1/beschikkingen",
            {
                "meldingId": melding_id,
                "aanvraagId": aanvraag_id,
                "soort": "toekenning",
                "besluitdatum": "2026-03-25",
                "motivering": "Na het onderzoek blijft dit over.",
                "maatwerkvoorzieningen": [v],
            },
            headers,
        )
    )
    return _ok(
        _post(
            c,
            f"/api/v1/beschikkingen/{b['id']}/verzendingen",
            {"verzenddatum": "2026-03-25"},
            headers,
        )
    )


def _offerte(kenmerk: str, bron: str, bedrag: str) -> dict[str, Any]:
    """A complete quote (FIN-04) for the downstairs shower room of scenario B."""
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


def _cak_mutaties(fin: httpx.Client, beschikking_id: str) -> list[dict[str, Any]]:
    gevonden: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(200):
        params = {"cursor": cursor} if cursor else {}
        page = _ok(fin.get("/api/v1/cak-mutaties", params=params, headers=FIN), 200)
        gevonden += [m for m in page["resultaten"] if m["beschikkingId"] == beschikking_id]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    return gevonden


def _wacht_op(check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError("not in time")


async def _outbox(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
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


def _outbox_sync(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    return asyncio.run(_outbox(db, beschikking_id))


def test_scenario_a_begeleiding_in_natura(stack: Stack) -> None:
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=15) as c,
        httpx.Client(base_url=stack.url("finance"), timeout=15) as fin,
    ):
        begeleiding = {
            "levensdomeinen": {
                "psychisch_functioneren": 2,
                "praktisch_functioneren": 2,
                "sociaal_functioneren": 2,
                "dagbesteding": 2,
                "financien": 1,
            },
            "kenmerken": {"belastbaarheid": "normaal", "problematiek": "fluctuerend"},
            "resultaatgebieden": ["b", "c", "f", "k"],
            "begindatum": "2026-04-01",
        }
        client, melding, ond = _case_to_aanvraag(c, begeleiding=begeleiding)
        advies = c.post(
            f"/api/v1/onderzoeken/{ond['id']}/indicatie-adviezen",
            json={},
            headers={**GW, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert advies.status_code in (201, 400), advies.text
        assert advies.status_code == 201, advies.text
        advies_id = advies.json()["antwoord"]["id"]
        aanvraag = _aanvraag(c, melding["id"])
        assert aanvraag["beschikkingstermijn"]["uiterlijk"] == "2026-03-30"
        # The worker records the final indicatie in the indicatie service (IND-04, IND-05).
        with httpx.Client(base_url=stack.url("indicatie"), timeout=15) as ind:
            indicatie = _ok(
                _post(
                    ind,
                    "/api/v1/indicaties",
                    {
                        "bsn": _ok(c.get(f"/api/v1/clienten/{client['id']}", headers=GW), 200)[
                            "bsn"
                        ],
                        "aanvraagId": aanvraag["id"],
                        "adviesId": advies_id,
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
                    },
                )
            )
        indicatie_id = indicatie["id"]
        b = _beschikking(c, melding["id"], aanvraag["id"], voorziening(indicatieId=indicatie_id))
        assert b["bezwaartermijn"]["uiterlijk"] == "2026-05-06"
        opdracht = _ok(
            _post(
                c,
                "/api/v1/opdrachten",
                {
                    "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
                    "doelen": ["Zelf de post afhandelen", "Dagstructuur"],
                },
            )
        )
        datum = opdracht["verstrektOp"][:10]
        _ok(
            _post(
                c, f"/api/v1/opdrachten/{opdracht['id']}/acceptaties", {"datum": datum}, AANBIEDER
            )
        )
        wmo301 = c.get(f"/api/v1/opdrachten/{opdracht['id']}/wmo301", headers=AANBIEDER)
        assert wmo301.status_code == 200 and b"<" in wmo301.content
        assert c.get(f"/api/v1/meldingen/{melding['id']}", headers=GW).json()["status"] == (
            "opdracht"
        )
        mutaties = _wacht_op(lambda: _cak_mutaties(fin, b["id"]))
        assert [m["soort"] for m in mutaties] == ["start"]


def test_scenario_b_finance_down_outbox_delivers_once(stack: Stack, db: TestDatabase) -> None:
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=15) as c,
        httpx.Client(base_url=stack.url("finance"), timeout=15) as fin,
    ):
        client, melding, _ = _case_to_aanvraag(c)
        tegemoetkoming = fin.post(
            "/api/v1/tegemoetkomingen",
            json={
                "bsn": _ok(c.get(f"/api/v1/clienten/{client['id']}", headers=GW), 200)["bsn"],
                "voorziening": "onroerende_woonvoorziening",
                "betaalmoment": "voor_aanschaf",
                "peildatum": "2026-03-25",
                "offertes": [
                    _offerte("A", "inwoner", "14250.00"),
                    _offerte("B", "gemeente", "13600.00"),
                    _offerte("C", "tegenofferte", "15100.00"),
                ],
            },
            headers={**GW, "Idempotency-Key": str(uuid.uuid4())},
        )
        t = _ok(tegemoetkoming)
        assert (t["kostprijs"], t["bedrag"]) == ("13600.00", "12240.00")  # FIN-03, FIN-01
        tegemoetkoming_id = t["id"]
        aanvraag = _aanvraag(c, melding["id"])
        stack.kill("finance")
        b = _beschikking(
            c,
            melding["id"],
            aanvraag["id"],
            voorziening(
                leveringsvorm="financiele_tegemoetkoming",
                productcategorie="13",
                productcode="13A01",
                omschrijving="Doucheruimte beneden",
                omvang=None,
                indicatieId=None,
                aanbiederAgb=None,
                tegemoetkomingId=tegemoetkoming_id,
                kostprijs="13600.00",
            ),
        )
        pending = _outbox_sync(db, b["id"])
        assert [r["destination"] for r in pending] == ["finance"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pending = _outbox_sync(db, b["id"])
            if pending[0]["pogingen"] > 0:
                break
            time.sleep(0.3)
        assert pending[0]["afgeleverd"] is None and pending[0]["laatste_fout"]
        stack.start("finance")
        wait_ready([stack.url("finance")], timeout=60)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            rows = _outbox_sync(db, b["id"])
            if rows[0]["afgeleverd"] is not None:
                break
            time.sleep(0.5)
        assert rows[0]["afgeleverd"] is not None
        mutaties = _cak_mutaties(fin, b["id"])
        assert [m["soort"] for m in mutaties] == ["start"]
        assert mutaties[0]["leveringsvorm"] == "financiele_tegemoetkoming"

        # The besluit and the payment before the work (FIN-07): proof due 3 months later.
        def stap(sub: str, body: dict[str, Any], versie: int) -> dict[str, Any]:
            return _ok(
                fin.post(
                    f"/api/v1/tegemoetkomingen/{tegemoetkoming_id}/{sub}",
                    json=body,
                    headers={**GW, "If-Match": f'W/"{versie}"'},
                )
            )

        toegekend = stap("toekenningen", {"besluitdatum": "2026-03-25"}, 1)
        assert (toegekend["status"], toegekend["bewijsUiterlijk"]) == ("toegekend", "2026-06-25")
        betaald = stap("betalingen", {"betaaldatum": "2026-03-27"}, 2)
        assert (betaald["status"], betaald["betaaldBedrag"]) == ("betaald", "12240.00")


def test_scenario_c_pgb_from_melding_to_svb(stack: Stack, db: TestDatabase) -> None:
    """Vlissingen (0718): household help with a pgb. pgb's plan and besluit make the budget;
    intake's beschikking refers to the plan; its event makes the budget formal and it appears
    in the SVB feed (the payment side)."""
    vlissingen = auth("gebiedsteam", "0718")
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=15) as c,
        httpx.Client(base_url=stack.url("pgb"), timeout=15) as pgb,
    ):
        client, melding, _ = _case_to_aanvraag(c, vlissingen)
        bsn_anna = _ok(c.get(f"/api/v1/clienten/{client['id']}", headers=vlissingen), 200)["bsn"]
        plan = _ok(_post(pgb, "/api/v1/pgb-plannen", pgb_plan(bsn=bsn_anna), vlissingen))
        besluit = _ok(
            _post(pgb, f"/api/v1/pgb-plannen/{plan['id']}/besluiten", TOEKENNING_C, vlissingen)
        )
        budget_id = besluit["budget"]["id"]
        aanvraag = _aanvraag(c, melding["id"], vlissingen)
        b = _beschikking(
            c,
            melding["id"],
            aanvraag["id"],
            voorziening(
                leveringsvorm="pgb",
                productcategorie="01",
                productcode="01A01",
                omschrijving="Hulp bij het huishouden (alfahulp)",
                omvang={"volume": 3, "eenheid": "04", "frequentie": "2"},
                begindatum="2015-03-01",
                einddatum="2015-12-31",
                indicatieId=None,
                aanbiederAgb=None,
                pgbPlanId=plan["id"],
            ),
            vlissingen,
        )
        rows = _wacht_op(
            lambda: [
                r
                for r in _outbox_sync(db, b["id"])
                if r["destination"] == "pgb" and r["afgeleverd"] is not None
            ]
        )
        assert len(rows) == 1
        svb = auth("financien", "0718")

        def feed() -> list[dict[str, Any]]:
            found: list[dict[str, Any]] = []
            cursor = None
            for _ in range(200):
                params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
                page = _ok(pgb.get("/api/v1/svb-toekenningen", params=params, headers=svb), 200)
                found += [
                    r
                    for r in page["resultaten"]
                    if r["budgetId"] == budget_id and r.get("beschikkingId") == b["id"]
                ]
                cursor = page["volgendeCursor"]
                if not page["meer"]:
                    break
            return found

        assert _wacht_op(feed)


_WMO323 = """<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
  xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">
  <wmo323:Header>
    <wmo323:BerichtCode>484</wmo323:BerichtCode>
    <wmo323:BerichtVersie>3</wmo323:BerichtVersie>
    <wmo323:BerichtSubversie>2</wmo323:BerichtSubversie>
    <wmo323:Afzender>{agb}</wmo323:Afzender>
    <wmo323:Ontvanger>0085</wmo323:Ontvanger>
    <wmo323:BerichtIdentificatie>
      <iwmo:Identificatie>{ident}</iwmo:Identificatie>
      <iwmo:Dagtekening>2026-05-06</iwmo:Dagtekening>
    </wmo323:BerichtIdentificatie>
    <wmo323:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo323:XsdVersie>
  </wmo323:Header>
  <wmo323:Declaratie>
    <wmo323:DeclaratieNummer>D{kort}</wmo323:DeclaratieNummer>
    <wmo323:DeclaratiePeriode>
      <iwmo:Begindatum>2026-04-01</iwmo:Begindatum>
      <iwmo:Einddatum>2026-04-30</iwmo:Einddatum>
    </wmo323:DeclaratiePeriode>
    <wmo323:DeclaratieDagtekening>2026-05-06</wmo323:DeclaratieDagtekening>
    <wmo323:TotaalIngediendBedrag>
      <iwmo:TotaalBedrag>{bedrag}</iwmo:TotaalBedrag>
      <iwmo:DebetCredit>D</iwmo:DebetCredit>
    </wmo323:TotaalIngediendBedrag>
    <wmo323:Clienten>
      <wmo323:Client>
        <wmo323:Bsn>{bsn}</wmo323:Bsn>
        <wmo323:Prestaties>
          <wmo323:Prestatie>
            <wmo323:ProductReferentie>
              <iwmo:ReferentieNummer>R{kort}</iwmo:ReferentieNummer>
            </wmo323:ProductReferentie>
            <wmo323:ToewijzingNummer>{toewijzing}</wmo323:ToewijzingNummer>
            <wmo323:ProductCategorie>01</wmo323:ProductCategorie>
            <wmo323:ProductCode>{productcode}</wmo323:ProductCode>
            <wmo323:ProductPeriode>
              <iwmo:Begindatum>2026-04-01</iwmo:Begindatum>
              <iwmo:Einddatum>2026-04-30</iwmo:Einddatum>
            </wmo323:ProductPeriode>
            <wmo323:GeleverdVolume>{volume}</wmo323:GeleverdVolume>
            <wmo323:Eenheid>04</wmo323:Eenheid>
            <wmo323:IngediendBedrag>
              <iwmo:Bedrag>{bedrag}</iwmo:Bedrag>
              <iwmo:DebetCredit>D</iwmo:DebetCredit>
            </wmo323:IngediendBedrag>
          </wmo323:Prestatie>
        </wmo323:Prestaties>
      </wmo323:Client>
    </wmo323:Clienten>
  </wmo323:Declaratie>
</wmo323:Bericht>
"""


def _declareer(c: httpx.Client, agb: str, headers: dict[str, str], **velden: Any) -> httpx.Response:
    ident = str(uuid.uuid4().int)[:12]
    xml = _WMO323.format(agb=agb, ident=ident, kort=ident[:10], **velden).encode()
    return c.post(
        "/api/v1/iwmo-berichten",
        content=xml,
        headers={**headers, "Content-Type": "application/xml"},
    )


def _afkeuringscodes(retour: dict[str, Any]) -> set[str]:
    """Every retourcode in a retour other than the 'accepted' ones (0200, 8001)."""
    gevonden: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            code = node.get("retourcode")
            if isinstance(code, str) and code not in ("0200", "8001"):
                gevonden.add(code)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(retour)
    return gevonden


def test_toewijzing_feed_and_declarations_against_it(stack: Stack) -> None:
    """A beschikking with an opdracht shows up in the toewijzingen feed with the contract tariff
    finance owns; a declaration within the omvang at volume × tariff is accepted, one above the
    omvang or from another provider is rejected with its retourcode, and a repeated message
    changes nothing (AAN-01, AAN-05, FIN-13)."""
    productcode = "H" + uuid.uuid4().hex[:4].upper()
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=15) as c,
        httpx.Client(base_url=stack.url("finance"), timeout=15) as fin,
    ):
        _ok(
            _post(
                fin,
                "/api/v1/tarieven",
                {
                    "productcode": productcode,
                    "omschrijving": "Huishoudelijke ondersteuning",
                    "productcategorie": "01",
                    "eenheid": "uur",
                    "zinTarief": "30.00",
                    "geldigVan": "2026-01-01",
                },
                auth("beheer"),
            )
        )
        client, melding, _ = _case_to_aanvraag(c)
        aanvraag = _aanvraag(c, melding["id"])
        v = voorziening(
            productcategorie="01",
            productcode=productcode,
            omschrijving="Hulp bij het huishouden",
            omvang={"volume": 3, "eenheid": "04", "frequentie": "2"},
            begindatum="2026-04-01",
            einddatum="2026-12-31",
        )
        v.pop("indicatieId", None)
        b = _beschikking(c, melding["id"], aanvraag["id"], v)
        opdracht = _ok(
            _post(
                c,
                "/api/v1/opdrachten",
                {
                    "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
                    "doelen": ["Een schoon en leefbaar huis"],
                },
            )
        )
        feed: list[dict[str, Any]] = []
        cursor: str | None = None
        for _ in range(100):
            params = {"cursor": cursor, "limit": 200} if cursor else {"limit": 200}
            page = _ok(c.get("/api/v1/toewijzingen", params=params, headers=auth("systeem")), 200)
            feed += [t for t in page["resultaten"] if t["opdrachtId"] == opdracht["id"]]
            cursor = page["volgendeCursor"]
            if not page["meer"]:
                break
        assert len(feed) == 1
        toewijzing = feed[0]
        assert (toewijzing["productcode"], toewijzing["aanbiederAgb"]) == (productcode, "12345678")
        assert toewijzing["omvang"] == {"volume": 3, "eenheid": "04", "frequentie": "2"}

        velden = {
            "bsn": client["bsn"],
            "toewijzing": toewijzing["toewijzingnummer"],
            "productcode": productcode,
        }
        # April: 3 hours a week → at most 13 hours; 12 hours × €30.00 = 36000 cents.
        goed = _declareer(c, "12345678", AANBIEDER, volume=12, bedrag=36000, **velden)
        assert goed.status_code == 201, goed.text
        assert goed.json()["status"] != "afgekeurd", goed.text
        assert _afkeuringscodes(goed.json()) == set(), goed.text
        herhaald = c.post(
            "/api/v1/iwmo-berichten",
            content=goed.request.content,
            headers={**AANBIEDER, "Content-Type": "application/xml"},
        )
        assert herhaald.status_code == 200, herhaald.text
        assert herhaald.json() == goed.json()

        te_veel = _declareer(c, "12345678", AANBIEDER, volume=40, bedrag=120000, **velden)
        assert "9321" in _afkeuringscodes(te_veel.json()), te_veel.text
        verkeerd_bedrag = _declareer(c, "12345678", AANBIEDER, volume=12, bedrag=36001, **velden)
        assert "9346" in _afkeuringscodes(verkeerd_bedrag.json()), verkeerd_bedrag.text
        ander = auth("aanbieder", agb="87654321", sub="andere-zorg")
        vreemd = _declareer(c, "87654321", ander, volume=12, bedrag=36000, **velden)
        assert "9338" in _afkeuringscodes(vreemd.json()), vreemd.text


def test_exchange_cli_exports_from_the_real_services(stack: Stack, tmp_path: Any) -> None:
    """The wmo-exchange CLI against the running services: CAK mutations and WMO301 toewijzingen
    per provider (each valid against the XSD); a second run writes nothing new (cursor kept)."""
    from pathlib import Path

    from tests.support.stack import token
    from wmo_shared.iwmo.xsd import validate

    env = {
        **os.environ,
        "WMO_INTAKE_URL": stack.url("intake"),
        "WMO_PGB_URL": stack.url("pgb"),
        "WMO_FINANCE_URL": stack.url("finance"),
        "WMO_TOKEN": token("systeem", "0085"),
    }
    state = Path(tmp_path) / "state"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wmo_exchange.cli", *args, "--state-dir", str(state)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    out = Path(tmp_path) / "out"
    cak = run("cak", "export", "--out", str(out / "cak"))
    assert cak.returncode == 0, cak.stdout + cak.stderr
    assert list((out / "cak").glob("*.jsonl")), cak.stdout
    tw = run("toewijzingen", "export", "--out", str(out / "tw"))
    assert tw.returncode == 0, tw.stdout + tw.stderr
    berichten = list((out / "tw").rglob("*.xml"))
    assert berichten, tw.stdout
    for bericht in berichten:
        assert validate("WMO301", bericht.read_bytes()) == [], bericht
    again = run("cak", "export", "--out", str(out / "cak2"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert not list((out / "cak2").glob("*.jsonl"))
