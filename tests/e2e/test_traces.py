"""One case, one trace (issue 17.1): the four services export their spans over OTLP/HTTP to a
collector; a beschikking's trace holds intake's request, its call to the indicatie service
(context carried by httpx) and, seconds later, the delivery of its events from intake's outbox
to finance, continued by finance (context carried through the outbox's stored traceparent)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.steps import (
    aanvraag_voor,
    case_to_aanvraag,
    vastgelegde_indicatie,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening
from tests.support.live import Stack, running
from tests.support.otlp import Collector, Span, otlp_collector
from tests.support.stack import TestDatabase

SERVER, CLIENT, PRODUCER = 2, 3, 4  # span kinds of the OTLP protocol
BESLUIT = "/api/v1/indicaties/{indicatie_id}/besluit"
VERZENDING = "/api/v1/beschikkingen/{beschikking_id}/verzendingen"


@pytest.fixture(scope="module")
def traced(db: TestDatabase) -> Iterator[tuple[Stack, Collector]]:
    env = {**db.env, "OTEL_BSP_SCHEDULE_DELAY": "100"}  # export within a tenth of a second
    with otlp_collector() as collector, running(env, OTLP_ENDPOINT=collector.url) as stack:
        yield stack, collector


def _one(spans: list[Span], service: str, kind: int, route: str | None = None) -> Span:
    (span,) = [
        s
        for s in spans
        if s.service == service
        and s.kind == kind
        and (route is None or s.attributes.get("http.route") == route)
    ]
    return span


def _parent(spans: list[Span], span: Span) -> Span:
    (parent,) = [s for s in spans if s.span_id == span.parent_id]
    return parent


def _traces_of(collector: Collector, beschikking_id: str) -> list[Span] | None:
    """The spans of the traces of intake's requests about this beschikking, once finance's
    part has arrived (the outbox delivers after the request has ended)."""
    spans = collector.received()
    traces = {
        s.trace_id
        for s in spans
        if s.service == "wmo-intake" and beschikking_id in s.attributes.get("url.path", "")
    }
    mine = [s for s in spans if s.trace_id in traces]
    return mine if any(s.service == "wmo-finance" for s in mine) else None


def test_a_beschikkings_trace_shows_its_peer_call_and_its_delivery_to_finance(
    traced: tuple[Stack, Collector],
) -> None:
    stack, collector = traced
    with stack.client("intake") as c, stack.client("indicatie") as ind:
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"])
        v = voorziening(indicatieId=indicatie["id"], omvang=None)
        verzonden = verzonden_beschikking(c, melding["id"], aanvraag["id"], v)
    # Sent: its event left intake's outbox after the request had ended, in the request's trace.
    spans = wacht_op(lambda: _traces_of(collector, verzonden["id"]), timeout=30)
    ontvangst = _one(spans, "wmo-finance", SERVER, "/api/v1/cak-voorzieningen")
    verstuurd = _parent(spans, ontvangst)
    assert (verstuurd.service, verstuurd.kind) == ("wmo-intake", CLIENT)
    aflevering = _parent(spans, verstuurd)
    assert (aflevering.service, aflevering.kind) == ("wmo-intake", PRODUCER)
    assert aflevering.name.endswith("-> finance")
    verzending = _parent(spans, aflevering)
    assert verzending.attributes["http.route"] == VERZENDING
    assert verzonden["id"] in verzending.attributes["url.path"]

    # It rests on the indicatie: intake asked the indicatie service, in the request's trace
    # (exported by now: the batches leave every tenth of a second).
    spans = collector.received()
    besluit = _one(spans, "wmo-indicatie", SERVER, BESLUIT)
    vraag = _parent(spans, besluit)
    assert (vraag.service, vraag.kind, vraag.trace_id) == ("wmo-intake", CLIENT, besluit.trace_id)
    assert _parent(spans, vraag).attributes["http.route"] == "/api/v1/beschikkingen"
