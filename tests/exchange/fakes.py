"""A fake of the services' feeds and import endpoints (httpx.MockTransport), for unit tests of
the CLI only: the services themselves are tested against PostgreSQL in tests/<svc>/api."""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from wmo_shared.types import is_valid_bsn

GEMEENTE = "0085"
AGB_A = "12345678"
AGB_B = "87654321"


def bsns() -> Iterator[str]:
    for n in itertools.count(10_000_000):
        for check in range(10):
            candidate = f"{n:08d}{check}"
            if is_valid_bsn(candidate):
                yield candidate
                break


def token(gemeente: str = GEMEENTE) -> str:
    """An unsigned JWT-shaped token: the fake does not verify, the CLI only reads the claim."""

    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none'})}.{part({'gemeente': gemeente, 'roles': ['systeem']})}.sig"


def _uuid(n: int, kind: int) -> str:
    return str(uuid.UUID(int=(kind << 64) + n))


GEREGISTREERD = "2026-05-06T10:15:30+02:00"


def cak_rows(n: int, start: int = 1) -> list[dict[str, Any]]:
    gen = bsns()
    return [
        {
            "volgnummer": i,
            "soort": "start" if i % 3 else "stop",
            "gemeente": GEMEENTE,
            "bsn": next(gen),
            "geboortedatum": "1948-05-17",
            "huishoudenId": _uuid(i, 1) if i % 2 else None,
            "beschikkingId": _uuid(i, 2),
            "maatwerkvoorzieningId": _uuid(i, 3),
            "productcategorie": "02",
            "productcode": "02A01",
            "leveringsvorm": "zin",
            "ingangsdatum": "2026-05-06",
            "einddatum": None if i % 3 else "2026-12-31",
            "kostprijs": None,
            "abonnementstarief": "21.80",
            "geregistreerdOp": GEREGISTREERD,
        }
        for i in range(start, start + n)
    ]


def tkb_rows(n: int, start: int = 1) -> list[dict[str, Any]]:
    gen = bsns()
    return [
        {
            "volgnummer": i,
            "gemeente": GEMEENTE,
            "bsn": next(gen),
            "budgetId": _uuid(i, 4),
            "versie": 1,
            "beschikkingId": _uuid(i, 2) if i % 2 else None,
            "zorgfunctie": "02",
            "productcode": "02A01",
            "ingangsdatum": "2026-01-01",
            "einddatum": "2026-12-31",
            "bedrag": "12345.6" if i % 2 else "0",
            "ingetrokken": not i % 2,
            "geregistreerdOp": GEREGISTREERD,
        }
        for i in range(start, start + n)
    ]


def toewijzing_rows(n: int, start: int = 1) -> list[dict[str, Any]]:
    gen = bsns()
    return [
        {
            "volgnummer": i,
            "toewijzingnummer": str(4700 + i),
            "opdrachtId": _uuid(i, 5),
            "gemeente": GEMEENTE,
            "aanbiederAgb": AGB_A if i % 2 else AGB_B,
            "bsn": next(gen),
            "geboortedatum": "1948-05-17",
            "geslacht": "2",
            "achternaam": "Berg",
            "voorletters": "A",
            "productcategorie": "02",
            "productcode": "02A01",
            "ingangsdatum": "2026-05-11",
            "einddatum": "2027-05-10",
            "omvang": {"volume": 2, "eenheid": "04", "frequentie": "2"},
            "redenWijziging": None,
            "toewijzingsdatum": "2026-05-06",
            "geregistreerdOp": GEREGISTREERD,
        }
        for i in range(start, start + n)
    ]


class Crash(BaseException):
    """Stands for the process being killed: nothing in the CLI catches it."""


@dataclass
class FakeServices:
    """Feeds keyed by path; the cursor is the last volgnummer delivered (opaque to the CLI)."""

    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    posts: dict[str, Callable[[httpx.Request], httpx.Response]] = field(default_factory=dict)
    fail_on_get: int | None = None  # the n-th GET (1-based) raises ``fail_with``
    fail_with: BaseException | None = None
    unavailable_from_get: int | None = None  # from the n-th GET on, answer 503

    @property
    def gets(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == "GET"]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "GET" and path in self.feeds:
            n = len(self.gets)
            if self.fail_on_get == n and self.fail_with is not None:
                raise self.fail_with
            if self.unavailable_from_get is not None and n >= self.unavailable_from_get:
                return httpx.Response(503, json={"title": "Service Unavailable", "status": 503})
            return self.page(path, request)
        if request.method == "POST" and path in self.posts:
            return self.posts[path](request)
        return httpx.Response(404, json={"title": "Not Found", "status": 404})

    def page(self, path: str, request: httpx.Request) -> httpx.Response:
        cursor = int(request.url.params.get("cursor") or 0)
        limit = int(request.url.params["limit"])
        rows = [r for r in self.feeds[path] if r["volgnummer"] > cursor]
        page = rows[:limit]
        next_cursor = page[-1]["volgnummer"] if page else cursor
        body = {"resultaten": page, "volgendeCursor": str(next_cursor), "meer": len(rows) > limit}
        return httpx.Response(200, json=body)


def today() -> dt.date:
    return dt.date(2026, 5, 6)
