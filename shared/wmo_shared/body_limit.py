"""How large a request body a route reads, and what shape its JSON may have.

A body larger than its route takes is refused with a 413 problem naming the body, before it is
read into memory (a declared Content-Length above the limit) or as soon as the bytes read pass
it (a chunked body). The service's limit (``max_body_bytes``) lets an absurd JSON value still be
read, so its 400 names the field; a route may have a limit of its own, by its route template (a
provider's iWmo message).

Why not Starlette's ``max_body_size`` (which FastAPI passes on): its limiter answers with a
``text/plain`` 413 of its own, from outside the application's problem handlers and in place of
any response they send, so the answer would not be the problem+json every route publishes.
Raised from ``receive`` as an HTTPException, FastAPI lets it through to those handlers
(``wmo_shared.middleware`` counts; ``wmo_shared.problems`` answers).

A complete JSON body is read once more, as a stream of events that holds no value (ijson's C
backend; a write's JSON is kilobytes: ~8 µs), before FastAPI parses it into Python objects,
which cost many times the body's size: 5.5 MB naming 400,000 unknown keys held 645 MB of a
worker, 32 MiB of ``[{},{},…]`` would hold 700 MB. Refused, each a 400 naming where:

- a key an object names twice (``{"bsn": "…", "bsn": "…"}``): Python keeps the last value, other
  parsers the first, so a gateway that checked one value and this service that stores another
  would disagree about the same request (``dubbele-sleutel``, naming the key);
- an object of more than ``MAX_MEMBERS`` keys, more than ``MAX_KEYS`` keys in all, an array of
  more than ``MAX_ITEMS`` items, or more than ``MAX_VALUES`` values in all (no route takes as
  many: the largest, an SVB budgetafsluitbericht of 10,000 lines, has 40,000 keys and 90,000
  values) and nesting deeper than ``MAX_DEPTH``. Each names the object or array, or the body
  (``te-veel-velden``, ``te-lang``, ``te-diep``).

What yajl does not read but Python's parser does (NaN, a lone surrogate) is counted roughly for
the bounds on keys and values, naming the body, and then, so bounded, parsed for a key named
twice; a body that is no JSON at all is left to FastAPI, which answers it naming the body."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Mapping
from typing import Any

import ijson
from starlette.exceptions import HTTPException


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"De inhoud is groter dan de {limit} bytes die deze bron aanneemt.")
        self.limit = limit


MAX_MEMBERS = 1_000
MAX_KEYS = 60_000
MAX_ITEMS = 100_000
MAX_VALUES = 500_000
MAX_DEPTH = 64


class JsonVorm(HTTPException):
    """A JSON body refused for its shape: the field it names (a dotted path as invalidParams
    names fields, ``body`` for the whole) and a stable code."""

    def __init__(self, naam: str, code: str, detail: str) -> None:
        super().__init__(400, detail)
        self.naam = naam[:200]  # a client's keys, named in the answer and the log line
        self.code = code


class DubbeleSleutel(JsonVorm):
    def __init__(self, sleutel: str) -> None:
        sleutel = sleutel[:100]
        super().__init__(
            sleutel,
            "dubbele-sleutel",
            f"De sleutel {sleutel!r} staat twee keer in hetzelfde object.",
        )


class _Level:
    """An object or array being read: its path, its keys (an object) or items (an array)."""

    __slots__ = ("items", "keys", "pad")

    def __init__(self, pad: str, is_object: bool) -> None:
        self.pad = pad
        self.items = 0
        self.keys: set[str] | None = set() if is_object else None


def _in(level: _Level) -> str:
    return f" in {level.pad}" if level.pad else " in de inhoud"


def _te_lang(stack: list[_Level], detail: str) -> JsonVorm:
    """The body holds too much in all: named by the innermost list it is in (the field a
    client made too long), else the body."""
    lijst = next((level.pad for level in reversed(stack) if level.keys is None), "")
    return JsonVorm(lijst or "body", "te-lang", detail)


def _join(pad: str, part: str) -> str:
    return f"{pad}.{part}" if pad else part


def check_json_shape(body: bytes) -> None:
    """Raises ``JsonVorm`` for the first thing in ``body`` past the bounds above."""
    stack: list[_Level] = []
    key = ""
    values = keys = 0
    try:
        for event, value in ijson.basic_parse(body):
            top = stack[-1] if stack else None
            if event == "map_key":
                assert top is not None and top.keys is not None  # keys are read in an object
                if value in top.keys:
                    raise DubbeleSleutel(value)
                top.keys.add(value)
                keys += 1
                if len(top.keys) > MAX_MEMBERS:
                    detail = f"Meer dan {MAX_MEMBERS} velden{_in(top)}."
                    raise JsonVorm(top.pad or "body", "te-veel-velden", detail)
                if keys > MAX_KEYS:
                    raise _te_lang(stack, f"Meer dan {MAX_KEYS} velden in de inhoud.")
                key = value
                continue
            if event in ("end_map", "end_array"):
                stack.pop()
                continue
            values += 1
            if values > MAX_VALUES:
                raise _te_lang(stack, f"Meer dan {MAX_VALUES} waarden in de inhoud.")
            if top is not None and top.keys is None:
                top.items += 1
                if top.items > MAX_ITEMS:
                    raise JsonVorm(
                        top.pad or "body", "te-lang", f"Meer dan {MAX_ITEMS} elementen{_in(top)}."
                    )
            if event in ("start_map", "start_array"):  # its path, for what it may hold
                if top is None:
                    pad = ""
                else:
                    pad = _join(top.pad, key if top.keys is not None else str(top.items - 1))
                stack.append(_Level(pad, event == "start_map"))
                if len(stack) > MAX_DEPTH:
                    raise JsonVorm("body", "te-diep", f"Dieper genest dan {MAX_DEPTH} niveaus.")
    except (ijson.JSONError, ValueError):  # ValueError: a lone surrogate, which yajl refuses
        # What yajl refuses Python's parser may still read (NaN, a lone surrogate), all of it:
        # counted roughly instead, so nothing after the refused spot escapes the bounds.
        _check_roughly(body)
        _check_unique_keys(body)


# A string (to its end, or to the end of the body when it never ends: linear) or a token that
# starts a value, a member or an item.
_TOKEN = re.compile(rb'"(?:[^"\\]++|\\.)*+(?:"|\Z)|[\[{,:]', re.DOTALL)


def _check_roughly(body: bytes) -> None:
    """The bounds on keys and values in all, naming the body, for JSON yajl does not read."""
    keys = values = 0
    for match in _TOKEN.finditer(body):
        char = body[match.start()]
        if char == 0x3A:  # ":"
            keys += 1
            if keys > MAX_KEYS:
                raise JsonVorm("body", "te-veel-velden", f"Meer dan {MAX_KEYS} velden.")
        elif char != 0x22:  # not a string
            values += 1
            if values > MAX_VALUES:
                raise JsonVorm("body", "te-lang", f"Meer dan {MAX_VALUES} waarden.")


def _enkelvoudig(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(paren)
    if len(obj) != len(paren):
        gezien: set[str] = set()
        for sleutel, _ in paren:
            if sleutel in gezien:
                raise DubbeleSleutel(sleutel)
            gezien.add(sleutel)
    return obj


def _check_unique_keys(body: bytes) -> None:
    """A key named twice, found by Python's own parser (what yajl did not read)."""
    try:
        json.loads(body, object_pairs_hook=_enkelvoudig)
    except (ValueError, RecursionError):  # DubbeleSleutel is no ValueError: it passes
        return


