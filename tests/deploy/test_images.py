"""The root Dockerfile (one image per service, build argument SERVICE) and docker-compose."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.deploy.render import ROOT
from tests.deploy.support import APP, one, pod_spec
from wmo_shared.db.bootstrap import SERVICES

DOCKERFILE = ROOT / "Dockerfile"
ENTRYPOINT = ROOT / "deploy" / "docker" / "entrypoint.sh"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def stages() -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    for ins in instructions():
        if ins[0] == "FROM":
            out.append([])
        if out:
            out[-1].append(ins)
    return out


def workspace_members() -> list[str]:
    root = tomllib.loads((ROOT / "pyproject.toml").read_text())
    members: list[str] = []
    for pattern in root["tool"]["uv"]["workspace"]["members"]:
        members += sorted(
            str(p.parent.relative_to(ROOT)) for p in ROOT.glob(f"{pattern}/pyproject.toml")
        )
    return members


def workspace_dependencies(package_dir: str) -> set[str]:
    """Workspace member directories a member needs, itself included, transitively."""
    by_name = {
        tomllib.loads((ROOT / m / "pyproject.toml").read_text())["project"]["name"]: m
        for m in workspace_members()
    }
    seen: set[str] = set()
    todo = [package_dir]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        project = tomllib.loads((ROOT / current / "pyproject.toml").read_text())["project"]
        for dep in project.get("dependencies", []):
            name = re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]
            if name in by_name:
                todo.append(by_name[name])
    return seen


def test_one_dockerfile_for_all_services() -> None:
    assert not list(ROOT.glob("services/*/Dockerfile")), "the root Dockerfile replaces these"
    # Builds with any builder: the legacy one (docker-compose v1) knows no BuildKit syntax.
    assert not DOCKERFILE.read_text().startswith("# syntax=")
    for word, args in instructions():
        assert "--mount=" not in args and "--chmod" not in args, (word, args)
    build, runtime = stages()
    assert ("ARG", "SERVICE") in build and ("ARG", "SERVICE") in runtime


def test_dependencies_are_a_layer_of_their_own_before_the_code() -> None:
    build, _ = stages()
    copies = [args for word, args in build if word == "COPY"]
    syncs = [i for i, (word, args) in enumerate(build) if word == "RUN" and "uv sync" in args]
    assert len(syncs) == 2
    first, second = (build[i][1] for i in syncs)
    assert "--frozen" in first and "--no-install-workspace" in first and "--no-dev" in first
    assert "--frozen" in second and "--no-editable" in second and "--no-dev" in second
    before = [args for word, args in build[: syncs[0]] if word == "COPY"]
    between = [args for word, args in build[syncs[0] : syncs[1]] if word == "COPY"]
    # Only the lock and pyproject files before the dependency layer ...
    for args in before:
        sources = shlex.split(args)[:-1]
        assert all(s.endswith(("pyproject.toml", "uv.lock")) for s in sources), args
    copied_manifests = {s for args in before for s in shlex.split(args)[:-1]}
    assert {"pyproject.toml", "uv.lock"} <= copied_manifests
    for member in workspace_members():
        assert any(f"{member}/pyproject.toml" == s for s in copied_manifests), (
            f"{member}/pyproject.toml must be there for uv to read the workspace"
        )
    # ... and every member the service needs after it.
    sources = {shlex.split(args)[0] for args in between}
    for svc in SERVICES:
        needed = workspace_dependencies(f"services/{svc}")
        have = {s.replace("${SERVICE}", svc) for s in sources}
        assert needed <= have, (svc, needed - have)
    assert len(copies) == len(before) + len(between)


def test_runtime_stage_runs_as_the_uid_kubernetes_expects_with_a_healthcheck() -> None:
    _, runtime = stages()
    users = [args for word, args in runtime if word == "USER"]
    assert users == ["10001:10001"], "numeric, so that runAsNonRoot can be verified"
    (healthcheck,) = [args for word, args in runtime if word == "HEALTHCHECK"]
    assert "/health/ready" in healthcheck and "PORT" in healthcheck
    (expose,) = [args for word, args in runtime if word == "EXPOSE"]
    env = " ".join(args for word, args in runtime if word == "ENV")
    assert "PORT=8000" in env and expose == "8000"
    (container,) = pod_spec(one(APP[0], "Deployment", "wmo-intake"))["containers"]
    assert container["ports"][0]["containerPort"] == int(expose)
    assert container["securityContext"]["runAsUser"] == 10001
    (entrypoint,) = [args for word, args in runtime if word == "ENTRYPOINT"]
    assert "wmo-entrypoint" in entrypoint
    # The one writable place under the chart's read-only root: caches (fontconfig) go there.
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert "XDG_CACHE_HOME=/tmp/" in env
    assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]


def test_the_build_context_keeps_what_the_dockerfile_copies() -> None:
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    assert "!deploy/docker" in ignore and "tests" in ignore and ".venv" in ignore
    assert os.access(ENTRYPOINT, os.X_OK)


def _entrypoint(tmp_path: Path, *args: str, **env: str) -> str:
    fake = tmp_path / "uvicorn"
    fake.write_text('#!/bin/sh\necho uvicorn "$@"\n')
    fake.chmod(0o755)
    environ = {"PATH": f"{tmp_path}:/usr/bin:/bin", **env}
    result = subprocess.run(
        ["sh", str(ENTRYPOINT), *args], env=environ, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_entrypoint_serves_the_service_in_production_unless_told_otherwise(
    tmp_path: Path,
) -> None:
    out = _entrypoint(tmp_path, WMO_SERVICE="indicatie", PORT="8000")
    assert out.split()[:4] == ["uvicorn", "wmo_indicatie.main:create_app", "--factory", "--host"]
    assert "--port 8000" in out
    env = _entrypoint(tmp_path, "env", WMO_SERVICE="pgb")
    assert "PGB_ENVIRONMENT=production" in env.splitlines()
    env = _entrypoint(tmp_path, "env", WMO_SERVICE="pgb", PGB_ENVIRONMENT="development")
    assert "PGB_ENVIRONMENT=development" in env.splitlines()


def test_a_worker_runs_with_minus_oo_and_a_command_without(tmp_path: Path) -> None:
    """The served worker without docstrings and asserts (5.5 MB less, docs/performance.md),
    from bytecode the build compiled at that level; migrations and commands as they are."""
    served = _entrypoint(tmp_path, WMO_SERVICE="intake", PORT="8000")
    assert served.startswith("uvicorn ")
    script = ENTRYPOINT.read_text()
    serve_branch = script[script.index('if [ "$#" -eq 0 ]') : script.index('exec "$@"')]
    assert "export PYTHONOPTIMIZE=2" in serve_branch
    env = _entrypoint(tmp_path, "env", WMO_SERVICE="pgb")
    assert not any(line.startswith("PYTHONOPTIMIZE=") for line in env.splitlines())
    syncs = [args for word, args in stages()[0] if word == "RUN" and "uv sync" in args]
    assert len(syncs) == 2
    assert all("python -OO -m compileall" in args for args in syncs)


def test_the_dependency_layer_installs_from_manifests_alone(tmp_path: Path) -> None:
    """The two `uv sync` steps of the Dockerfile, outside Docker: first with nothing but the
    lock and the pyproject files, then with the sources."""
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv is None:
        pytest.skip("uv not on PATH")
    src = tmp_path / "src"
    for member in [".", *workspace_members()]:
        (src / member).mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / member / "pyproject.toml", src / member / "pyproject.toml")
    shutil.copy(ROOT / "uv.lock", src / "uv.lock")
    env = {
        **os.environ,
        "UV_PROJECT_ENVIRONMENT": str(tmp_path / "venv"),
        "UV_LINK_MODE": "copy",
        "UV_PYTHON_DOWNLOADS": "never",
    }
    env.pop("VIRTUAL_ENV", None)
    svc = "intake"
    run = [uv, "sync", "--frozen", "--no-dev", "--package", f"wmo-{svc}", "--quiet"]
    subprocess.run([*run, "--no-install-workspace"], cwd=src, env=env, check=True)
    for member in sorted(workspace_dependencies(f"services/{svc}")):
        shutil.copytree(
            ROOT / member,
            src / member,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    subprocess.run([*run, "--no-editable"], cwd=src, env=env, check=True)
    python = tmp_path / "venv" / "bin" / "python"
    probe = subprocess.run(
        [str(python), "-c", "import wmo_intake.main, wmo_shared.db.bootstrap, uvicorn"],
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0, probe.stderr
    dev_only = subprocess.run([str(python), "-c", "import pytest"], capture_output=True)
    assert dev_only.returncode != 0, "no dev tools in the image"


# --- docker-compose -----------------------------------------------------------------------------


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


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _default(value: str) -> str:
    """`${VAR:-default}` as compose resolves it without an .env file."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_compose_builds_every_service_from_the_root_dockerfile() -> None:
    services = _compose()["services"]
    for svc in SERVICES:
        for name in (svc, f"{svc}-migrate"):
            build = services[name]["build"]
            assert build["dockerfile"] == "Dockerfile" and build["context"] == "."
            assert build["args"] == {"SERVICE": svc}
            assert services[name]["image"] == f"wmo-{svc}"
        (port,) = services[svc]["ports"]
        assert port.endswith(":8000")


