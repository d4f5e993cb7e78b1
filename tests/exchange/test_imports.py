"""iWmo and BAB imports: the POST, the retour next to the file, the summary, the exit code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.exchange.fakes import FakeServices
from tests.exchange.support import Cli
from tests.shared.iwmo.voorbeelden import example
from wmo_exchange.cli import EXIT_OK, EXIT_REJECTED, EXIT_REQUEST_FAILED
from wmo_exchange.formats.bab import write_bab_file

IWMO = "/api/v1/iwmo-berichten"
BAB = "/api/v1/svb-budgetafsluitingen"
BUDGET = "00000000-0000-0004-0000-000000000001"


def retour(status: str, regels: list[str]) -> dict[str, Any]:
    return {
        "berichttype": "WMO306",
        "identificatie": "R1",
        "status": status,
        "retourcodes": [{"retourcode": "0200"}],
        "regels": [
            {
                "index": i,
                "bsn": "999993653",
                "toewijzingnummer": 4711,
                "status": s,
                "retourcodes": [
                    {"retourcode": "0200" if s == "goedgekeurd" else "9019", "toelichting": None}
                ],
            }
            for i, s in enumerate(regels)
        ],
    }


def iwmo_fake(answers: dict[bytes, httpx.Response]) -> FakeServices:
    fake = FakeServices()

    def post(request: httpx.Request) -> httpx.Response:
        return answers[request.content]

    fake.posts[IWMO] = post
    return fake


def write(tmp: Path, name: str, content: bytes) -> Path:
    path = tmp / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def test_accepted_messages_exit_0_with_the_retour_next_to_each_file(tmp_path: Path) -> None:
    a = write(tmp_path, "start.xml", example("WMO305"))
    b = write(tmp_path, "stop.xml", example("WMO307"))
    fake = iwmo_fake(
        {
            a.read_bytes(): httpx.Response(200, json=retour("goedgekeurd", ["goedgekeurd"])),
            b.read_bytes(): httpx.Response(200, json=retour("goedgekeurd", ["goedgekeurd"])),
        }
    )
    cli = Cli(fake, tmp_path)
    assert cli("iwmo", "import", str(a), str(b)) == EXIT_OK
    assert json.loads((a.parent / "start.xml.retour.json").read_text())["status"] == "goedgekeurd"
    assert (b.parent / "stop.xml.retour.json").exists()
    sent = fake.requests[0]
    assert sent.headers["content-type"] == "application/xml"
    assert sent.headers["idempotency-key"].startswith("iwmo-")
    assert sent.headers["authorization"].startswith("Bearer ")
    summary = json.loads(next(a.parent.glob("iwmo-import-*.samenvatting.json")).read_text())
    assert summary["verwerkt"] == 2 and summary["regelsAfgekeurd"] == 0

    # run again: the retouren exist, nothing is sent twice
    assert cli("iwmo", "import", str(a), str(b)) == EXIT_OK
    assert len(fake.requests) == 2
    assert "2 overgeslagen" in cli.stdout


def test_a_rejected_line_exits_1_and_is_in_the_summary(tmp_path: Path) -> None:
    a = write(tmp_path, "declaratie.xml", example("WMO323"))
    fake = iwmo_fake(
        {
            a.read_bytes(): httpx.Response(
                200, json=retour("afgekeurd", ["goedgekeurd", "afgekeurd"])
            )
        }
    )
    cli = Cli(fake, tmp_path)
    assert cli("iwmo", "import", str(a)) == EXIT_REJECTED
    summary = json.loads(next(a.parent.glob("iwmo-import-*.samenvatting.json")).read_text())
    assert summary["regels"] == 2 and summary["regelsAfgekeurd"] == 1
    assert summary["afkeuringen"] == [
        {
            "bestand": str(a),
            "regel": 1,
            "toewijzingnummer": 4711,
            "retourcodes": [{"retourcode": "9019", "toelichting": None}],
        }
    ]
    assert "afgekeurd: 1" in cli.stdout


def test_the_lines_are_read_from_intakes_answer_which_wraps_the_retour(tmp_path: Path) -> None:
    """Regression: intake answers ``IwmoBerichtRead`` ({id, berichttype, status, retour, ...})
    with the header codes and the lines inside ``retour``; the tool read them at the top level,
    so a rejected line was counted as a rejected message without its line, toewijzingnummer
    and retourcodes."""
    a = write(tmp_path, "declaratie.xml", example("WMO323"))
    answer = {
        "id": "0b7e6f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
        "berichttype": "WMO323",
        "status": "afgekeurd",
        "retour": retour("afgekeurd", ["goedgekeurd", "afgekeurd"]),
        "ontvangenOp": "2026-05-06T10:15:30+02:00",
    }
    cli = Cli(iwmo_fake({a.read_bytes(): httpx.Response(201, json=answer)}), tmp_path)
    assert cli("iwmo", "import", str(a)) == EXIT_REJECTED
    summary = json.loads(next(a.parent.glob("iwmo-import-*.samenvatting.json")).read_text())
    assert (summary["regels"], summary["regelsAfgekeurd"]) == (2, 1)
    assert summary["berichtenAfgekeurd"] == 1
    assert summary["afkeuringen"] == [
        {
            "bestand": str(a),
            "regel": 1,
            "toewijzingnummer": 4711,
            "retourcodes": [{"retourcode": "9019", "toelichting": None}],
        }
    ]
    assert json.loads((a.parent / "declaratie.xml.retour.json").read_text()) == answer


def test_a_message_refused_as_a_whole_exits_1(tmp_path: Path) -> None:
    a = write(tmp_path, "kapot.xml", b"<niet-iwmo/>")
    problem = {"status": 400, "title": "Bad Request", "detail": "Geen geldig iWmo-bericht"}
    fake = iwmo_fake({a.read_bytes(): httpx.Response(400, json=problem)})
    cli = Cli(fake, tmp_path)
    assert cli("iwmo", "import", str(a)) == EXIT_REJECTED
    assert json.loads((a.parent / "kapot.xml.retour.json").read_text()) == problem


def test_an_unreachable_service_exits_3_and_writes_no_retour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wmo_exchange.http.time.sleep", lambda _s: None)
    a = write(tmp_path, "start.xml", example("WMO305"))
    fake = FakeServices()
    fake.posts[IWMO] = lambda _r: httpx.Response(503, json={"status": 503})
    cli = Cli(fake, tmp_path)
    assert cli("iwmo", "import", str(a)) == EXIT_REQUEST_FAILED
    assert len(fake.requests) == 4  # retried: the Idempotency-Key makes that safe
    assert not (a.parent / "start.xml.retour.json").exists()


def bab_file(tmp: Path, regels: int = 2) -> Path:
    path = tmp / "in" / "bab-2026-q1.jsonl"
    path.parent.mkdir(exist_ok=True)
    write_bab_file(
        path,
        "BAB-0085-2026Q1",
        [
            {
                "budgetId": BUDGET,
                "ingangsdatum": "2026-01-01",
                "einddatum": "2026-03-31",
                "besteedBedrag": f"{1000 + i}.50",
            }
            for i in range(regels)
        ],
        gemeente="0085",
    )
    return path


def bab_fake(lines: list[dict[str, Any]]) -> FakeServices:
    fake = FakeServices()

    def post(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        answer = {"id": BUDGET, "berichtId": body["berichtId"], "regels": lines}
        return httpx.Response(201, json=answer)

    fake.posts[BAB] = post
    return fake


def test_bab_import_sends_the_lines_and_exits_0(tmp_path: Path) -> None:
    path = bab_file(tmp_path)
    ok = {"regelnummer": 1, "budgetId": BUDGET, "status": "geaccepteerd", "overschreden": False}
    fake = bab_fake([ok, {**ok, "regelnummer": 2, "overschreden": True}])
    cli = Cli(fake, tmp_path)
    assert cli("svb", "import", str(path)) == EXIT_OK
    sent = json.loads(fake.requests[0].content)
    assert sent == {
        "berichtId": "BAB-0085-2026Q1",
        "regels": [
            {
                "budgetId": BUDGET,
                "ingangsdatum": "2026-01-01",
                "einddatum": "2026-03-31",
                "besteedBedrag": "1000.50",
            },
            {
                "budgetId": BUDGET,
                "ingangsdatum": "2026-01-01",
                "einddatum": "2026-03-31",
                "besteedBedrag": "1001.50",
            },
        ],
    }
    assert fake.requests[0].headers["idempotency-key"] == "svb-bab-BAB-0085-2026Q1"
    assert "budget overschreden: 1" in cli.stdout
    assert (path.parent / "bab-2026-q1.jsonl.retour.json").exists()


def test_bab_rejections_exit_1(tmp_path: Path) -> None:
    path = bab_file(tmp_path)
    fake = bab_fake(
        [
            {"regelnummer": 1, "budgetId": BUDGET, "status": "geaccepteerd"},
            {"regelnummer": 2, "budgetId": BUDGET, "status": "afgewezen", "reden": "onbekend"},
        ]
    )
    cli = Cli(fake, tmp_path)
    assert cli("svb", "import", str(path)) == EXIT_REJECTED
    summary = json.loads(next(path.parent.glob("svb-import-*.samenvatting.json")).read_text())
    assert summary["regelsAfgekeurd"] == 1
    assert summary["afkeuringen"][0] == {
        "bestand": str(path),
        "regel": 2,
        "budgetId": BUDGET,
        "reden": "onbekend",
    }


def test_a_truncated_bab_file_is_not_sent_and_exits_1(tmp_path: Path) -> None:
    path = bab_file(tmp_path, regels=3)
    lines = path.read_text().splitlines()
    path.write_text("\n".join(lines[:-2]) + "\n")  # transfer cut off: no trailer
    fake = bab_fake([])
    cli = Cli(fake, tmp_path)
    assert cli("svb", "import", str(path)) == EXIT_REJECTED
    assert fake.requests == []
    assert "trailer ontbreekt" in cli.stdout
