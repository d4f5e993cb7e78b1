"""A synthetic feed over real HTTP, for the benchmark's ``--synthetic`` mode and the kill test:
rows are made from their volgnummer on request (no memory for the backlog), in the wire form of
``CakMutatie`` (finance), ``SvbToekenning`` (pgb) or ``ToewijzingFeedItem`` (intake); the cursor
is the last volgnummer delivered."""

from __future__ import annotations

import json
import operator
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PATH = "/api/v1/cak-mutaties"
SVB_PATH = "/api/v1/svb-toekenningen"
TOEWIJZING_PATH = "/api/v1/toewijzingen"
AGBS = ("12345678", "87654321", "11223344")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def bsn_for(n: int) -> str:
    """A valid (11-proef) BSN per number: 8 digits from n, the 9th digit completes the proef."""
    for k in range(n * 13, n * 13 + 13):
        base = str((k % 89_999_999) + 10_000_000)
        # the digits weighted 9..2 from the left (as ASCII: minus 44 weights times "0")
        check = (sum(map(operator.mul, base.encode(), _WEIGHTS)) - 44 * 48) % 11
        if check < 10:
            return f"{base}{check}"
    raise AssertionError("unreachable: one in 13 consecutive bases has a check digit")


def mutatie(n: int, gemeente: str = "0085") -> dict[str, Any]:
    return {
        "volgnummer": n,
        "soort": "start" if n % 5 else "stop",
        "gemeente": gemeente,
        "bsn": bsn_for(n),
        "geboortedatum": "1950-01-01",
        "huishoudenId": str(uuid.UUID(int=n)),
        "beschikkingId": str(uuid.UUID(int=(1 << 64) + n)),
        "maatwerkvoorzieningId": str(uuid.UUID(int=(2 << 64) + n)),
        "productcategorie": "01",
        "productcode": "01A01",
        "leveringsvorm": "zin",
        "ingangsdatum": "2026-01-01",
        "einddatum": None if n % 5 else "2026-12-31",
        "kostprijs": None,
        "abonnementstarief": "21.80",
        "geregistreerdOp": "2026-01-01T09:00:00+01:00",
    }


def toekenning(n: int, gemeente: str = "0085") -> dict[str, Any]:
    return {
        "volgnummer": n,
        "gemeente": gemeente,
        "bsn": bsn_for(n),
        "budgetId": str(uuid.UUID(int=(4 << 64) + n)),
        "versie": 1 + n % 3,
        "beschikkingId": str(uuid.UUID(int=(1 << 64) + n)) if n % 2 else None,
        "zorgfunctie": "02",
        "productcode": "02A01",
        "ingangsdatum": "2026-01-01",
        "einddatum": "2026-12-31",
        "bedrag": f"{n % 40_000}.{n % 100:02d}" if n % 7 else "0",
        "ingetrokken": not n % 7,
        "geregistreerdOp": "2026-01-01T09:00:00+01:00",
    }


def toewijzing(n: int, gemeente: str = "0085") -> dict[str, Any]:
    return {
        "volgnummer": n,
        "toewijzingnummer": str(100_000 + n),
        "opdrachtId": str(uuid.UUID(int=(5 << 64) + n)),
        "gemeente": gemeente,
        "aanbiederAgb": AGBS[n % len(AGBS)],
        "bsn": bsn_for(n),
        "geboortedatum": "1948-05-17",
        "geslacht": "2",
        "achternaam": "Berg",
        "voorletters": "A",
        "productcategorie": "02",
        "productcode": "02A01",
        "ingangsdatum": "2026-05-11",
        "einddatum": "2027-05-10",
        "omvang": {"volume": 2, "eenheid": "04", "frequentie": "2"} if n % 4 else None,
        "redenWijziging": None,
        "toewijzingsdatum": "2026-05-06",
        "geregistreerdOp": "2026-05-06T10:15:30+02:00",
    }