def test_compose_bootstraps_then_migrates_then_starts_each_service() -> None:
    services = _compose()["services"]
    bootstrap = services["db-bootstrap"]
    assert bootstrap["command"][:3] == ["python", "-m", "wmo_shared.db.bootstrap"]
    assert bootstrap["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "volumes" not in services["postgres"] or not any(
        "initdb" in v for v in services["postgres"]["volumes"]
    ), "roles and schemas come from wmo_shared.db.bootstrap only"
    passwords = {k: _default(v) for k, v in bootstrap["environment"].items()}
    for svc in SERVICES:
        migrate = services[f"{svc}-migrate"]
        assert migrate["command"][-1] == f"wmo_{svc}.migrate"
        assert migrate["depends_on"]["db-bootstrap"]["condition"] == (
            "service_completed_successfully"
        )
        depends = services[svc]["depends_on"]
        assert depends[f"{svc}-migrate"]["condition"] == "service_completed_successfully"
        p = svc.upper()
        for url, kind in (
            (migrate["environment"][f"{p}_MIGRATION_DATABASE_URL"], "owner"),
            (services[svc]["environment"][f"{p}_DATABASE_URL"], "app"),
        ):
            password = passwords[f"WMO_DB_PASSWORD_{p}_{kind.upper()}"]
            assert f"//{svc}_{kind}:{password}@postgres:5432/wmo" in _default(url)
        for other in SERVICES:
            if other != svc:
                assert services[svc]["environment"][f"{p}_{other.upper()}_URL"] == (
                    f"http://{other}:8000"
                )
