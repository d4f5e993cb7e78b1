"""Render the Helm charts of ``deploy/helm`` and validate every object they produce.

Rendering uses Helm's own engine (``helm-python-sdk``: Helm's Go SDK in a wheel, no ``helm``
binary), so templates, ``values.schema.json`` and hooks behave as ``helm install`` would.
Built-in kinds are validated with the Kubernetes JSON schemas of ``kubernetes-validate``
(strict: unknown fields fail) for the oldest Kubernetes the charts support and the newest the
package knows; custom resources with the schemas in ``schemas/``.

``python -m tests.deploy.render`` (``make deploy-check``) lints both charts, renders every
configuration below to ``.local/deploy/<name>.yaml`` and validates it; exit 1 on any error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import helm_python as helm
import jsonschema
import kubernetes_validate
import yaml
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[2]
CHARTS = ROOT / "deploy" / "helm"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
OUT = ROOT / ".local" / "deploy"
# The charts' kubeVersion floor, and the newest Kubernetes kubernetes-validate knows.
KUBERNETES_VERSIONS = ("1.27.0", kubernetes_validate.latest_version())

CUSTOM_SCHEMAS = {
    ("postgresql.cnpg.io/v1", "Cluster"): "cluster.postgresql.cnpg.io-v1.json",
    ("postgresql.cnpg.io/v1", "ScheduledBackup"): "scheduledbackup.postgresql.cnpg.io-v1.json",
    ("barmancloud.cnpg.io/v1", "ObjectStore"): "objectstore.barmancloud.cnpg.io-v1.json",
    ("monitoring.coreos.com/v1", "ServiceMonitor"): "servicemonitor.monitoring.coreos.com-v1.json",
    ("monitoring.coreos.com/v1", "PrometheusRule"): "prometheusrule.monitoring.coreos.com-v1.json",
}


# An installation's ingress controller and Prometheus, as networkPolicy.from names them.
NETWORK_PEERS = [
    {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}},
    {
        "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}},
        "podSelector": {"matchLabels": {"app.kubernetes.io/name": "prometheus"}},
    },
]


@dataclass(frozen=True)
class Configuration:
    """One way of installing a chart: which chart, as which release, with which values."""

    name: str
    chart: str
    release: str
    values: dict[str, Any] = field(default_factory=dict)
    upgrade: bool = False


CONFIGURATIONS = (
    Configuration("wmo-cloudnativepg", "wmo", "wmo"),
    Configuration("wmo-cloudnativepg-upgrade", "wmo", "wmo", upgrade=True),
    Configuration(
        "wmo-external",
        "wmo",
        "wmo",
        {
            "database": {
                "mode": "external",
                "sslmode": "verify-full",
                "external": {"host": "postgres.gemeente.example"},
            },
            "image": {"tag": "1.4.2"},
            # a platform serving several gemeenten: one service token per gemeente
            "serviceToken": {"secretName": "wmo-service-tokens", "perGemeente": True},
        },
    ),
    Configuration(
        "wmo-fixed-replicas",
        "wmo",
        "gemeente-a",
        {
            "defaults": {"autoscaling": {"enabled": False}, "replicas": 3},
            "services": {"finance": {"podDisruptionBudget": {"enabled": False}, "replicas": 1}},
            "metrics": {
                "serviceMonitor": {"enabled": False},
                "prometheusRule": {"enabled": False},
                "grafanaDashboard": {"enabled": False},
            },
            "imagePullSecrets": [{"name": "registry"}],
        },
    ),
    Configuration(
        "wmo-monitoring",
        "wmo",
        "gemeente-b",
        {
            "metrics": {
                "serviceMonitor": {"labels": {"release": "kube-prometheus-stack"}},
                "prometheusRule": {
                    "labels": {"release": "kube-prometheus-stack"},
                    "alertLabels": {"team": "wmo-beheer"},
                    "runbookUrl": "https://wiki.gemeente-b.example/wmo/deployment.html",
                },
                "grafanaDashboard": {
                    "labels": {"grafana_dashboard": "wmo"},
                    "annotations": {"grafana_folder": "Wmo"},
                },
            },
            "networkPolicy": {"enabled": True, "from": NETWORK_PEERS},
        },
    ),
    Configuration("wmo-database-plugin", "wmo-database", "wmo-db"),
    Configuration(
        "wmo-database-barman",
        "wmo-database",
        "wmo-db",
        {
            "backup": {"method": "barmanObjectStore", "endpointURL": "https://s3.example"},
            "createRoleSecrets": True,
            "cluster": {"storage": {"size": "50Gi", "storageClass": "fast"}},
        },
    ),
)


@dataclass(frozen=True)
class Rendered:
    template: str  # e.g. wmo/templates/deployment.yaml
    obj: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.obj["kind"])

    @property
    def name(self) -> str:
        return str(self.obj["metadata"]["name"])

    @property
    def annotations(self) -> dict[str, str]:
        return dict(self.obj["metadata"].get("annotations") or {})

    @property
    def hooks(self) -> set[str]:
        value = self.annotations.get("helm.sh/hook", "")
        return {h.strip() for h in value.split(",") if h.strip()}

    def describe(self) -> str:
        return f"{self.kind}/{self.name} ({self.template})"


def render(configuration: Configuration) -> list[Rendered]:
    return _render(
        configuration.chart,
        configuration.release,
        json.dumps(configuration.values),
        configuration.upgrade,
    )


@functools.cache
def _render(chart: str, release: str, values_json: str, upgrade: bool) -> list[Rendered]:
    with helm.Chart.load(str(CHARTS / chart)) as loaded:
        files = loaded.render(
            json.loads(values_json),
            name=release,
            namespace="wmo",
            revision=2 if upgrade else 1,
            is_install=not upgrade,
            is_upgrade=upgrade,
        )
    out = []
    for template, text in sorted(files.items()):
        if template.endswith("NOTES.txt"):
            continue
        for doc in yaml.safe_load_all(text):
            if doc is not None:
                out.append(Rendered(template, doc))
    return out


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (the schemas SQL) as literal blocks, as a person would write them."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)


def render_text(configuration: Configuration) -> str:
    return "".join(
        f"---\n# Source: {r.template}\n"
        + yaml.dump(r.obj, Dumper=_Dumper, sort_keys=False, width=100)
        for r in render(configuration)
    )


@functools.cache
def _registry() -> Registry:
    resources = [
        (schema["$id"], Resource.from_contents(schema))
        for schema in (json.loads(p.read_text()) for p in sorted(SCHEMAS.glob("*.json")))
    ]
    return Registry().with_resources(resources)


@functools.cache
def _custom_validator(filename: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / filename).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema,
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def validation_errors(obj: dict[str, Any]) -> list[str]:
    """Every schema violation of one object; [] when valid."""
    key = (obj.get("apiVersion"), obj.get("kind"))
    if key in CUSTOM_SCHEMAS:
        validator = _custom_validator(CUSTOM_SCHEMAS[key])  # type: ignore[index]
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator.iter_errors(obj)
        ]
    errors = []
    for version in KUBERNETES_VERSIONS:
        try:
            kubernetes_validate.validate(obj, version, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            errors.append(f"no schema for {key} in Kubernetes {version}: add one to {SCHEMAS}")
        except kubernetes_validate.ValidationError as e:
            path = "/".join(map(str, e.path)) or "<root>"
            errors.append(f"Kubernetes {version}: {path}: {e.message}")
    return errors


def lint(chart: str) -> list[str]:
    """``helm lint``'s errors and warnings (its INFO findings, like a missing icon, pass)."""
    result = helm.lint(str(CHARTS / chart))
    messages = [m for m in result.get("messages") or [] if m.get("severity", 0) > 1]
    return [f"{m['path']}: {m['error']}" for m in messages] + [
        str(e) for e in result.get("errors") or []
    ]


def check_all() -> Iterator[str]:
    for chart in sorted({c.chart for c in CONFIGURATIONS}):
        for problem in lint(chart):
            yield f"helm lint {chart}: {problem}"
    for configuration in CONFIGURATIONS:
        for rendered in render(configuration):
            for error in validation_errors(rendered.obj):
                yield f"{configuration.name}: {rendered.describe()}: {error}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for configuration in CONFIGURATIONS:
        path = OUT / f"{configuration.name}.yaml"
        path.write_text(render_text(configuration))
        kinds: dict[str, int] = {}
        for rendered in render(configuration):
            kinds[rendered.kind] = kinds.get(rendered.kind, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"{path.relative_to(ROOT)}: {summary}")
    problems = list(check_all())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(
        f"deploy-check: {len(CONFIGURATIONS)} configurations rendered, every object valid "
        f"(Kubernetes {' and '.join(KUBERNETES_VERSIONS)}; custom resources: {SCHEMAS.name}/)"
    )


if __name__ == "__main__":
    main()
