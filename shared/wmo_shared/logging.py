"""structlog set-up: JSON lines in production, console in development; a BSN or a bearer token
never reaches a log line, in either format.

The masking processor replaces the value of any key that names a BSN or a credential, any
9-digit number that passes the 11-proef anywhere in a string value, and any bearer token or JWT
in a string: BSNs and tokens leak through messages and exception texts too, not only through
well-named fields.

Exceptions are rendered without local variables (a frame's locals hold request bodies and the
Authorization header) and before the masking: plain text in the console format, structlog's
dict tracebacks in JSON. The standard library's loggers — uvicorn's "Exception in ASGI
application" among them — go through the same chain, so no record takes a way around it.
Rich's pretty tracebacks (which print locals) are never used.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog
from structlog.tracebacks import ExceptionDictTransformer
from structlog.typing import EventDict, Processor, WrappedLogger

from wmo_shared.types import is_valid_bsn

BSN_KEYS = frozenset({"bsn", "burgerservicenummer", "bsn_client", "client_bsn", "clientBsn"})
SECRET_KEYS = frozenset({"authorization", "token", "access_token", "id_token", "password"})
MASK = "*********"
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|\+)[^\s'\",;)\]}]+")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


def _mask_text(text: str) -> str:
    text = _BEARER.sub(lambda m: f"{m.group(1)} {MASK}", text)
    text = _JWT.sub(MASK, text)
    return _NINE_DIGITS.sub(lambda m: MASK if is_valid_bsn(m.group()) else m.group(), text)


def _hidden(key: object) -> bool:
    return isinstance(key, str) and (key in BSN_KEYS or key.lower() in SECRET_KEYS)


def _mask(value: Any) -> Any:
    if isinstance(value, str):
        return _mask_text(value)
    if isinstance(value, dict):
        return {k: (MASK if _hidden(k) else _mask(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_mask(v) for v in value)
    if isinstance(value, bytes | bytearray):
        return _mask_text(bytes(value).decode("utf-8", "replace"))
    return value


def mask_sensitive(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    """BSNs and credentials out of every value of the event (nested ones included)."""
    for key, value in list(event_dict.items()):
        if key == "exc_info":
            continue  # rendered (and then masked) by the exception processor before this one
        event_dict[key] = MASK if _hidden(key) else _mask(value)
    return event_dict


mask_bsn = mask_sensitive  # the name it had when it masked BSNs only


def _exception_renderer(json_logs: bool) -> Processor:
    """An exception as text or as a dict, never with the frames' local variables."""
    if json_logs:
        return structlog.processors.ExceptionRenderer(
            ExceptionDictTransformer(show_locals=False, use_rich=False)
        )
    return structlog.processors.format_exc_info  # traceback.format_exception: no locals


def _mask_request_id(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    rid = event_dict.get("request_id")
    if isinstance(rid, str):
        event_dict["request_id"] = _mask_text(rid)
    return event_dict


class AccessLog:
    """The access log: one line per request through a short chain of its own (issue 17.3).

    The full chain (every value scanned for BSNs and tokens) cost about a tenth of an audited
    read's CPU. An access line holds only values the middleware chose: the method, the route
    template (from the code, never the path), the status, the duration, the role and gemeente
    of a verified token, and the request id — the one value a client chooses, so the one that
    is masked. Same output stream, format, level and timestamp as every other line."""

    def __init__(self) -> None:
        self._logger: Any = structlog.get_logger("wmo.access")

    def configure(self, renderer: Processor, level: str) -> None:
        self._logger = structlog.wrap_logger(
            structlog.PrintLogger(sys.stdout),
            processors=[
                structlog.processors.add_log_level,
                structlog.processors.TimeStamper(fmt="iso", utc=True),
                _mask_request_id,
                renderer,
            ],
            wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
            cache_logger_on_first_use=True,
        )

    def info(self, event: str, **fields: Any) -> None:
        self._logger.info(event, **fields)


access_log = AccessLog()


def configure_logging(*, json_logs: bool = True, level: str = "INFO") -> None:
    renderer: Processor = (
        structlog.processors.JSONRenderer()
        if json_logs
        else structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)
    )
    # One chain for structlog's own loggers and for the standard library's records: exceptions
    # become text (or dicts) without locals, then everything is masked, then rendered.
    tail: list[Processor] = [_exception_renderer(json_logs), mask_sensitive, renderer]
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            *tail,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    access_log.configure(renderer, level)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *tail],
            foreign_pre_chain=[
                structlog.contextvars.merge_contextvars,
                structlog.stdlib.add_logger_name,
                structlog.processors.add_log_level,
                structlog.processors.TimeStamper(fmt="iso", utc=True),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # uvicorn configures its own handlers before it calls the app factory: take them away, so
    # its records ("Exception in ASGI application" with its traceback) reach the root handler.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.asgi"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    # uvicorn's access log prints query strings (a BSN may be in one): off.
    logging.getLogger("uvicorn.access").disabled = True
