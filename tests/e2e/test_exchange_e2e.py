"""End to end, the exchange with providers, CAK and SVB over real HTTP against the four services
as uvicorn processes: scenario A (begeleiding ZIN, 02/02A03, 210 minutes a week, opdracht to AGB
12345678, accepted) reaches finance's CAK feed and intake's toewijzingen feed; the provider's
WMO305 / WMO307 / WMO323 built from the shipped iWmo 3.2 examples are answered with their
retour in the same call (AAN-01, FIN-13); and the ``wmo-exchange`` CLI, run as a child process,
exports and imports against the same services, exactly once per cursor."""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from lxml import etree

from tests.e2e.steps import (
    GW,
    SYSTEEM,
    ZORG_BV,
    cak_mutaties,
    feed,
    pgb_beschikking,
    scenario_a,
    svb_toekenningen,
    wacht_op,
)
from tests.intake.api.iwmo_berichten import (
    AGB,
    Prestatie,
    Zaak,
    namespaces,
    wmo305,
    wmo307,
    wmo323,
)
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth, token
from wmo_exchange.formats.cak import read_cak_file
from wmo_exchange.formats.tkb import read_tkb_file
from wmo_iwmo.xsd import validate
from wmo_shared.contracts import CakMutatie, ToewijzingFeedItem

pytestmark = pytest.mark.e2e

ANDER_AGB = "87654321"
ANDERE_AANBIEDER = auth("aanbieder", agb=ANDER_AGB, sub="andere-zorg")
# Scenario A: 210 minutes a week from 2026-04-01 to 2027-03-31. April has 30 days, so at most
# ceil(210 × 30 / 7) = 900 minutes may be declared for it.
APRIL_MAX = 900


@pytest.fixture(scope="module")
def zaak(stack: Stack) -> Zaak:
    return scenario_a(stack)


def stuur(c: httpx.Client, xml: bytes, headers: dict[str, str] = ZORG_BV) -> httpx.Response:
    return c.post(
        "/api/v1/iwmo-berichten",
        content=xml,
        headers={
            **headers,
            "Content-Type": "application/xml",
            "Idempotency-Key": str(uuid.uuid4()),
        },
    )


def codes(answer: dict[str, Any]) -> list[list[str]]:
    """The retourcodes per line of a retour answer."""
    return [[m["retourcode"] for m in r["retourcodes"]] for r in answer["retour"]["regels"]]


async def _berichten(db: TestDatabase, sha: str | None = None) -> int:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        if sha is None:
            return int(await conn.fetchval("SELECT count(*) FROM intake.iwmo_berichten"))
        return int(
            await conn.fetchval("SELECT count(*) FROM intake.iwmo_berichten WHERE sha256 = $1", sha)
        )
    finally:
        await conn.close()


def berichten(db: TestDatabase, xml: bytes | None = None) -> int:
    import asyncio

    return asyncio.run(_berichten(db, hashlib.sha256(xml).hexdigest() if xml else None))


# --- 1. the beschikking in both feeds ------------------------------------------------------


def test_beschikking_reaches_the_cak_and_toewijzingen_feeds(stack: Stack, zaak: Zaak) -> None:
    with stack.client("intake") as c, stack.client("finance") as fin:
        # FIN-12: the outbox event made a start mutation for the CAK (eigen bijdrage)
        mutaties = wacht_op(lambda: cak_mutaties(fin, zaak.beschikking_id))
        assert [m["soort"] for m in mutaties] == ["start"]
        m = CakMutatie.model_validate(mutaties[0])
        assert (m.bsn, m.productcategorie, m.productcode, m.leveringsvorm) == (
            zaak.bsn,
            "02",
            "02A03",
            "zin",
        )
        assert str(m.ingangsdatum) == "2026-04-01" and m.gemeente == "0085"
        # the exchange reads the same feed with a systeem token
        assert [
            r
            for r in feed(fin, "/api/v1/cak-mutaties", SYSTEEM)
            if r["beschikkingId"] == zaak.beschikking_id
        ] == mutaties

        mijne = [
            ToewijzingFeedItem.model_validate(t)
            for t in feed(c, "/api/v1/toewijzingen", SYSTEEM)
            if t["opdrachtId"] == zaak.opdracht_id
        ]
        assert len(mijne) == 1
        t = mijne[0]
        assert (t.toewijzingnummer, t.aanbieder_agb, t.bsn, t.gemeente) == (
            str(zaak.toewijzingnummer),
            AGB,
            zaak.bsn,
            "0085",
        )
        assert (t.productcategorie, t.productcode) == ("02", "02A03")
        assert (str(t.ingangsdatum), str(t.einddatum)) == ("2026-04-01", "2027-03-31")
        assert t.omvang is not None
        assert (t.omvang.volume, t.omvang.eenheid, t.omvang.frequentie) == (210, "01", "2")
        # another gemeente does not see it; a case worker may not read the feed
        assert all(
            r["opdrachtId"] != zaak.opdracht_id
            for r in feed(c, "/api/v1/toewijzingen", auth("systeem", "0718"))
        )
        assert c.get("/api/v1/toewijzingen", headers=GW).status_code == 403


