"""Deployment files are accepted by their tools and agree with each other."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "pgb", "indicatie", "finance")


def _compose_cmd() -> list[str] | None:
    docker = shutil.which("docker")
    if docker:
        probe = subprocess.run([docker, "compose", "version"], capture_output=True)
        if probe.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_docker_compose_config_accepts_the_file() -> None:
    cmd = _compose_cmd()
    if cmd is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    result = subprocess.run([*cmd, "config", "-q"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_compose_has_a_migration_job_per_service_that_the_service_waits_for() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    for svc in SERVICES:
        assert compose["services"][f"{svc}-migrate"]["command"][-1] == f"wmo_{svc}.migrate"
        depends = compose["services"][svc]["depends_on"]
        assert depends[f"{svc}-migrate"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("svc", SERVICES)
def test_dockerfile_runs_as_non_root_with_healthcheck(svc: str) -> None:
    text = (ROOT / "services" / svc / "Dockerfile").read_text()
    assert "USER wmo" in text
    assert "HEALTHCHECK" in text and "/health/ready" in text


@pytest.mark.parametrize("svc", SERVICES)
def test_kubernetes_manifests_probe_health_and_migrate_first(svc: str) -> None:
    docs = list(yaml.safe_load_all((ROOT / "deploy" / "k8s" / f"{svc}.yaml").read_text()))
    kinds = {d["kind"]: d for d in docs}
    assert set(kinds) == {"Job", "Deployment", "Service"}
    container = kinds["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert kinds["Job"]["spec"]["template"]["spec"]["containers"][0]["command"][-1] == (
        f"wmo_{svc}.migrate"
    )
    kustomization = yaml.safe_load((ROOT / "deploy" / "k8s" / "kustomization.yaml").read_text())
    assert f"{svc}.yaml" in kustomization["resources"]
