"""End to end, the iWmo 3.2 dialogue of issue 15.3 over real HTTP against the four services as
uvicorn processes, with the ``wmo-exchange`` CLI as a child process for the files: the provider
asks for a toewijzing (WMO315, retour WMO316 next to the file), the gemeente answers "in
onderzoek" (WMO319, exported to the provider's folder) and then honours it with an opdracht
(WMO301 carrying the provider's ReferentieAanbieder, exported from the toewijzingen feed); the
provider starts (WMO305), declares (WMO323) and stops (WMO307), each answered with its retour.
Every message on the way is valid against its XSD."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.e2e.steps import (
    GW,
    ZORG_BV,
    aanvraag_voor,
    case_to_aanvraag,
    contracttarief_02a03,
    gecontracteerd,
    ok,
    post,
    vastgelegde_indicatie,
    verzonden_beschikking,
)
from tests.e2e.test_exchange_e2e import Exchange, codes, run_ok, stuur
from tests.intake.api.helpers import datum_van, voorziening
from tests.intake.api.iwmo_berichten import AGB, Prestatie, Zaak, namespaces, wmo305, wmo307, wmo323
from tests.intake.api.iwmo_verzoekberichten import referentie, wmo315
from tests.support.live import Stack
from wmo_iwmo.xsd import validate

pytestmark = pytest.mark.e2e


def _verzoek(c: Any, ref: str) -> dict[str, Any]:
    cursor = None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = ok(c.get("/api/v1/iwmo-verzoeken", params=params, headers=GW), 200)
        for v in page["resultaten"]:
            if v["referentieAanbieder"] == ref:
                return dict(v)
        cursor = page["volgendeCursor"]
        assert cursor, f"verzoek {ref} niet gevonden"


def _antwoord(c: Any, verzoek: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    headers = {**GW, "If-Match": f'"{verzoek["versie"]}"'}
    return ok(post(c, f"/api/v1/iwmo-verzoeken/{verzoek['id']}/antwoorden", body, headers))


def test_wmo315_319_301_305_323_307(stack: Stack, tmp_path: Path) -> None:
    cli = Exchange(stack, tmp_path)
    inbox, uit = tmp_path / "in", tmp_path / "uit"
    inbox.mkdir()
    with (
        stack.client("intake") as c,
        stack.client("finance") as fin,
        stack.client("indicatie") as ind,
    ):
        per_uur = contracttarief_02a03(fin)
        gecontracteerd(c)  # AAN-09: honouring the verzoek commissions this provider
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"])
        b = verzonden_beschikking(
            c, melding["id"], aanvraag["id"], voorziening(indicatieId=indicatie["id"], omvang=None)
        )
        v = b["maatwerkvoorzieningen"][0]

        # 1. WMO315 through the exchange: the retour (WMO316) lands next to the file
        ref = referentie()
        verzoekbestand = inbox / "wmo315.xml"
        verzoekbestand.write_bytes(wmo315(client["bsn"], ref))
        run_ok(cli, "iwmo", "import", str(verzoekbestand))
        retour = json.loads((inbox / "wmo315.xml.retour.json").read_text())
        assert (retour["berichttype"], retour["status"]) == ("WMO315", "goedgekeurd"), retour
        assert retour["retour"]["berichttype"] == "WMO316"
        verzoek = _verzoek(c, ref)
        assert verzoek["status"] == "open" and verzoek["clientId"] == client["id"]

        # 2. WMO319 "aanvraag in onderzoek", exported to the provider's folder
        verzoek = _antwoord(c, verzoek, {"antwoord": "in-onderzoek"})
        assert verzoek["antwoordtermijn"]["opTijd"] is True
        run_ok(cli, "iwmo", "export", "--out", str(uit / "wmo319"), "--aanbieder", AGB)
        ns319 = namespaces("WMO319")
        mijn = []
        for bestand in sorted((uit / "wmo319" / AGB).glob("WMO319-0085-*.xml")):
            assert validate("WMO319", bestand.read_bytes()) == [], bestand
            root = etree.fromstring(bestand.read_bytes())
            if root.findtext("w:Antwoord/w:ReferentieAanbieder", namespaces=ns319) == ref:
                mijn.append(root)
        [wmo319] = mijn
        assert wmo319.findtext("w:Antwoord/w:VerzoekAntwoord", namespaces=ns319) == "2"

        # 3. honoured: the opdracht's WMO301 carries the ReferentieAanbieder
        verzoek = _antwoord(
            c,
            verzoek,
            {
                "antwoord": "toegekend",
                "opdrachten": [{"maatwerkvoorzieningId": v["id"], "doelen": ["Dagstructuur"]}],
            },
        )
        assert verzoek["status"] == "toegekend"
        [bericht] = verzoek["antwoorden"][-1]["berichten"]
        assert bericht["berichttype"] == "WMO301"
        assert validate("WMO301", bericht["xml"].encode()) == []
        opdracht = ok(c.get(f"/api/v1/opdrachten/{bericht['opdrachtId']}", headers=GW), 200)
        assert Decimal(opdracht["gegevens"]["tarief"]) == per_uur / 60
        run_ok(cli, "toewijzingen", "export", "--out", str(uit / "wmo301"), "--aanbieder", AGB)
        ns301 = namespaces("WMO301")
        nummer = str(bericht["toewijzingnummer"])
        [wmo301] = [
            root
            for bestand in sorted((uit / "wmo301" / AGB).glob("WMO301-0085-*.xml"))
            if validate("WMO301", (xml := bestand.read_bytes())) == []
            and (root := etree.fromstring(xml)).findtext(".//w:ToewijzingNummer", namespaces=ns301)
            == nummer
        ]
        assert wmo301.findtext(".//w:ReferentieAanbieder", namespaces=ns301) == ref
        ok(
            post(
                c,
                f"/api/v1/opdrachten/{opdracht['id']}/acceptaties",
                {"datum": datum_van(opdracht["verstrektOp"])},
                ZORG_BV,
            )
        )

        # 4. WMO305 start, WMO323 declaratie, WMO307 stop, each with its retour in the call
        tarief_cent = int(per_uur * 100 / 60)
        zaak = Zaak(client["bsn"], b["id"], opdracht["id"], int(nummer), tarief_cent)
        start = stuur(c, wmo305(zaak, begindatum="2026-04-03"))
        assert start.status_code == 201, start.text
        assert start.json()["retour"]["berichttype"] == "WMO306"
        assert codes(start.json()) == [["0200"]]
        declaratie = stuur(c, wmo323(zaak, Prestatie(840, 840 * tarief_cent)))
        assert declaratie.status_code == 201, declaratie.text
        assert declaratie.json()["retour"]["berichttype"] == "WMO325"
        assert codes(declaratie.json()) == [["8001"]]
        stop = stuur(c, wmo307(zaak, "2026-12-31"))
        assert stop.status_code == 201, stop.text
        assert stop.json()["retour"]["berichttype"] == "WMO308"
        assert codes(stop.json()) == [["0200"]]
