"""The one retry policy of every HTTP call this code base makes to a service: the inter-service
client (``wmo_shared.client``) and the exchange CLI (``wmo_exchange.http``).

Pure: no I/O, no clock, no httpx. The callers own the loop and the sleeping (one async, one
sync) and share its shape::

    attempts = policy.attempts(method, headers)
    for attempt in range(attempts):
        if attempt:
            sleep(policy.delay(attempt))
        send; on a network error, or a 5xx (retryable_status) with tries left: continue

This module decides how often to try, how long to wait in between and which outcomes are
worth another try:

- only a call that is safe to repeat is retried: an idempotent method (GET, HEAD, PUT, DELETE,
  OPTIONS) or a write carrying an ``Idempotency-Key``; a POST or PATCH without one is sent once;
- only a network error or a 5xx answer is retried, never a 4xx (a 4xx does not heal by itself);
- between tries exponential back-off with jitter, capped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
IDEMPOTENCY_KEY = "idempotency-key"


def repeatable(method: str, headers: Iterable[str] | None = None) -> bool:
    """May this call be sent more than once? ``headers``: the header names sent with it."""
    if method.upper() in IDEMPOTENT_METHODS:
        return True
    return any(name.lower() == IDEMPOTENCY_KEY for name in headers or ())


def retryable_status(status: int) -> bool:
    """A 5xx may heal (a restart, a failover); a 4xx is the caller's to fix, never retried."""
    return 500 <= status < 600


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``retries``: tries after the first; ``backoff``: the base delay in seconds, doubled per
    retry, times a random factor in [1, 2) so callers that failed together do not come back
    together; ``max_delay``: the cap of one wait."""

    retries: int = 3
    backoff: float = 0.2
    max_delay: float = 10.0

    def __post_init__(self) -> None:
        if self.retries < 0 or self.backoff < 0 or self.max_delay < 0:
            raise ValueError("retries, backoff and max_delay cannot be negative")

    def attempts(self, method: str, headers: Iterable[str] | None = None) -> int:
        """How many times a call may be sent in all."""
        return self.retries + 1 if repeatable(method, headers) else 1

    def delay(self, retry: int, rand: Callable[[], float] = random.random) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first retry)."""
        if retry < 1:
            raise ValueError("retry counts from 1")
        return min(self.max_delay, self.backoff * 2.0 ** (retry - 1) * (1 + rand()))

    def with_retries(self, retries: int) -> RetryPolicy:
        return RetryPolicy(retries=retries, backoff=self.backoff, max_delay=self.max_delay)
