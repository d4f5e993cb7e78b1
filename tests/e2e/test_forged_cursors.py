"""A cursor is opaque to a client, but a client can forge one: every list and feed of the four
services answers a forged cursor with a 400 naming ``cursor`` (or a page, when the forgery
happens to be a position), never a 500. Found by a forged werkvoorraad-style cursor on
/iwmo-verzoeken, whose reference was taken for an id only when the query was built."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.support.live import Stack
from tests.support.stack import token
from wmo_shared.db.bootstrap import SERVICES

pytestmark = pytest.mark.e2e


def _b64(value: Any) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


FORGED = [
    _b64(v)
    for v in (
        [],
        [1],
        [None, None, None],
        ["9999-12-31", "zzz", "zzz"],
        ["0001-01-01", "a", "b"],
        ["2026-01-01", "onderzoek", "00000000-0000-0000-0000-000000000000/x"],
        ["2026-13-45", "a", "b"],
        ["v1", "2026-01-01", "geen-id"],
        ["v1", 5, [1]],
        ["l1", {"pgb": 5}],
        [10**30, "x"],
        [{"a": 1}],
        "v1:-1",
        "v1:99999999999999999999999",
        {"a": 1},
        b"\xff\xfe",
        b"[1,2",
    )
] + ["!!!", "====", "%00", "a" * 299, "²", "١٢٣"]


def _value(schema: dict[str, Any]) -> Any:
    """A plausible value for a required parameter (the list's other filters are not tested)."""
    schema = next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("type") == "integer":
        return schema.get("minimum", 1)
    return "2026-01-01" if schema.get("format") == "date" else "x"


def _cursor_lists(stack: Stack, svc: str) -> dict[str, dict[str, Any]]:
    """Each list with a cursor, with values for its other required query parameters."""
    with stack.client(svc) as c:
        doc = c.get("/api/v1/openapi.json").json()
    lists = {}
    for path, item in doc["paths"].items():
        params = item.get("get", {}).get("parameters", [])
        if "{" not in path and any(p["name"] == "cursor" for p in params):
            lists[path] = {
                p["name"]: _value(p.get("schema", {}))
                for p in params
                if p.get("required") and p["in"] == "query"
            }
    return lists


@pytest.mark.parametrize("svc", SERVICES)
def test_a_forged_cursor_is_a_400_naming_it_never_a_500(stack: Stack, svc: str) -> None:
    bearer = token("gebiedsteam,financien,beheer,systeem", "0717", sub="test-cursors")
    lists = _cursor_lists(stack, svc)
    assert lists, svc
    with stack.client(svc) as c:
        for path, required in lists.items():
            for cursor in FORGED:
                r = c.get(
                    f"/api/v1{path}",
                    params={**required, "cursor": cursor},
                    headers={"Authorization": f"Bearer {bearer}"},
                )
                assert r.status_code in (200, 400), (path, cursor, r.status_code, r.text)
                if r.status_code == 400:
                    names = [p["name"] for p in r.json().get("invalidParams", [])]
                    assert names == ["cursor"], (path, cursor, r.text)
