"""structlog set-up: JSON lines in production, console in development; a BSN never reaches a log.

The masking processor replaces the value of any key that names a BSN, and any 9-digit number
that passes the 11-proef anywhere in a string value: BSNs leak through messages and
exception texts too, not only through well-named fields.
"""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog
from structlog.typing import EventDict, WrappedLogger

from wmo_shared.types import is_valid_bsn

BSN_KEYS = frozenset({"bsn", "burgerservicenummer", "bsn_client", "client_bsn", "clientBsn"})
MASK = "*********"
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def _mask_text(text: str) -> str:
    return _NINE_DIGITS.sub(lambda m: MASK if is_valid_bsn(m.group()) else m.group(), text)


def _mask(value: Any) -> Any:
    if isinstance(value, str):
        return _mask_text(value)
    if isinstance(value, dict):
        return {k: (MASK if k in BSN_KEYS else _mask(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_mask(v) for v in value)
    return value


def mask_bsn(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    for key, value in list(event_dict.items()):
        if key in BSN_KEYS:
            event_dict[key] = MASK
        else:
            event_dict[key] = _mask(value)
    return event_dict


def configure_logging(*, json_logs: bool = True, level: str = "INFO") -> None:
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        mask_bsn,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer() if json_logs else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    # uvicorn's and other libraries' stdlib logs go through the same masking.
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                mask_bsn,
                renderer,
            ],
            foreign_pre_chain=[
                structlog.processors.add_log_level,
                structlog.processors.TimeStamper(fmt="iso", utc=True),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    logging.getLogger(
        "uvicorn.access"
    ).disabled = True  # our own access log is in the middleware-free path
