"""The alert rules and the Grafana dashboard the wmo chart ships: schema-valid, PromQL that parses,
and every query reads only metrics the services expose, with labels those metrics carry."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from tests.deploy import promql
from tests.deploy.render import CHARTS, ROOT, Configuration, validation_errors
from tests.deploy.support import APP, fullname, ids, of_kind
from wmo_shared.db.bootstrap import SERVICES

# What every service exposes at GET /metrics (wmo_shared.metrics), with its own labels, plus the
# `up` Prometheus records per target. Announced: intake will expose it; the rules and the
# dashboard already use it.
EXPOSED: dict[str, frozenset[str]] = {
    "wmo_http_requests_total": frozenset({"service", "method", "route", "status"}),
    "wmo_http_request_duration_seconds_bucket": frozenset({"service", "method", "route", "le"}),
    "wmo_db_pool_connections_in_use": frozenset({"service"}),
    "wmo_db_pool_connections": frozenset({"service"}),
    "wmo_outbox_pending_events": frozenset({"service", "destination"}),
    "wmo_outbox_oldest_pending_seconds": frozenset({"service", "destination"}),
    "wmo_outbox_parked_events": frozenset({"service", "destination"}),
    "wmo_metrics_collect_errors_total": frozenset({"service"}),
    "wmo_werkvoorraad_termijnen_verlopen": frozenset({"gemeente", "soort"}),
    "wmo_brief_proces_gebeurtenissen_total": frozenset({"service", "gebeurtenis"}),
    "wmo_feed_oldest_unread_seconds": frozenset({"service", "feed", "gemeente"}),
    "wmo_feed_last_read_timestamp_seconds": frozenset({"service", "feed", "gemeente"}),
    "wmo_http_refused_total": frozenset({"service", "code"}),
    "up": frozenset(),
}
ANNOUNCED: frozenset[str] = frozenset()
# The labels the Prometheus Operator gives every target of a ServiceMonitor (`service` is the
# service's own name, see templates/servicemonitor.yaml).
TARGET_LABELS = frozenset(
    {"namespace", "service", "job", "pod", "instance", "container", "endpoint"}
)
DOCS = ROOT / "docs" / "deployment.md"
DASHBOARD = CHARTS / "wmo" / "files" / "grafana-dashboard.json"
DASHBOARD_KEY = "wmo-backend.json"
SEVERITIES = {"warning", "critical"}


def labels_of(metric: str) -> frozenset[str] | None:
    own = EXPOSED.get(metric)
    return None if own is None else own | TARGET_LABELS


def alert_rules(configuration: Configuration) -> list[dict[str, Any]]:
    (rule,) = of_kind(configuration, "PrometheusRule").values()
    return [r for group in rule.obj["spec"]["groups"] for r in group["rules"]]


def _rules_enabled(configuration: Configuration) -> bool:
    metrics = configuration.values.get("metrics", {})
    return bool(metrics.get("prometheusRule", {}).get("enabled", True))


WITH_RULES = tuple(c for c in APP if _rules_enabled(c))


def _slug(heading: str) -> str:
    """The anchor GitHub and GitLab give a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def doc_anchors() -> set[str]:
    return {_slug(m) for m in re.findall(r"^#{1,6} (.+)$", DOCS.read_text(), flags=re.M)}


# --- the metrics themselves -------------------------------------------------------------------


def test_the_metrics_the_rules_rely_on_are_those_wmo_shared_exposes() -> None:
    from wmo_shared.metrics import REGISTRY

    suffixes = {"counter": ("_total",), "histogram": ("_bucket",), "gauge": ("",)}
    exposed = {
        family.name + suffix
        for family in REGISTRY.collect()
        for suffix in suffixes.get(family.type, ())
    }
    assert set(EXPOSED) - ANNOUNCED - {"up"} <= exposed


def test_the_promql_checks_have_teeth() -> None:
    for broken in (
        "rate(wmo_http_requests_total)",  # rate needs a range vector
        "wmo_http_requests_total[5m]",  # a range vector is not an alert's value
        "sum by (service (wmo_http_requests_total)",
        'wmo_http_requests_total{status=5"}',
        "rates(wmo_http_requests_total[5m])",
        'wmo_http_requests_total{route=~"(/api"}',
        # what a grammar of our own let through and Prometheus refuses
        "histogram_quantile(0.99, wmo_x_bucket, wmo_y_bucket)",  # too many arguments
        "round(wmo_x, 1, 2)",
        "wmo_x unless on (service) group_left wmo_y",  # no grouping for a set operator
    ):
        with pytest.raises(promql.PromQLError):
            promql.parse(broken)
    node = promql.parse("sum by (destination) (rate(wmo_http_request_total[5m])) > 0")
    assert promql.metrics(node) - set(EXPOSED) == {"wmo_http_request_total"}
    node = promql.parse("sum by (destination) (rate(wmo_http_requests_total[5m])) > 0")
    assert promql.label_problems(node, labels_of)