# --- 2. the provider's messages against the toewijzing -------------------------------------


def test_declaratie_within_the_toewijzing_is_accepted_once(
    stack: Stack, zaak: Zaak, db: TestDatabase
) -> None:
    volume = 840  # four weeks of 210 minutes
    xml = wmo323(zaak, Prestatie(volume, volume * zaak.tarief_cent))
    with stack.client("intake") as c:
        r = stuur(c, xml)
        assert r.status_code == 201, r.text
        body = r.json()
        assert (body["berichttype"], body["status"]) == ("WMO323", "goedgekeurd"), r.text
        retour = body["retour"]
        assert (retour["berichttype"], retour["afzender"], retour["ontvanger"]) == (
            "WMO325",
            "0085",
            AGB,
        )
        assert [m["retourcode"] for m in retour["retourcodes"]] == ["0200"]
        assert codes(body) == [["8001"]]
        assert retour["regels"][0]["toewijzingnummer"] == zaak.toewijzingnummer
        assert r.headers["Location"] == f"/api/v1/iwmo-berichten/{body['id']}"

        # the same message again: the first retour, nothing stored twice
        voor = berichten(db)
        again = stuur(c, xml)
        assert again.status_code == 200, again.text
        assert again.headers.get("Idempotent-Replayed") == "true"
        assert again.json() == body
        assert berichten(db) == voor and berichten(db, xml) == 1

        # ... also when it arrives several times at once
        gelijk = wmo323(
            zaak, Prestatie(60, 60 * zaak.tarief_cent, periode=("2026-05-01", "2026-05-31"))
        )
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            answers = list(pool.map(lambda _: stuur(c, gelijk), range(6)))
        assert sorted(a.status_code for a in answers) == [200] * 5 + [201], [
            a.text for a in answers
        ]
        assert len({a.json()["id"] for a in answers}) == 1
        assert berichten(db, gelijk) == 1


def test_declaraties_outside_the_toewijzing_are_rejected_with_their_retourcode(
    stack: Stack, zaak: Zaak
) -> None:
    t = zaak.tarief_cent
    juli = ("2026-07-01", "2026-07-31")  # a month of its own: 210 × 31 / 7 → 930 minutes
    with stack.client("intake") as c:
        # 9321 (AAN-01): one line above what the omvang allows for its period
        te_veel = stuur(c, wmo323(zaak, Prestatie(APRIL_MAX + 60, (APRIL_MAX + 60) * t)))
        assert te_veel.status_code == 201, te_veel.text
        assert te_veel.json()["status"] == "afgekeurd"
        assert codes(te_veel.json()) == [["9321"]]
        assert te_veel.json()["retour"]["regels"][0]["retourcodes"][0]["rule"] == "AAN-01"
        # 9346 (FIN-13): the amount is not volume × the toewijzing's tariff
        bedrag = stuur(c, wmo323(zaak, Prestatie(60, 60 * t + 1, periode=juli)))
        assert codes(bedrag.json()) == [["9346"]]
        # 9338: another provider declares on this toewijzing (with its own, valid token)
        ander = stuur(
            c,
            wmo323(zaak, Prestatie(60, 60 * t, periode=juli), afzender=ANDER_AGB),
            ANDERE_AANBIEDER,
        )
        assert ander.status_code == 201, ander.text
        assert codes(ander.json()) == [["9338"]]
        # 9338 too for a toewijzingnummer that does not exist
        onbekend = stuur(
            c, wmo323(zaak, Prestatie(60, 60 * t, periode=juli, toewijzingnummer=999999999))
        )
        assert codes(onbekend.json()) == [["9338"]]
        # 9340: another product than the one toegewezen
        product = stuur(c, wmo323(zaak, Prestatie(60, 60 * t, periode=juli, productcode="02A04")))
        assert codes(product.json()) == [["9340"]]
        # the afzender is not the AGB code of the token: refused as a whole, nothing stored
        vals = stuur(c, wmo323(zaak, Prestatie(60, 60 * t, periode=juli), afzender=ANDER_AGB))
        assert vals.status_code == 403, vals.text
        assert vals.headers["content-type"].startswith("application/problem+json")