class LargeBodyBusy(HTTPException):
    """No room to read another large body now: a 503 with Retry-After."""

    code = "grote-inhoud-bezet"

    def __init__(self, threshold: int, slots: int) -> None:
        super().__init__(
            503,
            f"Deze dienst leest al {slots} berichten van meer dan {threshold} bytes tegelijk. "
            "Stuur dit bericht na Retry-After opnieuw.",
            headers={"Retry-After": str(LARGE_BODY_RETRY_SECONDS)},
        )


LARGE_BODY_WAIT_SECONDS = 10.0
LARGE_BODY_RETRY_SECONDS = 5


class LargeBodies:
    """At most ``slots`` requests of one worker read a body above ``threshold`` bytes at once.

    A body costs a worker several times its size while it is read, parsed and validated: 32
    authenticated requests of 10 MB at once took a worker from 154 to 433 MB (the chart's limit
    is 320Mi), where one alone costs ~50 MB. A request whose body is larger (declared,
    or counted as it arrives) waits up to ``LARGE_BODY_WAIT_SECONDS`` for a slot before its
    body is read, holding no more of it than the server buffers, and is answered 503 with
    Retry-After when none frees up. Bodies below the threshold (a case's JSON is kilobytes)
    never wait. The slot is held until the request is answered: its objects live that long."""

    def __init__(self, threshold: int, slots: int) -> None:
        self.threshold = threshold
        self.slots = slots
        self._free = asyncio.Semaphore(slots)

    async def enter(self) -> None:
        try:
            async with asyncio.timeout(LARGE_BODY_WAIT_SECONDS):
                await self._free.acquire()
        except TimeoutError:
            raise LargeBodyBusy(self.threshold, self.slots) from None

    def leave(self) -> None:
        self._free.release()


class BodyLimits:
    """The service's default limit and the routes (by template) that take more or less; how
    many large bodies a worker reads at once (``large``)."""

    def __init__(
        self,
        default: int,
        per_route: Mapping[str, int] | None = None,
        large: LargeBodies | None = None,
    ) -> None:
        self.default = default
        self.per_route = dict(per_route or {})
        self.large = large

    def limit(self, template: str) -> int:
        return self.per_route.get(template, self.default)


class BodyCounter:
    """The bytes of one request's body read so far, against its route's limit; a JSON body
    is checked for keys named twice once it is complete."""

    __slots__ = ("_chunks", "_limit", "_read")

    def __init__(self, limit: int, declared: int | None, is_json: bool) -> None:
        if declared is not None and declared > limit:
            raise BodyTooLarge(limit)  # not one byte of it is read
        self._limit = limit
        self._read = 0
        self._chunks: list[bytes] | None = [] if is_json else None

    @property
    def read(self) -> int:
        return self._read

    def count(self, chunk: bytes, complete: bool) -> None:
        self._read += len(chunk)
        if self._read > self._limit:
            raise BodyTooLarge(self._limit)
        if self._chunks is None:
            return
        self._chunks.append(chunk)
        if complete:
            body = self._chunks[0] if len(self._chunks) == 1 else b"".join(self._chunks)
            self._chunks = None
            if body:
                check_json_shape(body)


def declared_length(value: bytes) -> int | None:
    """A Content-Length header's value; None when it is no number (the server refuses those)."""
    return int(value) if value.isdigit() else None