# --- the PrometheusRule -----------------------------------------------------------------------


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_the_prometheus_rule_is_rendered_when_enabled_and_schema_valid(
    configuration: Configuration,
) -> None:
    rules = of_kind(configuration, "PrometheusRule")
    assert (fullname(configuration) in rules) == _rules_enabled(configuration)
    for rendered in rules.values():
        assert validation_errors(rendered.obj) == []


def test_the_prometheus_rule_schema_refuses_what_prometheus_would() -> None:
    (rendered,) = of_kind(WITH_RULES[0], "PrometheusRule").values()
    for change in (
        lambda r: r["spec"]["groups"][0]["rules"][0].update({"for": "5 minutes"}),
        lambda r: r["spec"]["groups"][0]["rules"][0].update({"record": "x"}),
        lambda r: r["spec"]["groups"][0]["rules"][0].pop("expr"),
        lambda r: r["spec"]["groups"][0].update({"evaluation_interval": "1m"}),
        lambda r: r["spec"]["groups"][0]["rules"][0]["labels"].update({"team-name": "x"}),
    ):
        broken = copy.deepcopy(rendered.obj)
        change(broken)
        assert validation_errors(broken), change


@pytest.mark.parametrize("configuration", WITH_RULES, ids=ids)
def test_every_alert_expression_is_promql_over_exposed_metrics_and_labels(
    configuration: Configuration,
) -> None:
    for rule in alert_rules(configuration):
        where = rule["alert"]
        node = promql.parse(rule["expr"])
        assert promql.metrics(node) <= set(EXPOSED), where
        assert promql.label_problems(node, labels_of) == [], where


@pytest.mark.parametrize("configuration", WITH_RULES, ids=ids)
def test_every_alert_watches_only_the_targets_of_its_release(configuration: Configuration) -> None:
    services = sorted(of_kind(configuration, "Service"))
    assert len(services) == len(SERVICES)
    for rule in alert_rules(configuration):
        for node in promql.walk(promql.parse(rule["expr"])):
            if not isinstance(node, promql.Selector):
                continue
            matchers = {m.label: m for m in node.matchers}
            where = f"{rule['alert']}: {node.metric}"
            assert (matchers["namespace"].op, matchers["namespace"].value) == ("=", "wmo"), where
            job = matchers["job"]
            assert job.op == "=~", where
            # The job of a ServiceMonitor's target is its Service's name.
            assert all(re.fullmatch(job.value, s) for s in services), where
            assert not re.fullmatch(job.value, f"other-{services[0]}"), where


@pytest.mark.parametrize("configuration", WITH_RULES, ids=ids)
def test_every_alert_has_a_severity_summary_description_and_runbook(
    configuration: Configuration,
) -> None:
    values = configuration.values.get("metrics", {}).get("prometheusRule", {})
    runbook = values.get("runbookUrl") or _default_runbook_url()
    anchors = doc_anchors()
    names = [r["alert"] for r in alert_rules(configuration)]
    assert len(names) == len(set(names))
    for rule in alert_rules(configuration):
        where = rule["alert"]
        assert rule["labels"]["severity"] in SEVERITIES, where
        for key, value in values.get("alertLabels", {}).items():
            assert rule["labels"][key] == value, where
        annotations = rule["annotations"]
        assert set(annotations) == {"summary", "description", "runbook_url"}, where
        url, _, anchor = annotations["runbook_url"].partition("#")
        assert url == runbook, where
        assert anchor == rule["alert"].lower() and anchor in anchors, (
            f"{where}: docs/deployment.md has no section #{anchor}"
        )


def _default_runbook_url() -> str:
    import yaml

    values = yaml.safe_load((CHARTS / "wmo" / "values.yaml").read_text())
    return str(values["metrics"]["prometheusRule"]["runbookUrl"])