def test_declaraties_together_stay_within_the_omvang(stack: Stack, zaak: Zaak) -> None:
    """9322 (AAN-01): lines of separate messages for one month count together, so a provider
    cannot declare the omvang of a month twice with two messages."""
    t = zaak.tarief_cent
    juni = ("2026-06-01", "2026-06-30")  # 210 × 30 / 7 → 900 minutes
    with stack.client("intake") as c:
        eerste = stuur(c, wmo323(zaak, Prestatie(600, 600 * t, periode=juni)))
        assert eerste.json()["status"] == "goedgekeurd", eerste.text
        tweede = stuur(c, wmo323(zaak, Prestatie(600, 600 * t, periode=juni)))
        assert tweede.json()["status"] == "afgekeurd", tweede.text
        assert codes(tweede.json()) == [["9322"]]
        # what is left of June is still accepted
        rest = stuur(c, wmo323(zaak, Prestatie(300, 300 * t, periode=juni)))
        assert codes(rest.json()) == [["8001"]], rest.text


def test_start_and_stop_zorg_against_the_toewijzing(stack: Stack, zaak: Zaak) -> None:
    with stack.client("intake") as c:
        start = stuur(c, wmo305(zaak))
        assert start.status_code == 201, start.text
        assert (start.json()["berichttype"], start.json()["status"]) == ("WMO305", "goedgekeurd")
        assert start.json()["retour"]["berichttype"] == "WMO306"
        assert codes(start.json()) == [["0200"]]
        # a start before the toewijzing begins does not fit it (9019)
        te_vroeg = stuur(c, wmo305(zaak, begindatum="2026-03-15"))
        assert codes(te_vroeg.json()) == [["9019"]]
        # nor does a start by another provider
        ander = stuur(c, wmo305(zaak, afzender=ANDER_AGB), ANDERE_AANBIEDER)
        assert codes(ander.json()) == [["9019"]]

        stop = stuur(c, wmo307(zaak, "2026-12-31"))
        assert stop.status_code == 201, stop.text
        assert (stop.json()["berichttype"], stop.json()["status"]) == ("WMO307", "goedgekeurd")
        assert stop.json()["retour"]["berichttype"] == "WMO308"
        assert codes(stop.json()) == [["0200"]]
        # a stop after the toewijzing ends (2027-03-31) is refused (9019, AAN-01)
        te_laat = stuur(c, wmo307(zaak, "2027-06-30"))
        assert te_laat.json()["status"] == "afgekeurd"
        assert codes(te_laat.json()) == [["9019"]]


# --- 3. the wmo-exchange CLI against the stack ---------------------------------------------


class Exchange:
    """``wmo-exchange`` as a child process against the stack, with its own cursor store."""

    def __init__(self, stack: Stack, tmp: Path, gemeente: str = "0085") -> None:
        self.state = tmp / f"state-{gemeente}"
        self.env = {
            **os.environ,
            "WMO_INTAKE_URL": stack.url("intake"),
            "WMO_PGB_URL": stack.url("pgb"),
            "WMO_FINANCE_URL": stack.url("finance"),
            "WMO_TOKEN": token("systeem", gemeente),
        }

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wmo_exchange.cli", *args, "--state-dir", str(self.state)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _summary(out: Path, pattern: str) -> dict[str, Any]:
    files = sorted(out.glob(pattern))
    assert files, f"no {pattern} in {out}"
    return dict(json.loads(files[-1].read_text()))


