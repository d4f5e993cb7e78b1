"""The alert rules of the chart, evaluated by Prometheus' own ``promtool``: ``check rules`` on the
rendered PrometheusRule (expressions, durations, the Go templates of the annotations), and
``test rules`` with a scenario per alert: the series that should make it fire, the time its
``for`` takes, the labels it fires with, and the same series in another namespace, which this
release's alert must not see. promtool is Debian's ``prometheus`` package (``.ci/run`` installs
it); without it these tests are skipped."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.support import APP, of_kind

PROMTOOL = shutil.which("promtool")
pytestmark = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool not found (Debian: apt-get install prometheus)"
)

# A pod of this release (namespace wmo, the ServiceMonitor's job and service labels), and the
# same pod of another installation.
OURS = 'namespace="wmo",job="wmo-intake",service="intake",pod="wmo-intake-1"'
THEIRS = 'namespace="elders",job="wmo-intake",service="intake",pod="wmo-intake-1"'


def _series(metric: str, labels: str, values: str) -> dict[str, str]:
    return {"series": f"{metric}{{{labels}}}", "values": values}


# alert -> (series beyond the pod's labels, minutes until it fires, the labels it fires with
# beyond alertname and severity)
SCENARIOS: dict[str, tuple[list[tuple[str, str, str]], int, dict[str, str]]] = {
    "WmoOutboxEventParked": (
        [("wmo_outbox_parked_events", 'destination="finance"', "2x40")],
        5,
        {"service": "intake", "destination": "finance"},
    ),
    "WmoOutboxDeliveryStalled": (
        [("wmo_outbox_oldest_pending_seconds", 'destination="pgb"', "1000x40")],
        1,
        {"service": "intake", "destination": "pgb"},
    ),
    "WmoOutboxFiguresUnreadable": (
        [("wmo_metrics_collect_errors_total", "", "0+1x40")],
        5,
        {"service": "intake", "pod": "wmo-intake-1"},
    ),
    "WmoFeedAchterstand": (
        [("wmo_feed_oldest_unread_seconds", 'feed="cak",gemeente="0085"', "200000x40")],
        30,
        {"service": "intake", "feed": "cak", "gemeente": "0085"},
    ),
    "WmoBriefprocesNietGestart": (
        [("wmo_brief_proces_gebeurtenissen_total", 'gebeurtenis="in-thread"', "0+1x40")],
        0,
        {"service": "intake", "pod": "wmo-intake-1"},
    ),
    "WmoHighErrorRate": (
        [
            ("wmo_http_requests_total", 'route="/clienten",status="500"', "0+10x40"),
            ("wmo_http_requests_total", 'route="/clienten",status="200"', "0+100x40"),
        ],
        2,
        {"service": "intake"},
    ),
    "WmoHighLatency": (
        [
            ("wmo_http_request_duration_seconds_bucket", 'route="/clienten",le="0.5"', "0+1x40"),
            ("wmo_http_request_duration_seconds_bucket", 'route="/clienten",le="1"', "0+10x40"),
            ("wmo_http_request_duration_seconds_bucket", 'route="/clienten",le="+Inf"', "0+10x40"),
        ],
        10,
        {"service": "intake"},
    ),
    "WmoConnectionsRefused": (
        [("wmo_http_refused_total", 'code="te-veel-verbindingen"', "0+5x40")],
        5,
        {"service": "intake", "pod": "wmo-intake-1"},
    ),
    "WmoDatabasePoolSaturated": (
        [
            ("wmo_db_pool_connections_in_use", "", "10x40"),
            ("wmo_db_pool_connections", "", "10x40"),
        ],
        5,
        {"service": "intake", "pod": "wmo-intake-1"},
    ),
    "WmoServiceDown": (
        [("up", "", "0x40")],
        5,
        {"pod": "wmo-intake-1", "job": "wmo-intake", "service": "intake"},
    ),
    "WmoTermijnenVerlopen": (
        [("wmo_werkvoorraad_termijnen_verlopen", 'gemeente="0085",soort="beschikking"', "3x40")],
        15,
        {"gemeente": "0085", "soort": "beschikking"},
    ),
}


def _rule() -> dict[str, Any]:
    """The rendered rule's spec, a copy: the rendered objects are shared by every test."""
    (rendered,) = of_kind(APP[0], "PrometheusRule").values()
    return copy.deepcopy(dict(rendered.obj["spec"]))


def _promtool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run([PROMTOOL, *args], cwd=cwd, capture_output=True, text=True)


def test_promtool_accepts_the_rendered_rules_and_their_templates(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(_rule()))
    result = _promtool("check", "rules", "rules.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_scenario() -> None:
    assert {r["alert"] for g in _rule()["groups"] for r in g["rules"]} == set(SCENARIOS)


@pytest.mark.parametrize("alert", sorted(SCENARIOS))
def test_each_alert_fires_after_its_for_with_its_labels_and_only_for_this_release(
    alert: str, tmp_path: Path
) -> None:
    spec = _rule()
    rules = [r for g in spec["groups"] for r in g["rules"] if r["alert"] == alert]
    severity = rules[0]["labels"]["severity"]
    for rule in rules:  # the annotations are checked above; here only when and what fires
        rule.pop("annotations", None)
    (tmp_path / "rules.yaml").write_text(
        yaml.safe_dump({"groups": [{"name": "t", "rules": rules}]})
    )
    series, minutes, labels = SCENARIOS[alert]
    inputs = []
    for metric, extra, values in series:
        for pod in (OURS, THEIRS):
            inputs.append(_series(metric, ",".join(x for x in (pod, extra) if x), values))
    fired = [{"exp_labels": {**labels, "namespace": "wmo", "severity": severity}}]
    tests = {
        "rule_files": ["rules.yaml"],
        "evaluation_interval": "1m",
        "tests": [
            {
                "interval": "1m",
                "input_series": inputs,
                "alert_rule_test": [
                    *(
                        [{"eval_time": f"{minutes - 1}m", "alertname": alert, "exp_alerts": []}]
                        if minutes
                        else []
                    ),
                    {"eval_time": f"{minutes + 1}m", "alertname": alert, "exp_alerts": fired},
                ],
            }
        ],
    }
    (tmp_path / "test.yaml").write_text(yaml.safe_dump(tests))
    result = _promtool("test", "rules", "test.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
