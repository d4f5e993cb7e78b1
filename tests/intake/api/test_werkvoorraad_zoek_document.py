"""The werkvoorraad page and the search for cliënten are written by PostgreSQL (issue 17.3): the
answer is, key for key, in order and in every value's text, what the response model dumps
(``model_dump_json(by_alias=True)``) when it validates that answer; and what each value says is
what the model-built reads answer (a cliënt's GET, an ingebrekestelling's dwangsom) or what the
rules of the werkvoorraad give."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import asyncpg
import httpx
from pydantic import BaseModel

from tests.intake.api.helpers import GW, aanvraag, bsn, h, melding, onderzoek
from tests.support.stack import TestDatabase, auth
from wmo_intake.domain.termijnen import termijnstatus
from wmo_intake.schemas.werkvoorraad import WerkvoorraadList
from wmo_intake.schemas.zoekopdracht import ClientZoekresultaten
from wmo_intake.service.paginering import rang_cursor, termijn_cursor
from wmo_intake.service.termijnbewaking import AANBIEDERMELDINGEN

WV = "/api/v1/werkvoorraad"
ZOEK = "/api/v1/clienten/zoekopdrachten"
P = dt.date(2026, 4, 20)
LEGE_GEMEENTE = auth("gebiedsteam", "0996")


def is_het_model(response: httpx.Response, model: type[BaseModel]) -> dict[str, Any]:
    """The answer is exactly what ``model`` dumps of it, up to whitespace: the same keys in the
    same order, the same text of every value (a float 1.0, not 1)."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    compact = json.dumps(json.loads(response.content), ensure_ascii=False, separators=(",", ":"))
    assert compact == model.model_validate_json(response.content).model_dump_json(by_alias=True)
    return dict(response.json())


# (soort, the named term or None) → (rule, termijn), as the werkvoorraad publishes them
REGELS: dict[tuple[str, str | None], tuple[str | None, str | None]] = {
    ("onderzoek", None): ("INT-01", "onderzoekstermijn"),
    ("beschikking", None): ("INT-03", "beslistermijn"),
    ("zorgplan", None): ("AAN-02", None),
    ("herindicatie", None): (None, None),
    ("evaluatie", None): ("IND-11", None),
    ("bezwaar", None): ("AWB-7:10", "beslistermijn"),
    ("bezwaar", "hersteltermijn"): ("AWB-6:6", "hersteltermijn"),
    ("bezwaar", "hoorzitting"): ("AWB-7:2", "hoorzitting"),
    ("ingebrekestelling", None): ("AWB-4:17", "dwangsom"),
    ("klacht", None): ("AWB-9:11", "afhandeltermijn"),
    ("kwaliteitsbewijs", None): ("AAN-10", None),
    ("aanbiedermelding", None): (None, None),
    **{("aanbiedermelding", k): (rule, k) for k, rule in AANBIEDERMELDINGEN.items()},
    ("opzegging", None): ("AAN-06", "akkoord-opzegging"),
    ("vervolgopdracht", None): ("AAN-13", "andere-aanbieder"),
    ("iwmo-verzoek", None): ("IWMO-ANTWOORD", "antwoordtermijn"),
    ("iwmo-verzoek", "retourtermijn"): ("IWMO-RETOUR", "retourtermijn"),
}