def test_cli_cak_export_writes_each_mutation_once(stack: Stack, zaak: Zaak, tmp_path: Path) -> None:
    cli = Exchange(stack, tmp_path)
    with stack.client("finance") as fin:
        wacht_op(lambda: cak_mutaties(fin, zaak.beschikking_id))
    first = run_ok(cli, "cak", "export", "--out", str(tmp_path / "cak1"))
    [bestand] = (tmp_path / "cak1").glob("cak-mutaties-0085-*.jsonl")
    header, rows = read_cak_file(bestand)
    assert header["gemeente"] == "0085"
    mijne = [m for m in rows if str(m.beschikking_id) == zaak.beschikking_id]
    assert [(m.soort, m.bsn, m.productcode) for m in mijne] == [("start", zaak.bsn, "02A03")]
    assert "cak-mutaties" in first.stdout

    # nothing new: no file; the cursor is kept
    run_ok(cli, "cak", "export", "--out", str(tmp_path / "cak2"))
    assert not list((tmp_path / "cak2").glob("*.jsonl"))
    assert _summary(tmp_path / "cak2", "cak-mutaties-*.samenvatting.json")["rijen"] == 0

    # a new beschikking: the next run writes only its mutation
    nieuw = scenario_a(stack)
    with stack.client("finance") as fin:
        wacht_op(lambda: cak_mutaties(fin, nieuw.beschikking_id))
    run_ok(cli, "cak", "export", "--out", str(tmp_path / "cak3"))
    [bestand] = (tmp_path / "cak3").glob("cak-mutaties-0085-*.jsonl")
    _, rows = read_cak_file(bestand)
    assert [str(m.beschikking_id) for m in rows] == [nieuw.beschikking_id]


