"""Checks an installation of the wmo chart on a real Kubernetes cluster, after ``helm install``,
from an operator's machine (``kubectl`` on the PATH, ``KUBECONFIG`` set). Not part of
``make test``: CI has no cluster. docs/deployment.md ("Checking an installation") tells how it
was run and what it found.

    TOKEN=... AANBIEDER=... FINANCIEN=... BEHEER=... \\
      python -m tests.deploy.cluster_check --namespace wmo --release wmo \\
      [--intake-url http://... --upgrade-tag 1.0.1]

The tokens come from the installation's OIDC provider, as for ``scripts/walkthrough.sh``
(role gebiedsteam, aanbieder with an ``agb`` claim, financien, beheer; gemeente 0085).

1. The release: every Deployment has all its replicas available, the namespace enforces the
   restricted Pod Security Standard, the hook Jobs (bootstrap, migrations) completed.
2. Through ``kubectl port-forward`` to each Service: ``/health/ready`` is up, ``/metrics``
   answers in Prometheus' text format, the ``API-Version`` header is there.
3. ``scripts/walkthrough.sh`` (scenario A: melding to beschikking, the WMO301, the CAK register
   via the outbox) through the forwarded intake, indicatie and finance.
4. The PodDisruptionBudget: evicting one intake pod is allowed, a second one right after is
   refused (429) until the first is replaced.
5. With ``--server-dry-run``: every configuration ``tests.deploy.render`` renders (both
   charts), applied as a server-side dry run to a scratch namespace that enforces the
   restricted Pod Security Standard: the cluster's own schemas and admission, and the real CRDs
   of CloudNativePG, its barman-cloud plugin and the Prometheus Operator (installed there).
6. With ``--upgrade-tag``: ``helm upgrade --reuse-values`` to that image tag (Helm's own SDK,
   as ``tests.deploy.render``) while clients read and write through ``--intake-url`` (a URL of
   intake's Service that outlives a pod: an ingress, or the ClusterIP from a node). Every
   request must succeed.

Exit status 1 on the first step that fails.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.intake.api.helpers import bsn

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("intake", "pgb", "indicatie", "finance")
TOKENS = ("TOKEN", "AANBIEDER", "FINANCIEN", "BEHEER")


class CheckFailed(Exception):
    pass


def kubectl(*args: str, stdin: str | None = None) -> str:
    r = subprocess.run(["kubectl", *args], input=stdin, capture_output=True, text=True)
    if r.returncode:
        raise CheckFailed(f"kubectl {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def objects(ns: str, kind: str, selector: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(
        kubectl("-n", ns, "get", kind, "-l", selector, "-o", "json")
    )["items"]
    return items


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def check_release(ns: str, release: str) -> None:
    step("1. Deployments, Pod Security, hook Jobs")
    labels = json.loads(kubectl("get", "namespace", ns, "-o", "json"))["metadata"].get("labels", {})
    if labels.get("pod-security.kubernetes.io/enforce") != "restricted":
        raise CheckFailed(f"namespace {ns} does not enforce the restricted Pod Security Standard")
    for d in objects(ns, "deployments", f"app.kubernetes.io/instance={release}"):
        want, status = d["spec"].get("replicas", 1), d.get("status", {})
        print(f"{d['metadata']['name']}: {status.get('availableReplicas', 0)}/{want} available")
        if status.get("availableReplicas", 0) < want:
            raise CheckFailed(f"{d['metadata']['name']} is not fully available")
    for job in objects(ns, "jobs", f"app.kubernetes.io/instance={release}"):
        done = job.get("status", {}).get("succeeded", 0)
        print(f"{job['metadata']['name']}: {'completed' if done else 'NOT completed'}")
        if not done:
            raise CheckFailed(f"hook Job {job['metadata']['name']} did not complete")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def forwarded(ns: str, release: str) -> Iterator[dict[str, str]]:
    """A local URL per service, through ``kubectl port-forward svc/...``."""
    procs, urls = [], {}
    try:
        for svc in SERVICES:
            port = _free_port()
            procs.append(
                subprocess.Popen(
                    ["kubectl", "-n", ns, "port-forward", f"svc/{release}-{svc}", f"{port}:80"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls[svc] = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        for url in urls.values():
            while True:
                try:
                    httpx.get(f"{url}/health/live", timeout=2)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise CheckFailed(f"port-forward to {url} did not come up") from None
                    time.sleep(0.3)
        yield urls
    finally:
        for p in procs:
            p.terminate()


def check_endpoints(urls: dict[str, str]) -> None:
    step("2. Readiness, metrics, API-Version")
    for svc, url in urls.items():
        ready = httpx.get(f"{url}/health/ready", timeout=10)
        metrics = httpx.get(f"{url}/metrics", timeout=10)
        print(
            f"{svc}: ready {ready.status_code} {ready.json().get('status')}, "
            f"API-Version {ready.headers.get('api-version')}, metrics {metrics.status_code} "
            f"({len(metrics.text.splitlines())} lines)"
        )
        if ready.status_code != 200 or "api-version" not in ready.headers:
            raise CheckFailed(f"{svc} is not ready")
        if metrics.status_code != 200 or "# TYPE" not in metrics.text:
            raise CheckFailed(f"{svc} serves no metrics")


def check_walkthrough(urls: dict[str, str]) -> None:
    step("3. scripts/walkthrough.sh (scenario A)")
    env = {
        **os.environ,
        "INTAKE": urls["intake"],
        "INDICATIE": urls["indicatie"],
        "FINANCE": urls["finance"],
    }
    r = subprocess.run(
        ["bash", str(ROOT / "scripts" / "walkthrough.sh")], env=env, text=True, capture_output=True
    )
    print("\n".join(r.stdout.splitlines()[-6:]))
    if r.returncode:
        raise CheckFailed(f"the walk-through failed: {r.stderr.strip()[-500:]}")


def _evict(ns: str, pod: str) -> int:
    body = {
        "apiVersion": "policy/v1",
        "kind": "Eviction",
        "metadata": {"name": pod, "namespace": ns},
    }
    r = subprocess.run(
        ["kubectl", "create", "--raw", f"/api/v1/namespaces/{ns}/pods/{pod}/eviction", "-f", "-"],
        input=json.dumps(body),
        capture_output=True,
        text=True,
    )
    if r.returncode == 0:
        return 201
    return 429 if "disruption budget" in r.stderr else 500


def check_disruption_budget(ns: str, release: str) -> None:
    step("4. PodDisruptionBudget")
    pods = [
        p["metadata"]["name"]
        for p in objects(
            ns, "pods", f"app.kubernetes.io/instance={release},app.kubernetes.io/name=intake"
        )
        if p["status"].get("phase") == "Running"
    ]
    if len(pods) < 2:
        raise CheckFailed("intake runs fewer than two pods")
    first, second = _evict(ns, pods[0]), _evict(ns, pods[1])
    print(f"evict {pods[0]}: {first}; evict {pods[1]} right after: {second}")
    if (first, second) != (201, 429):
        raise CheckFailed("the disruption budget did not hold")


def check_server_dry_run() -> None:
    step("5. Every rendered configuration, as a server-side dry run")
    from tests.deploy.render import CONFIGURATIONS, render

    scratch = "wmo-dry-run"
    namespace = {
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": scratch,
            "labels": {"pod-security.kubernetes.io/enforce": "restricted"},
        },
    }
    kubectl("apply", "-f", "-", stdin=json.dumps(namespace))
    try:
        for configuration in CONFIGURATIONS:
            objs = [r.obj for r in render(configuration)]
            listed = json.dumps({"apiVersion": "v1", "kind": "List", "items": objs})
            r = subprocess.run(
                ["kubectl", "apply", "--dry-run=server", "-n", scratch, "-f", "-"],
                input=listed,
                capture_output=True,
                text=True,
            )
            warnings = [line for line in r.stderr.splitlines() if line.startswith("Warning")]
            print(
                f"{configuration.name}: {len(objs)} objects, "
                f"{'accepted' if r.returncode == 0 else 'REFUSED'}, {len(warnings)} warnings"
            )
            if r.returncode or warnings:
                raise CheckFailed(f"{configuration.name}: {r.stderr.strip()[:1000]}")
    finally:
        kubectl("delete", "namespace", scratch, "--wait=false")


async def _load(
    url: str, token: str, stop: asyncio.Event, clients: int
) -> collections.Counter[str]:
    """Reads of one cliënt and registrations of new ones (a fourth), keep-alive connections."""
    counts: collections.Counter[str] = collections.Counter()
    headers = {"Authorization": f"Bearer {token}"}

    def body() -> dict[str, str]:
        return {
            "bsn": bsn(),
            "voornamen": "Check",
            "achternaam": "Upgrade",
            "geboortedatum": "1950-01-01",
        }

    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=10) as c:
        first = await c.post(
            "/api/v1/clienten", json=body(), headers={"Idempotency-Key": str(uuid.uuid4())}
        )
        first.raise_for_status()
        path = f"/api/v1/clienten/{first.json()['id']}"

        async def client(n: int) -> None:
            while not stop.is_set():
                try:
                    if n % 4 == 0:
                        key = {"Idempotency-Key": str(uuid.uuid4())}
                        r = await c.post("/api/v1/clienten", json=body(), headers=key)
                    else:
                        r = await c.get(path)
                    # 409: a random BSN that an earlier registration already took
                    counts[str(r.status_code) if r.status_code != 409 else "201"] += 1
                except httpx.HTTPError as exc:
                    counts[type(exc).__name__] += 1

        await asyncio.gather(*(client(n) for n in range(clients)))
    return counts


def check_upgrade(ns: str, release: str, tag: str, url: str, clients: int) -> None:
    step(f"6. helm upgrade to image tag {tag} under load ({clients} clients)")
    from helm_python import Chart  # Helm's Go SDK in a wheel, as tests.deploy.render
    from helm_python.config import Config

    async def run() -> collections.Counter[str]:
        stop = asyncio.Event()
        load = asyncio.create_task(_load(url, os.environ["TOKEN"], stop, clients))
        await asyncio.sleep(5)
        started = time.monotonic()
        await asyncio.to_thread(
            Config(namespace=ns).upgrade,
            Chart.load(str(ROOT / "deploy" / "helm" / "wmo")),
            release,
            {"image": {"tag": tag}},
            namespace=ns,
            reuse_values=True,
            wait="watcher",
            timeout=900,
        )
        print(f"upgrade done in {time.monotonic() - started:.1f} s")
        await asyncio.sleep(15)  # the old pods' termination
        stop.set()
        return await load

    counts = asyncio.run(run())
    print("requests:", dict(counts))
    if set(counts) - {"200", "201"}:
        raise CheckFailed("requests failed during the upgrade")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--namespace", default="wmo")
    parser.add_argument("--release", default="wmo")
    parser.add_argument("--intake-url", help="intake's Service, reachable through a pod change")
    parser.add_argument("--upgrade-tag", help="upgrade to this image tag under load")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--server-dry-run", action="store_true", help="dry-run every rendered configuration"
    )
    args = parser.parse_args()
    missing = [t for t in TOKENS if not os.environ.get(t)]
    if missing or (args.upgrade_tag and not args.intake_url):
        parser.error(f"set {', '.join(missing)}" if missing else "--upgrade-tag needs --intake-url")
    try:
        check_release(args.namespace, args.release)
        with forwarded(args.namespace, args.release) as urls:
            check_endpoints(urls)
            check_walkthrough(urls)
        check_disruption_budget(args.namespace, args.release)
        if args.server_dry_run:
            check_server_dry_run()
        if args.upgrade_tag:
            check_upgrade(
                args.namespace, args.release, args.upgrade_tag, args.intake_url, args.clients
            )
    except CheckFailed as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        sys.exit(1)
    print("\nThe installation passed every check.")


if __name__ == "__main__":
    main()