_TEMPLATE_ACTION = re.compile(r"\{\{(.*?)\}\}", re.S)
_ALLOWED_ACTION = re.compile(
    r"^\s*(\$value|\$labels\.[a-zA-Z_][a-zA-Z0-9_]*)"
    r"(\s*\|\s*(humanize|humanize1024|humanizeDuration|humanizePercentage))?\s*$"
)


@pytest.mark.parametrize("configuration", WITH_RULES, ids=ids)
def test_annotations_use_only_labels_the_alert_carries(configuration: Configuration) -> None:
    for rule in alert_rules(configuration):
        carried = promql.result_labels(promql.parse(rule["expr"]), labels_of)
        assert carried is not None, rule["alert"]
        for key in ("summary", "description"):
            text = rule["annotations"][key]
            where = f"{rule['alert']} {key}"
            assert text.count("{{") == text.count("}}") == len(_TEMPLATE_ACTION.findall(text))
            for action in _TEMPLATE_ACTION.findall(text):
                assert _ALLOWED_ACTION.match(action), f"{where}: {{{{{action}}}}}"
            used = set(re.findall(r"\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)", text))
            assert used <= carried, f"{where}: {sorted(used - carried)} not in {sorted(carried)}"


def _rule(name: str) -> dict[str, Any]:
    (rule,) = [r for r in alert_rules(APP[0]) if r["alert"] == name]
    return rule


def _carried(rule: dict[str, Any]) -> frozenset[str]:
    labels = promql.result_labels(promql.parse(rule["expr"]), labels_of)
    assert labels is not None
    return labels


def test_the_alerts_an_operator_needs_are_there() -> None:
    expected = {
        # alert: (metric read, severity, labels the alert must carry)
        "WmoOutboxEventParked": ("wmo_outbox_parked_events", "warning", {"service", "destination"}),
        "WmoOutboxDeliveryStalled": (
            "wmo_outbox_oldest_pending_seconds",
            "critical",
            {"service", "destination"},
        ),
        "WmoOutboxFiguresUnreadable": ("wmo_metrics_collect_errors_total", "warning", {"service"}),
        "WmoHighErrorRate": ("wmo_http_requests_total", "warning", {"service"}),
        "WmoHighLatency": ("wmo_http_request_duration_seconds_bucket", "warning", {"service"}),
        "WmoDatabasePoolSaturated": ("wmo_db_pool_connections_in_use", "warning", {"service"}),
        "WmoServiceDown": ("up", "critical", {"service", "pod"}),
        "WmoConnectionsRefused": ("wmo_http_refused_total", "warning", {"service", "pod"}),
        "WmoTermijnenVerlopen": (
            "wmo_werkvoorraad_termijnen_verlopen",
            "warning",
            {"gemeente", "soort"},
        ),
        "WmoBriefprocesNietGestart": (
            "wmo_brief_proces_gebeurtenissen_total",
            "warning",
            {"service", "pod"},
        ),
        "WmoFeedAchterstand": (
            "wmo_feed_oldest_unread_seconds",
            "warning",
            {"service", "feed", "gemeente"},
        ),
    }
    assert {r["alert"] for r in alert_rules(APP[0])} == set(expected)
    for name, (metric, severity, labels) in expected.items():
        rule = _rule(name)
        assert metric in promql.metrics(promql.parse(rule["expr"])), name
        assert rule["labels"]["severity"] == severity, name
        assert labels <= _carried(rule), name


def test_thresholds_are_those_agreed() -> None:
    def threshold(name: str) -> tuple[str, float]:
        node = promql.parse(_rule(name)["expr"])
        assert isinstance(node, promql.Binary) and isinstance(node.rhs, promql.Number), name
        return node.op, float(node.rhs.value)

    assert threshold("WmoOutboxEventParked") == (">", 0)
    assert threshold("WmoOutboxDeliveryStalled") == (">", 15 * 60)
    assert threshold("WmoHighErrorRate") == (">", 0.01)
    assert threshold("WmoHighLatency") == (">", 0.5)
    assert threshold("WmoDatabasePoolSaturated") == (">", 0.9)
    assert threshold("WmoTermijnenVerlopen") == (">", 0)
    assert threshold("WmoServiceDown") == ("==", 0)
    assert threshold("WmoBriefprocesNietGestart") == (">", 0)
    assert threshold("WmoFeedAchterstand") == (">", 2 * 24 * 3600)
    assert _rule("WmoDatabasePoolSaturated")["for"] == "5m"
    latency = promql.parse(_rule("WmoHighLatency")["expr"])
    assert isinstance(latency, promql.Binary) and isinstance(latency.lhs, promql.Call)
    assert latency.lhs.function == "histogram_quantile"
    assert latency.lhs.args[0] == promql.Number("0.99")
    # The error rate is 5xx responses over all responses, per service, over 5 minutes.
    ratio = promql.parse(_rule("WmoHighErrorRate")["expr"])
    assert isinstance(ratio, promql.Binary) and isinstance(ratio.lhs, promql.Binary)
    assert ratio.lhs.op == "/"
    ranges = {n.range for n in promql.walk(ratio) if isinstance(n, promql.Selector)}
    assert ranges == {"5m"}
    statuses = [
        {m.label: m.value for m in n.matchers}.get("status")
        for n in promql.walk(ratio.lhs)
        if isinstance(n, promql.Selector)
    ]
    assert statuses == ["5..", None]


