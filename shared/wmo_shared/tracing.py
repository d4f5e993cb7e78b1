"""OpenTelemetry traces across the services: off unless configured.

With ``<SVC>_OTLP_ENDPOINT`` (or the standard ``OTEL_EXPORTER_OTLP_ENDPOINT``) each service
exports its spans over OTLP/HTTP; ``<SVC>_TELEMETRY=true`` alone traces without exporting (the
context still travels, for a collector in front). FastAPI's own instrumentation makes a span per
request and continues an incoming ``traceparent``; the httpx instrumentation carries the context
to the other services; the outbox stores the ``traceparent`` of the request that wrote an event
so its delivery, seconds or hours later, joins the same trace (``wmo_shared.outbox``).
Exception logs stay with structlog (masked), never with the OpenTelemetry log bridge.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from opentelemetry import propagate, trace

from wmo_shared.http_server import PROBE_PATHS
from wmo_shared.settings import ServiceSettings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider


def tracer_provider(settings: ServiceSettings, service: str) -> TracerProvider | None:
    endpoint = settings.otlp_endpoint or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
    if not (settings.telemetry or endpoint):
        return None
    # The SDK (and psutil, which its resources import) only in a process that traces: a few
    # megabytes of every worker otherwise (issue 17.3, memory per worker).
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": f"wmo-{service}"}))
    if endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(
            BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces"))
        )
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    instrumentor = HTTPXClientInstrumentor()
    if not instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.instrument(tracer_provider=provider)
    return provider


# The kubelet's probes and Prometheus' scrapes are no one's trace: on a real cluster 78 of the
# 103 spans of a walk-through were probes (docs/deployment.md). They stay in the metrics.
_UNTRACED = frozenset(path.decode() for path in PROBE_PATHS)


def _untraced(scope: Any) -> bool:
    return scope.get("path") in _UNTRACED


def fastapi_telemetry(provider: TracerProvider | None) -> dict[str, Any]:
    """The ``telemetry`` argument of ``FastAPI(...)``: request spans only when tracing is on,
    and none for probes and scrapes."""
    return {
        "exclude": _untraced,
        "tracer_provider": provider,
        "tracing": provider is not None,
        "metrics": False,  # Prometheus does the metrics (wmo_shared.metrics)
        "logs": False,  # exceptions are logged masked by structlog, never with locals
        "operation_spans": False,
        "auto_configure": False,
    }


def current_traceparent() -> str | None:
    """The W3C ``traceparent`` of the active span, to store with an outbox event."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


def delivery_span(traceparent: str | None, name: str, provider: Any = None) -> Any:
    """A span for delivering an outbox event, child of the request that wrote it."""
    context = propagate.extract({"traceparent": traceparent}) if traceparent else None
    tracer = (provider or trace.get_tracer_provider()).get_tracer("wmo.outbox")
    return tracer.start_as_current_span(name, context=context, kind=trace.SpanKind.PRODUCER)
