"""Request spans (``wmo_shared.tracing.fastapi_telemetry``): every API request is traced, the
kubelet's probes and Prometheus' scrapes are not (they were three quarters of the spans of a
walk-through on a real cluster)."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from wmo_shared.http_server import PROBE_PATHS
from wmo_shared.tracing import fastapi_telemetry


async def test_api_requests_are_traced_and_probes_and_scrapes_are_not() -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = FastAPI(telemetry=fastapi_telemetry(provider))  # type: ignore[call-arg]
    paths = ["/api/v1/clienten/1", *(p.decode() for p in PROBE_PATHS)]
    for path in paths:
        app.add_api_route(path, lambda: {"ok": True})
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for path in paths:
            assert (await client.get(path)).status_code == 200
    assert [s.name for s in exporter.get_finished_spans()] == ["GET /api/v1/clienten/1"]
