"""Helpers for reading rendered manifests in the deploy tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.deploy.render import CONFIGURATIONS, Configuration, Rendered, render

APP = tuple(c for c in CONFIGURATIONS if c.chart == "wmo")
DATABASE = tuple(c for c in CONFIGURATIONS if c.chart == "wmo-database")
POD_OWNERS = {"Deployment", "Job", "StatefulSet", "DaemonSet", "CronJob", "Pod"}


def ids(configuration: Configuration) -> str:
    return configuration.name


def of_kind(configuration: Configuration, kind: str) -> dict[str, Rendered]:
    return {r.name: r for r in render(configuration) if r.kind == kind}


def one(configuration: Configuration, kind: str, name: str) -> dict[str, Any]:
    found = of_kind(configuration, kind)
    assert name in found, f"{configuration.name}: no {kind}/{name} (has {sorted(found)})"
    return found[name].obj


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    if obj["kind"] == "Pod":
        return dict(obj["spec"])
    if obj["kind"] == "CronJob":
        return dict(obj["spec"]["jobTemplate"]["spec"]["template"]["spec"])
    return dict(obj["spec"]["template"]["spec"])


def pods(configuration: Configuration) -> Iterator[tuple[Rendered, dict[str, Any]]]:
    for rendered in render(configuration):
        if rendered.kind in POD_OWNERS:
            yield rendered, pod_spec(rendered.obj)


def containers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [*spec.get("initContainers", []), *spec["containers"]]


def env_of(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in container.get("env", [])}


def fullname(configuration: Configuration) -> str:
    release = configuration.release
    return release if "wmo" in release else f"{release}-wmo"
