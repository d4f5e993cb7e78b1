"""End to end, issue 12.7: the death of a cliënt over real HTTP. Vlissingen (0718), 2015: a
beschikking with household help in natura (an opdracht to a provider) and a pgb; both events
are delivered. Then the death is registered: finance's CAK feed shows the stop, pgb's SVB feed
shows the budget withdrawn from that date, and intake's toewijzingen feed carries the
provider's WMO301 with the einddatum and RedenWijziging 02 (cliënt overleden)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Stack
from tests.e2e.steps import gecontracteerd, ok, outbox_sync, post, wacht_op
from tests.intake.api.helpers import bsn as nieuw_bsn
from tests.intake.api.helpers import onderzoek_body, voorziening
from tests.pgb.api.helpers import TOEKENNING_C
from tests.pgb.api.helpers import plan as pgb_plan
from tests.support.stack import TestDatabase, auth

pytestmark = pytest.mark.e2e

VLISSINGEN = auth("gebiedsteam", "0718")
FIN = auth("financien", "0718")
SYSTEEM = auth("systeem", "0718")
OVERLEDEN = "2015-06-15"


def _feed(c: httpx.Client, path: str, headers: dict[str, str], match: Any) -> list[Any]:
    found: list[Any] = []
    cursor = None
    for _ in range(200):
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = ok(c.get(path, params=params, headers=headers), 200)
        found += [r for r in page["resultaten"] if match(r)]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    return found


def _zaak_in_2015(c: httpx.Client) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Client, melding and aanvraag in Vlissingen in 2015, after a complete onderzoek."""
    client = ok(
        post(
            c,
            "/api/v1/clienten",
            {
                "bsn": nieuw_bsn(),
                "voornamen": "Anna",
                "achternaam": "Bakker",
                "geboortedatum": "1934-01-15",
                "adres": {
                    "straat": "Bellamypark",
                    "huisnummer": "3",
                    "postcode": "4381CG",
                    "woonplaats": "Vlissingen",
                },
                "telefoon": "0118123456",
                "email": "anna.bakker@example.nl",
            },
            VLISSINGEN,
        )
    )
    melding = ok(
        post(
            c,
            "/api/v1/meldingen",
            {
                "clientId": client["id"],
                "ontvangstdatum": "2015-02-02",
                "kanaal": "loket",
                "hulpvraag": "Artrose in beide handen; het huishouden lukt niet meer.",
            },
            VLISSINGEN,
        )
    )
    ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/clientondersteuning-berichten",
            {
                "datum": "2015-02-03",
                "wijze": "gesprek",
                "clientWilClientondersteuning": False,
                "mantelzorger": "gewezen",
            },
            VLISSINGEN,
        )
    )
    ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/onderzoeken",
            onderzoek_body(startdatum="2015-02-04"),
            VLISSINGEN,
        )
    )
    aanvraag = ok(
        post(
            c,
            "/api/v1/aanvragen",
            {
                "meldingId": melding["id"],
                "ontvangstdatum": "2015-02-10",
                "voorzieningen": [{"omschrijving": "hulp bij het huishouden"}],
            },
            VLISSINGEN,
        )
    )
    return client, melding, aanvraag


def _stops(fin: httpx.Client, bsn: str) -> list[dict[str, Any]] | None:
    stops = _feed(
        fin, "/api/v1/cak-mutaties", FIN, lambda m: m["bsn"] == bsn and m["soort"] == "stop"
    )
    return stops if len(stops) == 2 else None