def run_ok(cli: Exchange, *args: str) -> subprocess.CompletedProcess[str]:
    result = cli(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_cli_toewijzingen_export_writes_valid_wmo301_once(
    stack: Stack, zaak: Zaak, tmp_path: Path
) -> None:
    cli = Exchange(stack, tmp_path)
    out = tmp_path / "wmo301"
    run_ok(cli, "toewijzingen", "export", "--out", str(out), "--aanbieder", AGB)
    berichten_ = sorted((out / AGB).glob("WMO301-0085-T*.xml"))
    assert berichten_ and not [p for p in out.iterdir() if p.is_dir() and p.name != AGB]
    ns = namespaces("WMO301")
    mijn = None
    for bestand in berichten_:
        xml = bestand.read_bytes()
        assert validate("WMO301", xml) == [], bestand
        root = etree.fromstring(xml)
        assert root.findtext("w:Header/w:Ontvanger", namespaces=ns) == AGB
        assert root.findtext("w:Header/w:Afzender", namespaces=ns) == "0085"
        if root.findtext(".//w:ToewijzingNummer", namespaces=ns) == str(zaak.toewijzingnummer):
            mijn = root
    assert mijn is not None, "the toewijzing of scenario A is not among the WMO301s"
    assert mijn.findtext("w:Client/w:Bsn", namespaces=ns) == zaak.bsn
    assert mijn.findtext(".//w:Product/i:Code", namespaces=ns) == "02A03"
    assert mijn.findtext(".//w:Omvang/i:Volume", namespaces=ns) == "210"
    assert mijn.findtext(".//w:Omvang/i:Eenheid", namespaces=ns) == "01"

    # a second run writes nothing new (cursor kept); a new opdracht gives exactly one message
    run_ok(cli, "toewijzingen", "export", "--out", str(out), "--aanbieder", AGB)
    assert sorted((out / AGB).glob("*.xml")) == berichten_
    nieuw = scenario_a(stack)
    run_ok(cli, "toewijzingen", "export", "--out", str(out), "--aanbieder", AGB)
    erbij = sorted(set((out / AGB).glob("*.xml")) - set(berichten_))
    assert len(erbij) == 1
    assert etree.fromstring(erbij[0].read_bytes()).findtext(
        ".//w:ToewijzingNummer", namespaces=ns
    ) == str(nieuw.toewijzingnummer)


def test_cli_iwmo_import_exit_code_follows_the_retour(
    stack: Stack, zaak: Zaak, tmp_path: Path
) -> None:
    cli = Exchange(stack, tmp_path)
    t = zaak.tarief_cent
    augustus = ("2026-08-01", "2026-08-31")  # 210 × 31 / 7 → 930 minutes
    inbox = tmp_path / "in"
    inbox.mkdir()
    goed = inbox / "declaratie-goed.xml"
    goed.write_bytes(wmo323(zaak, Prestatie(840, 840 * t, periode=augustus)))
    start = inbox / "start.xml"
    start.write_bytes(wmo305(zaak, begindatum="2026-04-10"))
    result = run_ok(cli, "iwmo", "import", str(goed), str(start))
    assert "2 verwerkt" in result.stdout
    retour = json.loads((inbox / "declaratie-goed.xml.retour.json").read_text())
    assert retour["status"] == "goedgekeurd" and codes(retour) == [["8001"]]
    assert codes(json.loads((inbox / "start.xml.retour.json").read_text())) == [["0200"]]
    summary = _summary(inbox, "iwmo-import-*.samenvatting.json")
    assert (summary["regels"], summary["regelsAfgekeurd"], summary["verwerkt"]) == (2, 0, 2)

    # one accepted and one rejected line in one message: exit 1, the line in the summary
    fout = inbox / "declaratie-fout.xml"
    fout.write_bytes(
        wmo323(
            zaak,
            Prestatie(60, 60 * t, periode=("2026-09-01", "2026-09-30")),
            Prestatie(2000, 2000 * t, periode=("2026-10-01", "2026-10-31")),
        )
    )
    result = cli("iwmo", "import", str(fout), "--out", str(tmp_path / "fout"))
    assert result.returncode == 1, result.stdout + result.stderr
    summary = _summary(tmp_path / "fout", "iwmo-import-*.samenvatting.json")
    assert (summary["regels"], summary["regelsAfgekeurd"]) == (2, 1)
    [afkeuring] = summary["afkeuringen"]
    assert (afkeuring["regel"], afkeuring["toewijzingnummer"]) == (1, zaak.toewijzingnummer)
    assert [c["retourcode"] for c in afkeuring["retourcodes"]] == ["9321"]

    # run again: the retour exists, nothing is sent; --opnieuw gets the first retour back
    result = run_ok(cli, "iwmo", "import", str(goed))
    assert "1 overgeslagen" in result.stdout
    run_ok(cli, "iwmo", "import", str(goed), "--opnieuw", "--out", str(tmp_path / "opnieuw"))
    assert json.loads((inbox / "declaratie-goed.xml.retour.json").read_text()) == retour


def test_cli_svb_export_after_a_pgb_beschikking(stack: Stack, tmp_path: Path) -> None:
    """Vlissingen (0718), as in scenario C: the pgb beschikking makes the budget formal and the
    CLI writes it to the TKB file once."""
    vlissingen = auth("gebiedsteam", "0718")
    with stack.client("intake") as c, stack.client("pgb") as pgb:
        zaak = pgb_beschikking(c, pgb, vlissingen)
        wacht_op(lambda: svb_toekenningen(pgb, zaak, auth("systeem", "0718")))
    client, budget_id, b = zaak.client, zaak.budget_id, zaak.beschikking
    cli = Exchange(stack, tmp_path, "0718")
    run_ok(cli, "svb", "export", "--out", str(tmp_path / "svb1"))
    [bestand] = (tmp_path / "svb1").glob("svb-tkb-0718-*.csv")
    mijne = [r for r in read_tkb_file(bestand) if str(r.budget_id) == budget_id]
    assert mijne and str(mijne[-1].beschikking_id) == b["id"]
    assert mijne[-1].bsn == client["bsn"]
    run_ok(cli, "svb", "export", "--out", str(tmp_path / "svb2"))
    assert not list((tmp_path / "svb2").glob("*.csv"))
