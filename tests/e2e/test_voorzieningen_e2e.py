"""Issue 16 over real HTTP, per voorziening from the onderzoek to the feed that carries it:
the referral to an algemene voorziening (no beschikking; the onderzoeksverslag says an aanvraag
stays possible), a taxipas with its km budget (CAK feed), a hulpmiddel in bruikleen (CAK start,
and stop on inname), the one-off pgb paid to the supplier in a beschikking (leveranciersbetalingen,
not SVB; in the CAK register without eigen bijdrage, nothing in the CAK feed), and the
mantelzorgwaardering (Walcheren; paid to the hulpvrager)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.e2e.steps import (
    FIN,
    GW,
    aanvraag_voor,
    cak_mutaties,
    case_to_aanvraag,
    feed,
    ok,
    post,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening
from tests.intake.api.peers import eenmalig_pgb_body
from tests.support.live import Stack
from tests.support.stack import auth

BEHEER = auth("beheer")


def test_doorverwijzing_naar_een_algemene_voorziening(stack: Stack) -> None:
    with stack.client("intake") as c:
        av = ok(
            post(
                c,
                "/api/v1/algemene-voorzieningen",
                {
                    "naam": f"Boodschappendienst {uuid.uuid4().hex[:6]}",
                    "soort": "algemeen",
                    "aanbod": "Vrijwilligers doen wekelijks boodschappen.",
                    "bereikbaarheid": "Bel het dorpshuis op werkdagen.",
                },
                BEHEER,
            )
        )
        _, _, ond = case_to_aanvraag(c)
        d = ok(
            post(
                c,
                f"/api/v1/onderzoeken/{ond['id']}/doorverwijzingen",
                {
                    "algemeneVoorzieningId": av["id"],
                    "datum": "2026-02-12",
                    "lostOp": ["boodschappen"],
                },
            )
        )
        assert d["beschikking"] is False and d["aanvraagMaatwerkMogelijk"] is True
        r = c.get(f"/api/v1/onderzoeken/{ond['id']}/verslag", headers={**GW, "Accept": "text/html"})
        assert r.status_code == 200
        assert av["naam"] in r.text and "aanvraag voor een maatwerkvoorziening" in r.text


def test_taxipas_in_de_cak_feed(stack: Stack) -> None:
    with stack.client("intake") as c, stack.client("finance") as fin:
        _, melding, _ = case_to_aanvraag(c)
        a = aanvraag_voor(c, melding["id"])
        v = voorziening(
            productcategorie="08",
            productcode="08A01",
            omschrijving="Collectief vervoer (taxipas)",
            omvang=None,
            indicatieId=None,
            vervoer={
                "leverancier": "Regiotaxi Fryslân",
                "kmPerJaar": 1800,
                "motiveringKm": "Wekelijks naar de dagbesteding in Heerenveen.",
            },
        )
        b = verzonden_beschikking(c, melding["id"], a["id"], v)
        vervoer = b["maatwerkvoorzieningen"][0]["vervoer"]
        assert (vervoer["kmPerJaar"], vervoer["bovenNorm"]) == (1800, True)
        [m] = wacht_op(lambda: cak_mutaties(fin, b["id"]))
        assert (m["soort"], m["productcategorie"]) == ("start", "08")


def test_hulpmiddel_in_bruikleen_cak_start_en_stop(stack: Stack) -> None:
    with stack.client("intake") as c, stack.client("finance") as fin:
        _, melding, _ = case_to_aanvraag(c)
        a = aanvraag_voor(c, melding["id"])
        v = voorziening(
            productcategorie="12",
            productcode="12A01",
            omschrijving="Scootmobiel",
            omvang=None,
            indicatieId=None,
            einddatum=None,
            kostprijs="2400.00",
        )
        b = verzonden_beschikking(c, melding["id"], a["id"], v)
        vid = b["maatwerkvoorzieningen"][0]["id"]
        hm = ok(
            post(
                c,
                "/api/v1/hulpmiddelen",
                {
                    "maatwerkvoorzieningId": vid,
                    "omschrijving": "Scootmobiel 4-wiel",
                    "leverancier": "Medipoint",
                    "besteldatum": "2026-03-26",
                },
            )
        )
        assert hm["vorm"] == "bruikleen"
        for pad, datum in (("leveringen", "2026-04-01"), ("innames", "2026-09-01")):
            hm = ok(
                post(
                    c,
                    f"/api/v1/hulpmiddelen/{hm['id']}/{pad}",
                    {"datum": datum},
                    {**GW, "If-Match": f'W/"{hm["versie"]}"'},
                )
            )
        mutaties = wacht_op(lambda: (ms := cak_mutaties(fin, b["id"])) and len(ms) >= 2 and ms)
        assert [m["soort"] for m in mutaties] == ["start", "stop"]
        assert mutaties[0]["kostprijs"] == "2400.00"
        assert mutaties[-1]["einddatum"] == "2026-08-31"


def test_eenmalig_pgb_van_onderzoek_tot_leveranciersbetaling(stack: Stack) -> None:
    """FIN-05 as one case: the onderzoek and aanvraag in intake, finance's eenmalig pgb for that
    aanvraag, the beschikking that refers to it and takes its amount over, the sent letter that
    says there is no eigen bijdrage; the payment in leveranciersbetalingen (not the SVB), and in
    the CAK register the voorziening with why the CAK hears nothing of it. Then the intrekking
    before the supplier is paid: the payment is cancelled in the same feed, the paying system
    is refused, and the dossier shows it."""
    with stack.client("intake") as c, stack.client("finance") as fin:
        client, melding, _ = case_to_aanvraag(c)
        a = aanvraag_voor(c, melding["id"])
        p = ok(post(fin, "/api/v1/eenmalige-pgbs", eenmalig_pgb_body(client["bsn"], a["id"])))
        assert (p["bedrag"], p["betaalroute"], p["eigenBijdrage"]) == (
            "1750.00",
            "gemeente_aan_leverancier",
            False,
        )
        v = voorziening(
            leveringsvorm="eenmalig_pgb",
            productcategorie="13",
            productcode="13B01",
            omschrijving="Traplift",
            omvang=None,
            indicatieId=None,
            aanbiederAgb=None,
            eigenBijdrage=False,
            eenmaligPgbId=p["id"],
        )
        del v["begindatum"], v["einddatum"]  # the start is the pgb's besluitdatum
        b = verzonden_beschikking(c, melding["id"], a["id"], v)
        mv = b["maatwerkvoorzieningen"][0]
        assert (mv["bedrag"], mv["kostprijs"], mv["begindatum"], mv["eigenBijdrage"]) == (
            "1750.00",
            "1750.00",
            "2026-03-20",
            False,
        )
        brief = c.get(f"/api/v1/beschikkingen/{b['id']}", headers={**GW, "Accept": "text/html"})
        assert brief.status_code == 200
        assert "geen eigen bijdrage" in brief.text and "€ 1.750,00" in brief.text

        rows: list[dict[str, Any]] = [
            r
            for r in feed(fin, "/api/v1/leveranciersbetalingen", FIN)
            if r["eenmaligPgbId"] == p["id"]
        ]
        assert [(r["bedrag"], r["leverancierNaam"]) for r in rows] == [
            ("1750.00", "Traplift Oosterwolde BV")
        ]

        def geregistreerd() -> list[dict[str, Any]]:
            r = post(fin, "/api/v1/cak-voorzieningen/_zoek", {"bsn": client["bsn"]}, FIN)
            return [x for x in ok(r, 200)["resultaten"] if x["beschikkingId"] == b["id"]]

        [register] = wacht_op(geregistreerd)
        assert (register["eenmaligPgbId"], register["eigenBijdrage"], register["gemeld"]) == (
            p["id"],
            False,
            False,
        )
        assert {"FIN-05", "FIN-08", "FIN-12"} <= {g["rule"] for g in register["regels"]}
        assert cak_mutaties(fin, b["id"]) == []  # registered, and nothing for the CAK

        # The beschikking is withdrawn before the supplier was paid: intake's outbox tells
        # finance, which cancels the payment with an entry in the same feed (the payment row
        # stays: a reader past it on its cursor gets the cancellation next).
        betaling = rows[0]
        i = ok(
            post(
                c,
                "/api/v1/beschikkingen",
                {
                    "meldingId": melding["id"],
                    "aanvraagId": None,
                    "soort": "intrekking",
                    "vorigeBeschikkingId": b["id"],
                    "besluitdatum": "2026-03-27",
                    "beeindigingsdatum": "2026-03-31",
                    "motivering": "De inwoner verhuist naar een woning met een slaapkamer beneden.",
                    "maatwerkvoorzieningen": [],
                },
            )
        )
        ok(post(c, f"/api/v1/beschikkingen/{i['id']}/verzendingen", {"verzenddatum": "2026-03-27"}))

        def geannuleerd() -> list[dict[str, Any]]:
            pagina = ok(
                fin.get(
                    "/api/v1/leveranciersbetalingen",
                    params={"cursor": str(betaling["volgnummer"]), "limit": 1000},
                    headers=FIN,
                ),
                200,
            )
            return [r for r in pagina["resultaten"] if r["eenmaligPgbId"] == p["id"]]

        [annulering] = wacht_op(geannuleerd)
        assert (annulering["soort"], annulering["bedrag"], annulering["annuleert"]) == (
            "annulering",
            "-1750.00",
            betaling["volgnummer"],
        )
        pgb = ok(fin.get(f"/api/v1/eenmalige-pgbs/{p['id']}", headers=FIN), 200)
        assert (pgb["betaalstatus"], pgb["beeindiging"]["beschikkingId"]) == (
            "geannuleerd",
            i["id"],
        )
        # the paying system is told no: the supplier is not to be paid
        r = fin.post(
            f"/api/v1/eenmalige-pgbs/{p['id']}/betalingen",
            json={"betaaldatum": "2026-04-02"},
            headers={**auth("systeem"), "If-Match": "*", "Idempotency-Key": str(uuid.uuid4())},
        )
        assert r.status_code == 409 and r.json()["code"] == "betaling-geannuleerd"
        [dossier_pgb] = ok(c.get(f"/api/v1/clienten/{client['id']}/dossier", headers=GW), 200)[
            "finance"
        ]["gegevens"]["eenmaligePgbs"]
        assert (dossier_pgb["betaalstatus"], dossier_pgb["leverancier"]) == (
            "geannuleerd",
            "Traplift Oosterwolde BV",
        )


def test_mantelzorgwaardering_aan_de_hulpvrager(stack: Stack) -> None:
    veere, beheer = auth("gebiedsteam", "0717"), auth("beheer", "0717")
    with stack.client("intake") as c:
        r = post(
            c,
            "/api/v1/beleidswaarden",
            {
                "sleutel": "mantelzorgwaardering-bedrag",
                "waarde": "200.00",
                "geldigVanaf": "2015-01-15",
                "toelichting": "Collegebesluit (e2e)",
            },
            beheer,
        )
        assert r.status_code in (201, 409), r.text
        client, melding, _ = case_to_aanvraag(c, veere)
        mz = ok(
            post(
                c,
                "/api/v1/mantelzorgers",
                {
                    "naam": "P. de Visser",
                    "clientId": client["id"],
                    "relatie": "zoon",
                    "belasting": "dreigend",
                    "meldingIds": [melding["id"]],
                },
                veere,
            )
        )
        w = ok(
            post(
                c,
                "/api/v1/mantelzorgwaarderingen",
                {
                    "mantelzorgerId": mz["id"],
                    "aanmelddatum": "2015-01-15",
                    "urenPerWeek": "9",
                    "zorgVan": "2014-01-01",
                    "vrijwilligeKeus": False,
                },
                veere,
            )
        )
        assert w["uitkomst"] == "toegekend"
        assert w["betaling"]["clientId"] == client["id"] and w["betaling"]["bedrag"] == "200.00"
        lijst = ok(
            c.get(
                "/api/v1/mantelzorgwaarderingen",
                params={"jaar": 2014, "limit": 500},
                headers=auth("financien", "0717"),
            ),
            200,
        )
        betaald = [x["id"] for x in lijst["resultaten"]]
        assert w["id"] in betaald