def test_overlijden_stopt_cak_svb_en_aanbieder(stack: Stack, db: TestDatabase) -> None:
    with (
        httpx.Client(base_url=stack.url("intake"), timeout=15) as c,
        httpx.Client(base_url=stack.url("pgb"), timeout=15) as pgb,
        httpx.Client(base_url=stack.url("finance"), timeout=15) as fin,
    ):
        client, melding, aanvraag = _zaak_in_2015(c)
        cid = client["id"]
        bsn = client["bsn"]
        plan = ok(post(pgb, "/api/v1/pgb-plannen", pgb_plan(bsn=bsn), VLISSINGEN))
        besluit = ok(
            post(pgb, f"/api/v1/pgb-plannen/{plan['id']}/besluiten", TOEKENNING_C, VLISSINGEN)
        )
        budget_id = besluit["budget"]["id"]
        periode = {
            "productcategorie": "01",
            "productcode": "01A01",
            "omvang": {"volume": 3, "eenheid": "04", "frequentie": "2"},
            "begindatum": "2015-03-01",
            "einddatum": "2015-12-31",
            "indicatieId": None,
        }
        b = ok(
            post(
                c,
                "/api/v1/beschikkingen",
                {
                    "meldingId": melding["id"],
                    "aanvraagId": aanvraag["id"],
                    "soort": "toekenning",
                    "besluitdatum": "2015-02-20",
                    "motivering": "Hulp bij het huishouden, deels met een pgb.",
                    "maatwerkvoorzieningen": [
                        voorziening(omschrijving="Hulp bij het huishouden", **periode),
                        voorziening(
                            leveringsvorm="pgb",
                            omschrijving="Hulp bij het huishouden (alfahulp)",
                            aanbiederAgb=None,
                            pgbPlanId=plan["id"],
                            **periode,
                        ),
                    ],
                },
                VLISSINGEN,
            )
        )
        b = ok(
            post(
                c,
                f"/api/v1/beschikkingen/{b['id']}/verzendingen",
                {"verzenddatum": "2015-02-20"},
                VLISSINGEN,
            )
        )
        zin_id = b["maatwerkvoorzieningen"][0]["id"]
        gecontracteerd(c, gemeente="0718")
        opdracht = ok(
            post(
                c,
                "/api/v1/opdrachten",
                {"maatwerkvoorzieningId": zin_id, "doelen": ["Een schoon huis"]},
                VLISSINGEN,
            )
        )
        wacht_op(
            lambda: (
                len(rows := outbox_sync(db, b["id"])) == 3
                and all(r["afgeleverd"] is not None for r in rows)
            )
        )

        etag = ok(c.get(f"/api/v1/clienten/{cid}", headers=VLISSINGEN), 200)
        r = c.post(
            f"/api/v1/clienten/{cid}/overlijdensmeldingen",
            json={"datum": OVERLEDEN, "bron": "BRP"},
            headers={
                **VLISSINGEN,
                "If-Match": f'W/"{etag["versie"]}"',
                "Idempotency-Key": f"overlijden-{cid}",
            },
        )
        dood = ok(r)
        assert dood["afgeslotenZaken"] == [melding["id"]]
        assert [v["einddatum"] for v in dood["beeindigdeVoorzieningen"]] == [OVERLEDEN] * 2

        # finance: the CAK feed stops both voorzieningen with eigen bijdrage on that date.
        stops = wacht_op(lambda: _stops(fin, bsn))
        assert {m["einddatum"] for m in stops} == {OVERLEDEN}

        # pgb: the SVB feed shows the budget withdrawn from the date of death.
        def ingetrokken() -> list[dict[str, Any]]:
            return _feed(
                pgb,
                "/api/v1/svb-toekenningen",
                FIN,
                lambda r: r["budgetId"] == budget_id and r["ingetrokken"],
            )

        [svb] = wacht_op(ingetrokken)
        assert (svb["einddatum"], svb["bedrag"]) == (OVERLEDEN, "0.00")

        # the provider: the changed WMO301 in the toewijzingen feed, same toewijzingnummer.
        toewijzingen = _feed(
            c, "/api/v1/toewijzingen", SYSTEEM, lambda t: t["opdrachtId"] == opdracht["id"]
        )
        assert [(t["einddatum"], t["redenWijziging"]) for t in toewijzingen] == [
            ("2015-12-31", None),
            (OVERLEDEN, "02"),
        ]
        assert len({t["toewijzingnummer"] for t in toewijzingen}) == 1
