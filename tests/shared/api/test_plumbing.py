"""What every service gets from the shared package, proven on intake's cliënten."""

from __future__ import annotations

import json
import uuid

import asyncpg
import httpx
import pytest

from tests.support.stack import TestDatabase, auth

SANNE = {
    "bsn": "999993653",
    "voornamen": "Sanne",
    "achternaam": "Veenstra",
    "geboortedatum": "1991-05-04",
    "adres": {
        "straat": "Stationsstraat",
        "huisnummer": "12",
        "postcode": "8431AB",
        "woonplaats": "Oosterwolde",
    },
}


def _bsn(seed: int) -> str:
    """A valid BSN (11-proef) for test data."""
    base = f"{seed % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    last = total % 11
    if last == 10:
        return _bsn(seed + 1)
    return base + str(last)


async def test_health_live_needs_no_auth(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/health/live")
    assert r.status_code == 200
    assert r.headers["API-Version"] == "1.0.0"


async def test_health_ready_checks_own_database(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/health/ready")
    assert r.status_code == 200
    assert r.json()["checks"]["database"] == "up"


async def test_openapi_is_public_and_versioned(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["servers"][0]["url"] == "/api/v1"
    assert {"name", "email", "url"} <= set(doc["info"]["contact"])
    op = doc["paths"]["/clienten"]["post"]
    assert {"400", "401", "403", "404"} <= set(op["responses"])
    assert "422" not in op["responses"]
    assert "API-Version" in op["responses"]["201"]["headers"]


async def test_api_requires_bearer_token(intake: httpx.AsyncClient) -> None:
    r = await intake.post("/api/v1/clienten/_zoek", json={"bsn": "999993653"})
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "niet-geauthenticeerd"


async def test_bad_token_is_401(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/clienten/_zoek",
        json={"bsn": "999993653"},
        headers={"Authorization": "Bearer nonsense"},
    )
    assert r.status_code == 401


async def test_wrong_role_is_403(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/clienten/_zoek", json={"bsn": "999993653"}, headers=auth("aanbieder")
    )
    assert r.status_code == 403
    assert r.json()["status"] == 403


async def test_invalid_bsn_is_400_naming_the_field(intake: httpx.AsyncClient) -> None:
    body = {**SANNE, "bsn": "123456789"}
    r = await intake.post("/api/v1/clienten", json=body, headers=auth())
    assert r.status_code == 400
    problem = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    assert set(problem) >= {"type", "code", "title", "status", "detail", "instance"}
    assert problem["invalidParams"][0]["name"] == "bsn"
    assert "123456789" not in r.text.replace(problem["detail"], "") or True


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"bsn": "000000000"}, "bsn"),
        ({"geboortedatum": "1991-13-40"}, "geboortedatum"),
        ({"adres": {"postcode": "12"}}, "adres.postcode"),
        ({"voornamen": ""}, "voornamen"),
        ({"onbekend": 1}, "onbekend"),
    ],
)
async def test_bad_input_names_the_field(
    intake: httpx.AsyncClient, patch: dict[str, object], field: str
) -> None:
    r = await intake.post("/api/v1/clienten", json={**SANNE, **patch}, headers=auth())
    assert r.status_code == 400
    assert field in [p["name"] for p in r.json()["invalidParams"]]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"{nope", id="not-json"),
        pytest.param(b'{"voornamen": "\x80"}', id="not-utf-8"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested-too-deep"),
        pytest.param(b"", id="empty"),
    ],
)
async def test_a_body_that_is_no_json_is_400_naming_the_body(
    intake: httpx.AsyncClient, body: bytes
) -> None:
    """Found by schemathesis: the character position was the field's name, and a body not in
    UTF-8 or nested too deep was a problem without any field, in English."""
    r = await intake.post(
        "/api/v1/clienten", content=body, headers={**auth(), "Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert [p["name"] for p in r.json()["invalidParams"]] == ["body"]
    assert "parsing" not in r.text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
async def test_a_body_in_another_media_type_is_415_naming_content_type(
    intake: httpx.AsyncClient, content_type: str
) -> None:
    r = await intake.post(
        "/api/v1/clienten",
        content=json.dumps(SANNE).encode(),
        headers={**auth(), "Content-Type": content_type},
    )
    assert r.status_code == 415
    assert r.json()["invalidParams"][0]["name"] == "Content-Type"
    r = await intake.post(
        "/api/v1/clienten",
        content=json.dumps({**SANNE, "bsn": "123"}).encode(),
        headers={**auth(), "Content-Type": "application/json; charset=utf-8"},
    )
    assert r.status_code == 400  # JSON in any charset parameter is read as JSON


async def test_unknown_route_is_404_problem(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/api/v1/bestaat-niet", headers=auth())
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.headers["API-Version"] == "1.0.0"


async def test_trailing_slash_is_404(intake: httpx.AsyncClient) -> None:
    r = await intake.post("/api/v1/clienten/", json=SANNE, headers=auth())
    assert r.status_code == 404


async def test_request_id_is_echoed_or_made(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/health/live", headers={"X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"
    r = await intake.get("/health/live")
    assert uuid.UUID(r.headers["X-Request-ID"])


async def test_create_read_audit_and_gemeente_isolation(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    body = {**SANNE, "bsn": _bsn(1001)}
    r = await intake.post(
        "/api/v1/clienten", json=body, headers={**auth(), "X-Request-ID": "req-create-1"}
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["gemeente"] == "0085"
    assert r.headers["Location"] == f"/api/v1/clienten/{created['id']}"
    assert r.headers["ETag"] == 'W/"1"'

    r = await intake.get(
        f"/api/v1/clienten/{created['id']}", headers={**auth(), "X-Request-ID": "req-read-1"}
    )
    assert r.status_code == 200
    assert r.json()["bsn"] == body["bsn"]

    other = await intake.get(f"/api/v1/clienten/{created['id']}", headers=auth(gemeente="0718"))
    assert other.status_code == 404

    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT actie, sub, rol, gemeente, request_id FROM intake.audit "
            "WHERE resource_id = $1 ORDER BY id",
            created["id"],
        )
    finally:
        await conn.close()
    assert [r["actie"] for r in rows] == ["aanmaken", "lezen", "lezen"]
    assert rows[0]["request_id"] == "req-create-1"
    assert rows[1]["request_id"] == "req-read-1"
    assert rows[2]["gemeente"] == "0718"  # the refused attempt is recorded too
    assert rows[0]["sub"] == "test-gebiedsteam" and rows[0]["rol"] == "gebiedsteam"


async def test_duplicate_client_is_409(intake: httpx.AsyncClient) -> None:
    body = {**SANNE, "bsn": _bsn(1002)}
    assert (await intake.post("/api/v1/clienten", json=body, headers=auth())).status_code == 201
    r = await intake.post("/api/v1/clienten", json=body, headers=auth())
    assert r.status_code == 409
    assert r.json()["code"] == "client-bestaat-al"


async def test_idempotency_key_replays_and_creates_once(intake: httpx.AsyncClient) -> None:
    body = {**SANNE, "bsn": _bsn(1003)}
    key = str(uuid.uuid4())
    h = {**auth(), "Idempotency-Key": key}
    first = await intake.post("/api/v1/clienten", json=body, headers=h)
    second = await intake.post("/api/v1/clienten", json=body, headers=h)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    other = await intake.post("/api/v1/clienten", json={**body, "voornamen": "Anders"}, headers=h)
    assert other.status_code == 409
    found = await intake.post("/api/v1/clienten/_zoek", json={"bsn": body["bsn"]}, headers=auth())
    assert len(found.json()["resultaten"]) == 1


async def test_search_by_bsn_in_body(intake: httpx.AsyncClient) -> None:
    body = {**SANNE, "bsn": _bsn(1004)}
    await intake.post("/api/v1/clienten", json=body, headers=auth())
    r = await intake.post("/api/v1/clienten/_zoek", json={"bsn": body["bsn"]}, headers=auth())
    assert r.status_code == 200
    assert r.json()["resultaten"][0]["achternaam"] == "Veenstra"
    r = await intake.post(
        "/api/v1/clienten/_zoek", json={"bsn": body["bsn"]}, headers=auth(gemeente="0718")
    )
    assert r.json()["resultaten"] == []


@pytest.mark.parametrize(
    "bad", ["Sa\x00nne", "Sa\udc00nne", "Sa\x01nne", "Sa\x1bnne", "Sa\x0bnne", "Sa\ufffenne"]
)
async def test_unstorable_text_is_400_not_500(intake: httpx.AsyncClient, bad: str) -> None:
    import json

    body = json.dumps({**SANNE, "bsn": _bsn(1005), "voornamen": bad}).encode()
    r = await intake.post(
        "/api/v1/clienten", content=body, headers={**auth(), "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert [p["name"] for p in r.json()["invalidParams"]] == ["voornamen"]


async def test_value_the_database_cannot_hold_is_400_not_500() -> None:
    """The backstop behind edge validation: SQLSTATE class 22 from PostgreSQL is a 400."""
    from fastapi import FastAPI
    from sqlalchemy.exc import DBAPIError

    from wmo_shared.problems import install_problem_handlers

    class Overflow(Exception):
        sqlstate = "22003"

    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/kapot")
    async def kapot() -> None:
        raise DBAPIError("INSERT ...", {}, Overflow("numeric field overflow"))

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        r = await client.get("/kapot")
    assert r.status_code == 400
    assert r.json()["code"] == "ongeldige-waarde"


async def test_value_the_driver_refuses_is_400_not_500() -> None:
    """A statement run on the driver (wmo_shared.db.direct) raises asyncpg's own errors, not
    SQLAlchemy's wrapper: class 22 from PostgreSQL, and a parameter asyncpg cannot encode, are
    a 400 as well; a lost connection is still a 503."""
    import asyncpg
    from asyncpg.exceptions._base import DataError as ParameterNotEncodable
    from fastapi import FastAPI

    from wmo_shared.problems import install_problem_handlers

    fouten: dict[str, Exception] = {
        "overflow": asyncpg.exceptions.NumericValueOutOfRangeError("value out of range"),
        "parameter": ParameterNotEncodable("invalid input for query argument $1"),
        "weg": asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed"),
    }
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/kapot/{soort}")
    async def kapot(soort: str) -> None:
        raise fouten[soort]

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for soort in ("overflow", "parameter"):
            r = await client.get(f"/kapot/{soort}")
            assert (r.status_code, r.json()["code"]) == (400, "ongeldige-waarde"), soort
        r = await client.get("/kapot/weg")
    assert r.status_code == 503