def test_the_parked_event_alert_tells_the_operator_what_to_do() -> None:
    description = _rule("WmoOutboxEventParked")["annotations"]["description"]
    for words in (
        "GET /api/v1/outbox-gebeurtenissen",
        "beheer",
        "/herleveringen",
        "/verwerpingen",
    ):
        assert words in description
    from wmo_shared.outbox_beheer import router

    paths = {route.path for route in router.routes}  # type: ignore[attr-defined]
    assert {
        "/outbox-gebeurtenissen",
        "/outbox-gebeurtenissen/{event_id}/herleveringen",
        "/outbox-gebeurtenissen/{event_id}/verwerpingen",
    } <= paths


def test_the_rules_are_rendered_for_another_release_with_its_labels() -> None:
    (configuration,) = [c for c in WITH_RULES if c.release != "wmo"]
    (rule,) = of_kind(configuration, "PrometheusRule").values()
    assert rule.obj["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert rule.obj["metadata"]["labels"]["app.kubernetes.io/instance"] == configuration.release
    assert "WMO_TARGETS" not in str(rule.obj)


def test_alert_labels_cannot_override_the_severity() -> None:
    import helm_python as helm

    with helm.Chart.load(str(CHARTS / "wmo")) as chart, pytest.raises(helm.HelmError):
        chart.render(
            {"metrics": {"prometheusRule": {"alertLabels": {"severity": "info"}}}},
            name="wmo",
            namespace="wmo",
        )


# --- the Grafana dashboard --------------------------------------------------------------------

PROMETHEUS = {"type": "prometheus", "uid": "${datasource}"}
_LEGEND_LABEL = re.compile(r"\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}")
_LABEL_VALUES = re.compile(r"^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)$")


def dashboard() -> dict[str, Any]:
    return dict(json.loads(DASHBOARD.read_text()))


def dashboard_panels(board: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for panel in board["panels"]:
        out.append(panel)
        out += panel.get("panels", [])  # the panels of a collapsed row
    return out


def dashboard_queries(board: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (panel["title"], target)
        for panel in dashboard_panels(board)
        if panel["type"] != "row"
        for target in panel["targets"]
    ]


def variables(board: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {v["name"]: v for v in board["templating"]["list"]}


def test_the_dashboard_is_grafana_json_with_datasource_and_service_variables() -> None:
    board = dashboard()
    assert board["uid"] == "wmo-backend" and board["title"]
    assert board["schemaVersion"] >= 36
    found = variables(board)
    assert found["datasource"]["type"] == "datasource"
    assert found["datasource"]["query"] == "prometheus"
    assert found["service"]["multi"] and found["service"]["includeAll"]
    for name in ("namespace", "service"):
        variable = found[name]
        assert variable["type"] == "query" and variable["datasource"] == PROMETHEUS, name
        query = variable["query"]["query"]
        assert query == variable["definition"], name
        m = _LABEL_VALUES.match(query)
        assert m, f"{name}: {query}"
        selector, label = promql.parse(m.group(1)), m.group(2)
        (metric,) = promql.metrics(selector)
        known = labels_of(metric)
        assert known is not None and label == name and label in known, name


def test_the_dashboard_layout_is_sound() -> None:
    board = dashboard()
    panels = dashboard_panels(board)
    ids = [p["id"] for p in panels]
    assert len(ids) == len(set(ids))
    cells: set[tuple[int, int]] = set()
    for panel in panels:
        g = panel["gridPos"]
        assert g["x"] >= 0 and g["w"] >= 1 and g["x"] + g["w"] <= 24, panel["title"]
        area = {
            (x, y) for x in range(g["x"], g["x"] + g["w"]) for y in range(g["y"], g["y"] + g["h"])
        }
        assert not area & cells, f"{panel['title']} overlaps another panel"
        cells |= area
        if panel["type"] != "row":
            assert panel["datasource"] == PROMETHEUS, panel["title"]
            assert panel["targets"] and panel.get("description"), panel["title"]
            refs = [t["refId"] for t in panel["targets"]]
            assert len(refs) == len(set(refs)), panel["title"]


def test_every_panel_query_is_promql_over_exposed_metrics_and_labels() -> None:
    queries = dashboard_queries(dashboard())
    assert queries
    for title, target in queries:
        assert target["datasource"] == PROMETHEUS, title
        node = promql.parse(target["expr"])
        assert promql.metrics(node) <= set(EXPOSED), title
        assert promql.label_problems(node, labels_of) == [], title
        carried = promql.result_labels(node, labels_of)
        assert carried is not None, title
        legend = set(_LEGEND_LABEL.findall(target.get("legendFormat", "")))
        assert legend <= carried, f"{title}: legend {sorted(legend - carried)}"
        for selector in promql.walk(node):
            if not isinstance(selector, promql.Selector):
                continue
            matchers = {(m.label, m.op, m.value) for m in selector.matchers}
            assert ("namespace", "=", "$namespace") in matchers, title
            assert selector.metric is not None
            if "service" in EXPOSED[selector.metric] or selector.metric == "up":
                assert ("service", "=~", "$service") in matchers, title


def test_the_dashboard_shows_what_an_operator_needs() -> None:
    nodes = [promql.parse(t["expr"]) for _, t in dashboard_queries(dashboard())]
    assert set().union(*(promql.metrics(n) for n in nodes)) == set(EXPOSED)

    def grouped_by(metric: str) -> list[set[str]]:
        return [
            set(n.grouping[1])
            for node in nodes
            if metric in promql.metrics(node)
            for n in promql.walk(node)
            if isinstance(n, promql.Aggregate) and n.grouping and n.grouping[0] == "by"
        ]

    quantiles = {
        float(n.args[0].value)  # type: ignore[attr-defined]
        for node in nodes
        for n in promql.walk(node)
        if isinstance(n, promql.Call) and n.function == "histogram_quantile"
        if {"route", "service"} <= (promql.result_labels(n, labels_of) or set())
    }
    assert {0.5, 0.95, 0.99} <= quantiles
    # Request and error rates per status class: the class is made from the status label.
    classes = [
        n
        for node in nodes
        for n in promql.walk(node)
        if isinstance(n, promql.Call) and n.function == "label_replace"
    ]
    assert classes
    for n in classes:
        assert n.args[1] == promql.String("class") and n.args[3] == promql.String("status")
    for metric in (
        "wmo_outbox_pending_events",
        "wmo_outbox_oldest_pending_seconds",
        "wmo_outbox_parked_events",
    ):
        assert any({"service", "destination"} <= g for g in grouped_by(metric)), metric
    assert any(g == {"gemeente"} for g in grouped_by("wmo_werkvoorraad_termijnen_verlopen"))
    assert any({"service", "pod"} <= g for g in grouped_by("wmo_db_pool_connections_in_use"))


def _dashboard_settings(configuration: Configuration) -> dict[str, Any]:
    return dict(configuration.values.get("metrics", {}).get("grafanaDashboard", {}))


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_the_dashboard_ships_in_a_configmap_for_the_grafana_sidecar(
    configuration: Configuration,
) -> None:
    settings = _dashboard_settings(configuration)
    name = f"{fullname(configuration)}-grafana-dashboard"
    found = of_kind(configuration, "ConfigMap")
    if not settings.get("enabled", True):
        assert name not in found
        return
    configmap = found[name].obj
    labels = settings.get("labels", {"grafana_dashboard": "1"})
    assert labels.items() <= configmap["metadata"]["labels"].items()
    assert configmap["metadata"].get("annotations", {}) == settings.get("annotations", {})
    assert set(configmap["data"]) == {DASHBOARD_KEY}
    text = configmap["data"][DASHBOARD_KEY]
    assert json.loads(text) == dashboard()
    assert len(text.encode()) < 1024 * 1024  # a ConfigMap holds at most 1 MiB