# ``toewijzing(n)`` as JSON from a template: the bench's feed shares the two cores with the
# export it measures, and json.dumps of the dict costs three times as much per row
_TOEWIJZING_JSON = (
    b'{"volgnummer":%d,"toewijzingnummer":"%d","opdrachtId":"00000000-0000-0005-%s",'
    b'"gemeente":"0085","aanbiederAgb":"%s","bsn":"%s","geboortedatum":"1948-05-17",'
    b'"geslacht":"2","achternaam":"Berg","voorletters":"A","productcategorie":"02",'
    b'"productcode":"02A01","ingangsdatum":"2026-05-11","einddatum":"2027-05-10",'
    b'"omvang":%s,"redenWijziging":null,"toewijzingsdatum":"2026-05-06",'
    b'"geregistreerdOp":"2026-05-06T10:15:30+02:00"}'
)
_OMVANG_JSON = b'{"volume":2,"eenheid":"04","frequentie":"2"}'
_AGBS_JSON = tuple(agb.encode() for agb in AGBS)


def toewijzing_json(n: int) -> bytes:
    """``json.dumps(toewijzing(n))`` in meaning (not in whitespace), for n below 2**64."""
    laag = f"{(n >> 48) & 0xFFFF:04x}-{n & 0xFFFF_FFFF_FFFF:012x}".encode()
    return _TOEWIJZING_JSON % (
        n,
        100_000 + n,
        laag,
        _AGBS_JSON[n % len(AGBS)],
        bsn_for(n).encode(),
        _OMVANG_JSON if n % 4 else b"null",
    )


# per kind: the path and a row; a kind in FAST_ROWS is rendered from its JSON template
FAST_ROWS: dict[str, Callable[[int], bytes]] = {"toewijzingen": toewijzing_json}

FEEDS: dict[str, tuple[str, Callable[[int], dict[str, Any]]]] = {
    "cak": (PATH, mutatie),
    "svb": (SVB_PATH, toekenning),
    "toewijzingen": (TOEWIJZING_PATH, toewijzing),
}


class SyntheticFeed:
    def __init__(self, total: int, *, delay: float = 0.0, kind: str = "cak") -> None:
        self.total = total
        path, make_row = FEEDS[kind]
        self.delay = delay  # seconds per page, to make a run long enough to interrupt
        self.pages_served = 0
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path != path:
                    self.send_error(404)
                    return
                query = parse_qs(url.query)
                cursor = int((query.get("cursor") or ["0"])[0] or 0)
                limit = int((query.get("limit") or ["100"])[0])
                body = feed.body(cursor, limit)
                if feed.delay:
                    time.sleep(feed.delay)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                feed.pages_served += 1

            def log_message(self, *_: Any) -> None:
                pass

        self._make_row = make_row
        self._row_json = FAST_ROWS.get(kind)
        self._ahead: dict[tuple[int, int], threading.Thread] = {}
        self._bodies: dict[tuple[int, int], bytes] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def render(self, cursor: int, limit: int) -> bytes:
        last = min(cursor + limit, self.total)
        if self._row_json is not None:
            rows = b",".join(map(self._row_json, range(cursor + 1, last + 1)))
            meer = b"true" if last < self.total else b"false"
            return b'{"resultaten":[%s],"volgendeCursor":"%d","meer":%s}' % (rows, last, meer)
        return json.dumps(
            {
                "resultaten": [self._make_row(n) for n in range(cursor + 1, last + 1)],
                "volgendeCursor": str(last),
                "meer": last < self.total,
            }
        ).encode()

    def body(self, cursor: int, limit: int) -> bytes:
        """The page, and the next one made ahead while the client works on this one, so that
        the benchmark measures the client rather than this server."""
        key = (cursor, limit)
        ahead = self._ahead.pop(key, None)
        if ahead is not None:
            ahead.join()
        body = self._bodies.pop(key, None) or self.render(cursor, limit)
        following = (min(cursor + limit, self.total), limit)
        if following[0] < self.total and following not in self._ahead:

            def make() -> None:
                self._bodies[following] = self.render(*following)

            self._ahead[following] = threading.Thread(target=make, daemon=True)
            self._ahead[following].start()
        return body

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> SyntheticFeed:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
