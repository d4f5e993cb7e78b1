"""The wmo chart: every object schema-valid, restricted pods, probes, scaling, monitoring, and
each service's migrations as a hook that runs before its Deployment rolls."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.deploy.render import (
    CONFIGURATIONS,
    NETWORK_PEERS,
    Configuration,
    lint,
    render,
    validation_errors,
)
from tests.deploy.support import (
    APP,
    containers,
    env_of,
    fullname,
    ids,
    of_kind,
    one,
    pod_spec,
    pods,
)
from wmo_shared.db.bootstrap import SERVICES

CONTAINER_PORT = 8000
RESTRICTED_VOLUME_TYPES = {
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
}


def _autoscaled(configuration: Configuration, svc: str) -> bool:
    values = configuration.values
    own = values.get("services", {}).get(svc, {}).get("autoscaling", {})
    default = values.get("defaults", {}).get("autoscaling", {})
    return bool(own.get("enabled", default.get("enabled", True)))


# --- schema validation ----------------------------------------------------------------------


@pytest.mark.parametrize("configuration", CONFIGURATIONS, ids=ids)
def test_every_rendered_object_is_schema_valid(configuration: Configuration) -> None:
    rendered = render(configuration)
    assert rendered
    problems = [f"{r.describe()}: {e}" for r in rendered for e in validation_errors(r.obj)]
    assert problems == []


@pytest.mark.parametrize("chart", sorted({c.chart for c in CONFIGURATIONS}))
def test_helm_lint_finds_no_error_or_warning(chart: str) -> None:
    assert lint(chart) == []


def test_validation_is_strict_for_built_in_and_custom_kinds() -> None:
    deployment = copy.deepcopy(one(APP[0], "Deployment", "wmo-intake"))
    deployment["spec"]["replica"] = 2
    assert validation_errors(deployment)
    monitor = copy.deepcopy(one(APP[0], "ServiceMonitor", "wmo-intake"))
    monitor["spec"]["endpoints"][0]["paths"] = "/metrics"
    assert validation_errors(monitor)
    monitor = copy.deepcopy(one(APP[0], "ServiceMonitor", "wmo-intake"))
    monitor["spec"]["endpoints"][0]["relabelings"][0]["target_label"] = "service"
    assert validation_errors(monitor)
    cluster = copy.deepcopy(one(CONFIGURATIONS[-1], "Cluster", "wmo-db"))
    cluster["spec"]["managed"]["roles"][0]["passwordSecrets"] = {"name": "x"}
    assert validation_errors(cluster)
    unknown = {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
    assert validation_errors(unknown)


def test_values_outside_the_values_schema_are_refused() -> None:
    import helm_python as helm

    from tests.deploy.render import CHARTS

    with helm.Chart.load(str(CHARTS / "wmo")) as chart, pytest.raises(helm.HelmError):
        chart.render({"services": {"wmo-typo": {}}}, name="wmo", namespace="wmo")
    with helm.Chart.load(str(CHARTS / "wmo")) as chart, pytest.raises(helm.HelmError):
        chart.render({"database": {"mode": "external"}}, name="wmo", namespace="wmo")


# --- what each service gets -------------------------------------------------------------------


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_each_service_has_deployment_service_autoscaler_budget_monitor_and_migration(
    configuration: Configuration,
) -> None:
    full = fullname(configuration)
    values = configuration.values
    monitors = values.get("metrics", {}).get("serviceMonitor", {}).get("enabled", True)
    for svc in SERVICES:
        name = f"{full}-{svc}"
        assert name in of_kind(configuration, "Deployment")
        assert name in of_kind(configuration, "Service")
        assert f"{name}-migrate" in of_kind(configuration, "Job")
        assert (name in of_kind(configuration, "HorizontalPodAutoscaler")) == _autoscaled(
            configuration, svc
        )
        pdb = values.get("services", {}).get(svc, {}).get("podDisruptionBudget", {})
        assert (name in of_kind(configuration, "PodDisruptionBudget")) == pdb.get("enabled", True)
        assert (name in of_kind(configuration, "ServiceMonitor")) == monitors


def test_the_default_installation_has_every_piece_for_every_service() -> None:
    configuration = APP[0]
    for kind in (
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "ServiceMonitor",
    ):
        assert sorted(of_kind(configuration, kind)) == sorted(f"wmo-{s}" for s in SERVICES)


# --- Pod Security Standard "restricted" -------------------------------------------------------


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_every_pod_meets_the_restricted_pod_security_standard(
    configuration: Configuration,
) -> None:
    found = list(pods(configuration))
    assert found
    for rendered, spec in found:
        where = rendered.describe()
        pod = spec.get("securityContext", {})
        assert pod.get("runAsNonRoot") is True, where
        assert pod.get("runAsUser") == 10001, where
        assert pod.get("seccompProfile") == {"type": "RuntimeDefault"}, where
        assert spec.get("automountServiceAccountToken") is False, where
        for host in ("hostNetwork", "hostPID", "hostIPC"):
            assert not spec.get(host), where
        for volume in spec.get("volumes", []):
            types = set(volume) - {"name"}
            assert types <= RESTRICTED_VOLUME_TYPES, (where, volume)
        for container in containers(spec):
            ctx = container.get("securityContext", {})
            at = f"{where} container {container['name']}"
            assert ctx.get("allowPrivilegeEscalation") is False, at
            assert ctx.get("readOnlyRootFilesystem") is True, at
            assert ctx.get("capabilities", {}).get("drop") == ["ALL"], at
            assert not ctx.get("capabilities", {}).get("add"), at
            assert ctx.get("privileged") in (None, False), at
            assert ctx.get("runAsNonRoot", pod.get("runAsNonRoot")) is True, at
            assert ctx.get("runAsUser", pod.get("runAsUser")) == 10001, at
            seccomp = ctx.get("seccompProfile", pod.get("seccompProfile"))
            assert seccomp == {"type": "RuntimeDefault"}, at
            assert all("hostPort" not in p for p in container.get("ports", [])), at
            # A read-only root file system needs somewhere to write temporary files.
            mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
            assert "/tmp" in mounts, at


# --- probes, Service, monitoring, scaling -----------------------------------------------------


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_deployments_probe_ready_and_live_on_the_container_port(
    configuration: Configuration,
) -> None:
    for name, rendered in of_kind(configuration, "Deployment").items():
        (container,) = pod_spec(rendered.obj)["containers"]
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports == {"http": CONTAINER_PORT}, name
        ready, live = container["readinessProbe"], container["livenessProbe"]
        assert ready["httpGet"] == {"path": "/health/ready", "port": "http"}, name
        assert live["httpGet"] == {"path": "/health/live", "port": "http"}, name
        assert live["failureThreshold"] * live["periodSeconds"] >= 30, name
        # Liveness never depends on the database: only readiness does.
        assert container.get("startupProbe", {}).get("httpGet", {}).get("path") in (
            None,
            "/health/live",
        )


def _selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_services_monitors_autoscalers_and_budgets_select_their_pods(
    configuration: Configuration,
) -> None:
    deployments = of_kind(configuration, "Deployment")
    services = of_kind(configuration, "Service")
    for name, rendered in deployments.items():
        spec = rendered.obj["spec"]
        pod_labels = spec["template"]["metadata"]["labels"]
        assert _selects(spec["selector"]["matchLabels"], pod_labels), name
        # No other Deployment's pods match this one's selector.
        for other, o in deployments.items():
            if other != name:
                labels = o.obj["spec"]["template"]["metadata"]["labels"]
                assert not _selects(spec["selector"]["matchLabels"], labels)

        service = services[name].obj
        assert _selects(service["spec"]["selector"], pod_labels), name
        (port,) = service["spec"]["ports"]
        assert port["targetPort"] == "http" and port["name"] == "http", name

        monitor = of_kind(configuration, "ServiceMonitor").get(name)
        if monitor is not None:
            ms = monitor.obj["spec"]
            assert _selects(ms["selector"]["matchLabels"], service["metadata"]["labels"]), name
            (endpoint,) = ms["endpoints"]
            assert endpoint["port"] == port["name"] and endpoint["path"] == "/metrics", name
            # Targets are labelled service="<svc>", the value the metrics carry themselves.
            svc = pod_labels["app.kubernetes.io/name"]
            assert {"targetLabel": "service", "replacement": svc} in endpoint["relabelings"]
            assert {"action": "labeldrop", "regex": "exported_service"} in endpoint[
                "metricRelabelings"
            ]

        hpa = of_kind(configuration, "HorizontalPodAutoscaler").get(name)
        if hpa is not None:
            hs = hpa.obj["spec"]
            assert hs["scaleTargetRef"] == {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "name": name,
            }
            assert 2 <= hs["minReplicas"] <= hs["maxReplicas"], name
            # The autoscaler owns the replica count: a Deployment value would fight it.
            assert "replicas" not in spec, name
            (container,) = spec["template"]["spec"]["containers"]
            assert container["resources"]["requests"]["cpu"], "CPU utilisation needs a request"
        else:
            assert spec["replicas"] >= 1, name

        pdb = of_kind(configuration, "PodDisruptionBudget").get(name)
        if pdb is not None:
            assert _selects(pdb.obj["spec"]["selector"]["matchLabels"], pod_labels), name


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_a_network_policy_admits_only_the_release_and_the_named_peers_on_port_http(
    configuration: Configuration,
) -> None:
    policies = of_kind(configuration, "NetworkPolicy")
    if not configuration.values.get("networkPolicy", {}).get("enabled", False):
        assert policies == {}
        return
    deployments = of_kind(configuration, "Deployment")
    assert set(policies) == set(deployments)
    pods_of = {
        name: d.obj["spec"]["template"]["metadata"]["labels"] for name, d in deployments.items()
    }
    for name, rendered in policies.items():
        spec = rendered.obj["spec"]
        assert [
            n
            for n, labels in pods_of.items()
            if _selects(spec["podSelector"]["matchLabels"], labels)
        ] == [name]
        assert spec["policyTypes"] == ["Ingress"]
        (rule,) = spec["ingress"]
        assert rule["ports"] == [{"port": "http", "protocol": "TCP"}]
        release, *peers = rule["from"]
        # every service of the release may call it (the services call each other)
        assert all(
            _selects(release["podSelector"]["matchLabels"], labels) for labels in pods_of.values()
        )
        assert peers == NETWORK_PEERS


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_service_urls_point_at_services_of_the_release(configuration: Configuration) -> None:
    services = of_kind(configuration, "Service")
    for name, rendered in of_kind(configuration, "Deployment").items():
        (container,) = pod_spec(rendered.obj)["containers"]
        prefix = name.rsplit("-", 1)[-1].upper()
        others = {f"{prefix}_{s.upper()}_URL" for s in SERVICES} - {f"{prefix}_{prefix}_URL"}
        urls = {k: e["value"] for k, e in env_of(container).items() if k in others}
        assert len(urls) == len(SERVICES) - 1, name
        for key, url in urls.items():
            parts = urlsplit(url)
            assert parts.hostname in services, (name, key, url)
            ports = {p["port"] for p in services[parts.hostname].obj["spec"]["ports"]}
            assert (parts.port or 80) in ports, (name, key, url)


# --- migrations before the rollout -------------------------------------------------------------


def _hook_weight(obj: dict[str, Any]) -> int:
    return int(obj["metadata"]["annotations"].get("helm.sh/hook-weight", "0"))


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_each_service_migrates_in_a_hook_before_its_deployment_rolls(
    configuration: Configuration,
) -> None:
    full = fullname(configuration)
    jobs = of_kind(configuration, "Job")
    for svc in SERVICES:
        job = jobs[f"{full}-{svc}-migrate"]
        deployment = of_kind(configuration, "Deployment")[f"{full}-{svc}"]
        # Helm runs pre-install/pre-upgrade hooks, and waits for the Jobs to complete, before
        # it applies the release's other objects: the Deployment rolls only after migrating.
        assert {"pre-install", "pre-upgrade"} <= job.hooks, job.describe()
        assert not deployment.hooks, deployment.describe()
        # Re-runnable per release: the previous release's Job is deleted before the new one.
        policy = job.annotations.get("helm.sh/hook-delete-policy", "")
        assert "before-hook-creation" in policy.split(","), job.describe()
        spec = job.obj["spec"]
        assert spec["backoffLimit"] >= 1 and spec["activeDeadlineSeconds"] > 0
        (migrate,) = pod_spec(job.obj)["containers"]
        (app,) = pod_spec(deployment.obj)["containers"]
        assert migrate["command"] == ["python", "-m", f"wmo_{svc}.migrate"]
        assert migrate["image"] == app["image"], "the migration of the very image that rolls"
        assert pod_spec(job.obj)["restartPolicy"] in ("Never", "OnFailure")
        # Hooks run before the release's own objects exist: nothing of the chart is used.
        assert "serviceAccountName" not in pod_spec(job.obj)


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_the_migration_logs_in_as_owner_and_the_service_as_app(
    configuration: Configuration,
) -> None:
    full = fullname(configuration)
    for svc in SERVICES:
        (migrate,) = pod_spec(one(configuration, "Job", f"{full}-{svc}-migrate"))["containers"]
        (app,) = pod_spec(one(configuration, "Deployment", f"{full}-{svc}"))["containers"]
        p = svc.upper()
        for container, kind, url_key in (
            (migrate, "owner", f"{p}_MIGRATION_DATABASE_URL"),
            (app, "app", f"{p}_DATABASE_URL"),
        ):
            env = env_of(container)
            assert urlsplit(env[url_key]["value"]).username == f"{svc}_{kind}"
            assert urlsplit(env[url_key]["value"]).password is None, "passwords stay in Secrets"
            secret = env["PGPASSWORD"]["valueFrom"]["secretKeyRef"]
            assert secret == {"name": f"wmo-db-{svc}-{kind}", "key": "password"}
        assert f"{p}_MIGRATION_DATABASE_URL" not in env_of(app)


def test_a_later_release_runs_the_same_migration_hooks_again() -> None:
    install, upgrade = APP[0], APP[1]
    assert upgrade.upgrade and not install.upgrade
    jobs_install = {n: r.hooks for n, r in of_kind(install, "Job").items()}
    jobs_upgrade = {n: r.hooks for n, r in of_kind(upgrade, "Job").items()}
    assert jobs_install == jobs_upgrade
    revision = "wmo.nl/release-revision"
    for name, rendered in of_kind(upgrade, "Job").items():
        annotations = rendered.obj["spec"]["template"]["metadata"]["annotations"]
        assert annotations[revision] == "2", name


def test_external_postgresql_is_bootstrapped_before_any_migration() -> None:
    external = next(c for c in APP if c.name == "wmo-external")
    jobs = of_kind(external, "Job")
    bootstrap = jobs["wmo-db-bootstrap"]
    assert {"pre-install", "pre-upgrade"} <= bootstrap.hooks
    (container,) = pod_spec(bootstrap.obj)["containers"]
    assert container["command"][:3] == ["python", "-m", "wmo_shared.db.bootstrap"]
    env = env_of(container)
    assert env["WMO_ADMIN_DSN"]["valueFrom"]["secretKeyRef"]["name"] == "wmo-db-admin"
    roles = {f"WMO_DB_PASSWORD_{s.upper()}_{k.upper()}" for s in SERVICES for k in ("owner", "app")}
    assert roles <= set(env)
    for name, job in jobs.items():
        if name != "wmo-db-bootstrap":
            assert _hook_weight(bootstrap.obj) < _hook_weight(job.obj), name
    # With CloudNativePG the operator owns roles and schemas: no bootstrap Job.
    assert "wmo-db-bootstrap" not in of_kind(APP[0], "Job")
    host = urlsplit(
        env_of(pod_spec(one(external, "Deployment", "wmo-intake"))["containers"][0])[
            "INTAKE_DATABASE_URL"
        ]["value"]
    ).hostname
    assert host == "postgres.gemeente.example"
