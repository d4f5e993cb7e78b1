"""Prometheus metrics of every service (prometheus-client), scraped at ``GET /metrics``.

Per request (recorded by the middleware): count and latency per route template and status —
never the raw path, which would hold ids. Per scrape: the database pool in use and, per
destination, the outbox depth, the age of the oldest undelivered event and the parked events
an operator must look at, and per feed and gemeente how far its reader is (the dashboard and
alert rules are in ``deploy/helm/wmo/files/``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from fastapi import APIRouter, Request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from starlette.responses import Response

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "wmo_http_requests",
    "HTTP-verzoeken per route en status",
    ["service", "method", "route", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "wmo_http_request_duration_seconds",
    "Duur van HTTP-verzoeken per route",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
POOL_IN_USE = Gauge(
    "wmo_db_pool_connections_in_use",
    "Databaseverbindingen in gebruik",
    ["service"],
    registry=REGISTRY,
)
POOL_SIZE = Gauge(
    "wmo_db_pool_connections", "Databaseverbindingen in de pool", ["service"], registry=REGISTRY
)


WERKVOORRAAD_VERLOPEN = Gauge(
    "wmo_werkvoorraad_termijnen_verlopen",
    "Open termijnen in de werkvoorraad waarvan de uiterste datum voorbij is, per gemeente en soort",
    ["gemeente", "soort"],
    registry=REGISTRY,
)

BRIEFPROCES = Counter(
    "wmo_brief_proces_gebeurtenissen",
    "Het briefproces van een worker: gestart, gestopt terwijl het brieven had, of een brief in "
    "een thread van de worker omdat geen briefproces te starten was",
    ["service", "gebeurtenis"],
    registry=REGISTRY,
)

# How far each feed's reader is, per gemeente (wmo_shared.feeds).
FEED_OLDEST_UNREAD = Gauge(
    "wmo_feed_oldest_unread_seconds",
    "Leeftijd van het oudste item dat de lezer van de feed nog niet heeft opgehaald",
    ["service", "feed", "gemeente"],
    registry=REGISTRY,
)
FEED_LAST_READ = Gauge(
    "wmo_feed_last_read_timestamp_seconds",
    "Wanneer de lezer van de feed voor het laatst een pagina vroeg",
    ["service", "feed", "gemeente"],
    registry=REGISTRY,
)


ScrapeHook = Callable[[Any], Awaitable[None]]
"""Run at every scrape with the app (``app.state.scrape_hooks``): a service's own figures that
need a query, such as intake's overdue terms. A hook that fails counts as a scrape error."""


class _OutboxSnapshot:
    """The outbox figures of the last scrape per service, read from the database at scrape
    time (a collector itself cannot await a query). A destination with nothing open is 0, not
    absent: on a real cluster a healthy outbox gave no series at all, which a dashboard shows as
    "no data" and an operator cannot tell from figures that are not read."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Any]] = {}
        self.destinations: dict[str, tuple[str, ...]] = {}

    def collect(self) -> Iterator[GaugeMetricFamily]:
        families = {
            "pending": GaugeMetricFamily(
                "wmo_outbox_pending_events",
                "Nog niet afgeleverde gebeurtenissen per bestemming (zonder geparkeerde)",
                labels=["service", "destination"],
            ),
            "oldest_seconds": GaugeMetricFamily(
                "wmo_outbox_oldest_pending_seconds",
                "Leeftijd van de oudste niet afgeleverde gebeurtenis per bestemming",
                labels=["service", "destination"],
            ),
            "parked": GaugeMetricFamily(
                "wmo_outbox_parked_events",
                "Geweigerde gebeurtenissen die op een beheerder wachten, per bestemming",
                labels=["service", "destination"],
            ),
        }
        for service, rows in self.rows.items():
            for row in rows:
                for field, family in families.items():
                    family.add_metric([service, row.destination], float(getattr(row, field) or 0))
            open_ = {row.destination for row in rows}
            for destination in self.destinations.get(service, ()):
                if destination not in open_:
                    for family in families.values():
                        family.add_metric([service, destination], 0.0)
        yield from families.values()


OUTBOX = _OutboxSnapshot()
REGISTRY.register(OUTBOX)
METRICS_ERRORS = Counter(
    "wmo_metrics_collect_errors",
    "Scrapes waarbij de database niet antwoordde",
    ["service"],
    registry=REGISTRY,
)


# The children per label set, found once: ``labels()`` checks and joins its values on every
# call. Bounded: route templates (never paths) times methods times statuses.
_CHILDREN: dict[tuple[str, str, str, int], tuple[Any, Any]] = {}


REFUSED_BY_SERVER = Counter(
    "wmo_http_refused",
    "Verzoeken die de HTTP-server weigerde voordat de app ze zag (wmo_shared.http_server): een "
    "te lang adres, een te grote of te trage kop, of geen geldig HTTP",
    ["service", "code"],
    registry=REGISTRY,
)


def refused_by_server(service: str, code: str) -> None:
    REFUSED_BY_SERVER.labels(service, code).inc()


def observe_request(service: str, method: str, route: str, status: int, seconds: float) -> None:
    key = (service, method, route, status)
    children = _CHILDREN.get(key)
    if children is None:
        children = _CHILDREN[key] = (
            REQUESTS.labels(service, method, route, str(status)),
            LATENCY.labels(service, method, route),
        )
    children[0].inc()
    children[1].observe(seconds)


router = APIRouter(tags=["metrics"])


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    app = request.app
    service: str = app.state.service_name
    pool = app.state.db.engine.pool
    POOL_IN_USE.labels(service).set(pool.checkedout())
    POOL_SIZE.labels(service).set(pool.size())
    outbox = getattr(app.state, "outbox_table", None)
    if outbox is not None:
        from wmo_shared.outbox_beheer import outbox_stand

        try:
            OUTBOX.rows[service] = await outbox_stand(app.state.db, outbox)
            OUTBOX.destinations[service] = tuple(getattr(app.state, "clients", {}))
        except Exception:
            METRICS_ERRORS.labels(service).inc()
    hooks: list[ScrapeHook] = getattr(app.state, "scrape_hooks", [])
    for hook in hooks:
        try:
            await hook(app)
        except Exception:
            METRICS_ERRORS.labels(service).inc()
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
