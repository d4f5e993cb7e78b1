"""A synthetic CAK mutation feed over real HTTP, for the benchmark's ``--synthetic`` mode and
the kill test: rows are made from their volgnummer on request (no memory for the backlog), in
the wire form of ``CakMutatie``; the cursor is the last volgnummer delivered."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PATH = "/api/v1/cak-mutaties"


def bsn_for(n: int) -> str:
    """A valid (11-proef) BSN per number: 8 digits from n, the 9th digit completes the proef."""
    for k in range(n * 13, n * 13 + 13):
        base = f"{(k % 89_999_999) + 10_000_000:08d}"
        total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return base + str(check)
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


class SyntheticFeed:
    def __init__(self, total: int, *, delay: float = 0.0) -> None:
        self.total = total
        self.delay = delay  # seconds per page, to make a run long enough to interrupt
        self.pages_served = 0
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path != PATH:
                    self.send_error(404)
                    return
                query = parse_qs(url.query)
                cursor = int((query.get("cursor") or ["0"])[0] or 0)
                limit = int((query.get("limit") or ["100"])[0])
                last = min(cursor + limit, feed.total)
                body = json.dumps(
                    {
                        "resultaten": [mutatie(n) for n in range(cursor + 1, last + 1)],
                        "volgendeCursor": str(last),
                        "meer": last < feed.total,
                    }
                ).encode()
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

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> SyntheticFeed:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()
