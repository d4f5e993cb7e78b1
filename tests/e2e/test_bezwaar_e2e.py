"""From a sent beschikking through a gegrond bezwaar to the herziene beschikking reaching the
CAK feed of finance, over real HTTP: the letters of both decisions are stored and shown, the
herziening goes out through the normal sending and its outbox events end the old voorziening
and start the new one in the CAK register."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import httpx

from tests.documents import pdf as lees
from tests.e2e.conftest import Stack
from tests.e2e.steps import (
    GW,
    aanvraag_voor,
    cak_mutaties,
    case_to_aanvraag,
    ok,
    post,
    vastgelegde_indicatie,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening

VEREISTEN = ["naam", "adres", "dagtekening", "besluit", "gronden", "ondertekening"]
PDF = {**GW, "Accept": "application/pdf"}


def _pdf(c: httpx.Client, pad: str) -> tuple[bytes, str]:
    r = c.get(pad, headers=PDF)
    assert r.status_code == 200, r.text
    digest = r.headers["Repr-Digest"].removeprefix("sha-256=:").removesuffix(":")
    assert base64.b64decode(digest) == hashlib.sha256(r.content).digest()
    return r.content, lees.tekst(r.content)


def test_gegrond_bezwaar_tot_in_de_cak_feed(stack: Stack) -> None:
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=30) as c,
        httpx.Client(base_url=stack.url("finance"), timeout=15) as fin,
        stack.client("indicatie") as ind,
    ):
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"])
        b = verzonden_beschikking(
            c, melding["id"], aanvraag["id"], voorziening(indicatieId=indicatie["id"])
        )
        oud = b["maatwerkvoorzieningen"][0]["id"]
        assert [m["soort"] for m in wacht_op(lambda: cak_mutaties(fin, b["id"]))] == ["start"]
        _, tekst = _pdf(c, f"/api/v1/beschikkingen/{b['id']}")
        assert "woensdag 6 mei 2026" in tekst and "AWB-6:7" in tekst

        bezwaar = ok(
            post(
                c,
                "/api/v1/bezwaren",
                {
                    "beschikkingId": b["id"],
                    "ontvangstdatum": "2026-04-20",
                    "kanaal": "post",
                    "aanwezig": VEREISTEN,
                    "gronden": "Twee uur per week is te weinig.",
                },
            )
        )
        assert bezwaar["ontvankelijkheid"]["uitkomst"] == "ontvankelijk"
        url = f"/api/v1/bezwaren/{bezwaar['id']}"
        hoorzitting = ok(post(c, f"{url}/hoorzittingen", {"geplandOp": "2026-05-20"}))
        [hz] = hoorzitting["hoorzittingen"]
        ok(
            c.patch(
                f"{url}/hoorzittingen/{hz['id']}",
                json={"gehoudenOp": "2026-05-20", "aanwezig": ["indiener"], "verslag": "Gehoord."},
                headers={**GW, "If-Match": f'W/"{hz["versie"]}"'},
            ),
            200,
        )
        herziening = ok(
            post(
                c,
                "/api/v1/beschikkingen",
                {
                    "meldingId": melding["id"],
                    "soort": "herziening",
                    "vorigeBeschikkingId": b["id"],
                    "besluitdatum": "2026-06-05",
                    "motivering": "Herziening na gegrond bezwaar.",
                    "maatwerkvoorzieningen": [
                        voorziening(
                            indicatieId=indicatie["id"],
                            begindatum="2026-06-15",
                            vervangtId=oud,
                            omvang={"volume": 180, "eenheid": "01", "frequentie": "2"},
                        )
                    ],
                },
            )
        )
        beslist = ok(
            post(
                c,
                f"{url}/beslissingen",
                {
                    "uitkomst": "gegrond",
                    "beslisdatum": "2026-06-05",
                    "motivering": "Na de hoorzitting blijkt dat drie uur per week nodig is.",
                    "herzieneBeschikkingId": herziening["id"],
                },
            )
        )
        assert beslist["beslissing"]["herzieneBeschikkingId"] == herziening["id"]
        _, tekst = _pdf(c, url)
        assert "gegrond" in tekst and "AWB-7:11" in tekst

        verzonden = ok(
            post(
                c,
                f"/api/v1/beschikkingen/{herziening['id']}/verzendingen",
                {"verzenddatum": "2026-06-08"},
            )
        )
        assert verzonden["status"] == "verzonden"
        _, tekst = _pdf(c, f"/api/v1/beschikkingen/{herziening['id']}")
        assert "drie uur per week" in tekst and "AWB-7:11" in tekst

        def beide() -> list[dict[str, Any]]:
            mutaties = cak_mutaties(fin, herziening["id"])
            return mutaties if len(mutaties) == 2 else []

        mutaties = wacht_op(beide)
        per_voorziening = {m["maatwerkvoorzieningId"]: m for m in mutaties}
        assert per_voorziening[oud]["einddatum"] == "2026-06-14"
        nieuw = verzonden["maatwerkvoorzieningen"][0]["id"]
        assert per_voorziening[nieuw]["ingangsdatum"] == "2026-06-15"