async def test_werkvoorraad_document_is_het_model(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """Every soort and named term, with and without behandelaar, aanpassingen and dwangsom, in
    every state, on one page and over pages of 4; and an empty page."""
    sub = f"anna-{uuid.uuid4().hex[:8]}"
    anna = auth("gebiedsteam", sub=sub, name="Anna", team="Noord")
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    r = await intake.post(f"/api/v1/meldingen/{m['id']}/oppakkingen", json={}, headers=h(anna))
    assert r.status_code == 201, r.text
    r = await intake.post(
        f"/api/v1/aanvragen/{a['id']}/opschortingen",
        json={
            "grond": "aanvulling",
            "verzochtOp": "2026-03-18",
            "aanvullenUiterlijk": "2026-04-01",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    opschorting = r.json()["aanpassing"]["regels"]
    m2 = await melding(intake)
    await onderzoek(intake, m2["id"])
    a2 = await aanvraag(intake, m2["id"])
    r = await intake.post(
        "/api/v1/ingebrekestellingen",
        json={"aanvraagId": a2["id"], "ontvangstdatum": "2026-04-01"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    ig = r.json()["id"]
    r = await intake.get(
        f"/api/v1/ingebrekestellingen/{ig}", params={"peildatum": str(P)}, headers=GW
    )
    dwangsom = r.json()["dwangsom"]

    # The page's rows, in a gemeente of their own: every soort and named term, by the ids of
    # the objects above where the page reads something of them.
    def x() -> str:
        return str(uuid.uuid4())

    rijen: list[tuple[str, str | None, str, str | None, dt.date]] = []
    for n, ((soort, naam), _) in enumerate(REGELS.items()):
        ref = {"onderzoek": m["id"], "beschikking": a["id"], "ingebrekestelling": ig}.get(
            soort, x()
        )
        eigen = soort in ("onderzoek", "beschikking", "zorgplan", "bezwaar", "aanbiedermelding")
        rijen.append(
            (
                soort,
                m2["id"] if soort == "ingebrekestelling" else m["id"] if eigen else None,
                ref if naam is None else f"{ref}/{naam}",
                None if soort == "kwaliteitsbewijs" else m["clientId"],
                P + dt.timedelta(days=n % 9 - 2),  # verlopen, binnen 5 dagen and op tijd
            )
        )
    gemeente = "0997"
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.executemany(
            "INSERT INTO intake.werkvoorraad_taken (gemeente, soort, melding_id, referentie, "
            "client_id, uiterlijk) VALUES ($1, $2, $3, $4, $5, $6)",
            [
                (gemeente, s, mid and uuid.UUID(mid), ref, cid and uuid.UUID(cid), u)
                for s, mid, ref, cid, u in rijen
            ],
        )
        headers = auth("gebiedsteam", gemeente)
        alles = is_het_model(
            await intake.get(WV, params={"peildatum": str(P), "limit": 200}, headers=headers),
            WerkvoorraadList,
        )
        assert alles["peildatum"] == str(P) and alles["volgendeCursor"] is None
        items = alles["resultaten"]
        rijen.sort(key=lambda r: (r[4], r[0], r[2]))
        assert len(items) == len(rijen) == len(REGELS)
        for item, (soort, mid, ref, cid, uiterlijk) in zip(items, rijen, strict=True):
            naam = ref.split("/")[1] if "/" in ref else None
            assert (item["soort"], item["meldingId"], item["clientId"]) == (soort, mid, cid)
            assert item["referentieId"] == ref.split("/")[0]
            assert item["uiterlijk"] == str(uiterlijk)
            assert item["status"] == termijnstatus(uiterlijk, P).value
            assert (item["rule"], item["termijn"]) == REGELS[soort, naam], (soort, naam)
            mijn = mid == m["id"]
            assert item["behandelaar"] == ({"sub": sub, "naam": "Anna"} if mijn else None)
            assert item["team"] == ("Noord" if mijn else None)
            assert item["aanpassingen"] == (opschorting if soort == "beschikking" else [])
            assert item["dwangsom"] == (dwangsom if soort == "ingebrekestelling" else None)
        # pages of 4: the same items, each page's cursor after its last row
        gezien: list[dict[str, Any]] = []
        cursor = None
        while True:
            params = {"peildatum": str(P), "limit": 4, **({"cursor": cursor} if cursor else {})}
            pagina = is_het_model(
                await intake.get(WV, params=params, headers=headers), WerkvoorraadList
            )
            gezien += pagina["resultaten"]
            cursor = pagina["volgendeCursor"]
            if cursor is None:
                break
            soort, _, ref, _, uiterlijk = rijen[len(gezien) - 1]
            assert cursor == termijn_cursor(uiterlijk, soort, ref)
        assert gezien == items
        # a page of one soort only: one of its rows
        r = await intake.get(
            WV, params={"peildatum": str(P), "soort": "ingebrekestelling"}, headers=headers
        )
        assert [i["referentieId"] for i in is_het_model(r, WerkvoorraadList)["resultaten"]] == [ig]
    finally:
        await conn.execute("DELETE FROM intake.werkvoorraad_taken WHERE gemeente = $1", gemeente)
        await conn.close()
    leeg = is_het_model(
        await intake.get(WV, params={"peildatum": str(P)}, headers=LEGE_GEMEENTE), WerkvoorraadList
    )
    assert leeg == {"peildatum": str(P), "resultaten": [], "volgendeCursor": None}


async def test_zoek_document_is_het_model(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    """Cliënten active, deceased and moved away, with and without address; by name (with a
    match of 1.0 and less), over pages, by BSN, and an empty page. Each cliënt is what its GET
    answers (``client_read``), key for key."""
    naam = f"Documentstra{uuid.uuid4().hex[:6]}"
    ids: list[str] = []
    bsns: list[str] = []
    for n, extra in enumerate(
        (
            {
                "adres": {
                    "straat": "Kerkstraat",
                    "huisnummer": "1a",
                    "postcode": "8431AB",
                    "woonplaats": "Oosterwolde",
                },
                "telefoon": "0612345678",
                "email": "a@example.nl",
            },
            {},
            {"adres": {"woonplaats": "Makkinga"}},
            {},
        )
    ):
        bsns.append(bsn())
        body = {
            "bsn": bsns[-1],
            "voornamen": "Jo",
            "achternaam": naam + "x" * n,
            "geboortedatum": "1950-02-03",
            **extra,
        }
        r = await intake.post("/api/v1/clienten", json=body, headers=h())
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "UPDATE intake.clienten SET overleden_op = '2026-03-01' WHERE id = $1",
            uuid.UUID(ids[1]),
        )
        await conn.execute(
            "UPDATE intake.clienten SET vertrokken_op = '2026-04-01', nieuwe_gemeente = '0363' "
            "WHERE id = $1",
            uuid.UUID(ids[2]),
        )
    finally:
        await conn.close()
    gelezen = {}
    for id_ in ids:
        r = await intake.get(f"/api/v1/clienten/{id_}", headers=GW)
        assert r.status_code == 200
        gelezen[id_] = json.loads(r.content, object_pairs_hook=list)

    gezien: list[dict[str, Any]] = []
    cursor = None
    while True:
        body = {"naam": f"Jo {naam}", "limit": 2, **({"cursor": cursor} if cursor else {})}
        pagina = is_het_model(await intake.post(ZOEK, json=body, headers=GW), ClientZoekresultaten)
        gezien += pagina["resultaten"]
        cursor = pagina["volgendeCursor"]
        if cursor is None:
            break
        laatste = pagina["resultaten"][-1]
        assert cursor == rang_cursor(round(laatste["overeenkomst"] * 1000), laatste["client"]["id"])
    assert sorted(r["client"]["id"] for r in gezien) == sorted(ids)
    assert gezien[0]["client"]["id"] == ids[0] and gezien[0]["overeenkomst"] == 1.0
    assert {r["client"]["status"] for r in gezien} == {"actief", "overleden", "vertrokken"}
    for r in gezien:
        assert 0 < r["overeenkomst"] <= 1
        client = json.loads(json.dumps(r["client"]), object_pairs_hook=list)
        assert client == gelezen[r["client"]["id"]]

    r = is_het_model(
        await intake.post(ZOEK, json={"bsn": bsns[0]}, headers=GW), ClientZoekresultaten
    )
    assert [(x["client"]["id"], x["overeenkomst"]) for x in r["resultaten"]] == [(ids[0], None)]
    assert r["volgendeCursor"] is None
    leeg = is_het_model(
        await intake.post(ZOEK, json={"bsn": bsns[0]}, headers=LEGE_GEMEENTE), ClientZoekresultaten
    )
    assert leeg == {"resultaten": [], "volgendeCursor": None}
