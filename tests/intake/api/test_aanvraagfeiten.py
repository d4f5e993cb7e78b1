"""``GET /aanvragen/{id}/feiten`` (issue 12.1/12.2): the aanvraag as the contract indicatie and
pgb check against — its cliënt, and what the onderzoek's afwegingsladder concluded."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
import pytest

from tests.intake.api.helpers import bsn
from tests.support.aanvragen import Conclusie, echte_aanvraag
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import AanvraagFeiten


def _url(aanvraag_id: str) -> str:
    return f"/api/v1/aanvragen/{aanvraag_id}/feiten"


@pytest.mark.parametrize(
    ("conclusie", "nodig", "af"),
    [("maatwerk", True, True), ("geen_maatwerk", False, True), ("onvolledig", None, False)],
)
async def test_de_conclusie_van_de_afwegingsladder(
    intake: httpx.AsyncClient, conclusie: Conclusie, nodig: bool | None, af: bool
) -> None:
    cliënt = bsn()
    a = await echte_aanvraag(intake, cliënt, conclusie=conclusie)
    r = await intake.get(_url(a["id"]), headers=auth("systeem"))
    assert r.status_code == 200, r.text
    feiten = AanvraagFeiten.model_validate(r.json())
    assert (str(feiten.aanvraag_id), str(feiten.melding_id)) == (a["id"], a["meldingId"])
    assert (feiten.bsn, feiten.gemeente, str(feiten.ontvangstdatum)) == (
        cliënt,
        "0085",
        "2026-03-16",
    )
    assert (feiten.maatwerkvoorziening_nodig, feiten.onderzoek_af) == (nodig, af)


async def test_zonder_onderzoek_geen_conclusie(intake: httpx.AsyncClient) -> None:
    a = await echte_aanvraag(intake, bsn())
    r = await intake.get(_url(a["id"]), headers=auth("gebiedsteam"))
    assert r.status_code == 200, r.text
    assert (r.json()["maatwerkvoorzieningNodig"], r.json()["onderzoekAf"]) == (None, False)


async def test_eigen_gemeente_rollen_en_audit(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    a = await echte_aanvraag(intake, bsn(), conclusie="maatwerk")
    assert (await intake.get(_url(a["id"]), headers=auth("systeem", "0718"))).status_code == 404
    assert (await intake.get(_url(str(uuid.uuid4())), headers=auth("beheer"))).status_code == 404
    for rol in ("aanbieder", "clientondersteuner", "financien"):
        assert (await intake.get(_url(a["id"]), headers=auth(rol))).status_code == 403, rol
    assert (await intake.get(_url(a["id"]), headers=auth("beheer"))).status_code == 200
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rollen = await conn.fetch(
            "SELECT rol FROM intake.audit WHERE resource_type = 'aanvraag' "
            "AND resource_id = $1 AND actie = 'lezen' ORDER BY id",
            a["id"],
        )
    finally:
        await conn.close()
    assert [r["rol"] for r in rollen] == ["beheer"]
