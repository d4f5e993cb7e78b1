"""The wmo-database chart: a CloudNativePG Cluster of three instances with backups to object
storage and managed roles, the schemas SQL generated from wmo_shared.db.bootstrap, and values
that agree with the wmo chart's."""

from __future__ import annotations

import base64

import pytest

from tests.deploy.render import Configuration, render
from tests.deploy.support import APP, DATABASE, ids, of_kind, one, pod_spec
from wmo_shared.db.bootstrap import SERVICES

ROLES = {f"{svc}_{kind}" for svc in SERVICES for kind in ("owner", "app")}
PLUGIN = "barman-cloud.cloudnative-pg.io"


def _cluster(configuration: Configuration) -> dict:
    (cluster,) = of_kind(configuration, "Cluster").values()
    return cluster.obj


@pytest.mark.parametrize("configuration", DATABASE, ids=ids)
def test_cluster_has_three_instances_spread_over_nodes(configuration: Configuration) -> None:
    spec = _cluster(configuration)["spec"]
    assert spec["instances"] == 3
    assert spec["affinity"]["enablePodAntiAffinity"] is True
    assert spec["enableSuperuserAccess"] is False
    assert spec["storage"]["size"]


@pytest.mark.parametrize("configuration", DATABASE, ids=ids)
def test_managed_roles_are_the_owner_and_app_role_of_every_service(
    configuration: Configuration,
) -> None:
    roles = {r["name"]: r for r in _cluster(configuration)["spec"]["managed"]["roles"]}
    assert set(roles) == ROLES
    for name, role in roles.items():
        svc, kind = name.rsplit("_", 1)
        assert role["ensure"] == "present" and role["login"] is True, name
        assert not any(role.get(k) for k in ("superuser", "createdb", "createrole")), name
        assert not role.get("replication") and not role.get("bypassrls"), name
        assert role["passwordSecret"] == {"name": f"wmo-db-{svc}-{kind}"}, name


@pytest.mark.parametrize("configuration", DATABASE, ids=ids)
def test_backups_go_to_object_storage_with_credentials_from_a_secret(
    configuration: Configuration,
) -> None:
    cluster = _cluster(configuration)
    name = cluster["metadata"]["name"]
    method = configuration.values.get("backup", {}).get("method", "plugin")
    if method == "plugin":
        (plugin,) = cluster["spec"]["plugins"]
        assert plugin["name"] == PLUGIN and plugin["isWALArchiver"] is True
        store = one(configuration, "ObjectStore", plugin["parameters"]["barmanObjectName"])
        config, retention = store["spec"]["configuration"], store["spec"]["retentionPolicy"]
        assert "backup" not in cluster["spec"], "one WAL archiver, not two"
    else:
        assert "plugins" not in cluster["spec"]
        config = cluster["spec"]["backup"]["barmanObjectStore"]
        retention = cluster["spec"]["backup"]["retentionPolicy"]
    assert config["destinationPath"].startswith("s3://")
    creds = config["s3Credentials"]
    for key in ("accessKeyId", "secretAccessKey"):
        assert set(creds[key]) == {"name", "key"}, "a Secret reference, never a literal"
    assert config["wal"]["compression"] and config["data"]["compression"]
    assert retention.endswith("d")
    (scheduled,) = of_kind(configuration, "ScheduledBackup").values()
    spec = scheduled.obj["spec"]
    assert spec["cluster"] == {"name": name}
    assert spec["method"] == method
    if method == "plugin":
        assert spec["pluginConfiguration"] == {"name": PLUGIN}
    assert len(spec["schedule"].split()) == 6, "CloudNativePG's cron has a seconds field"


@pytest.mark.parametrize("configuration", DATABASE, ids=ids)
def test_schemas_and_grants_run_at_initdb_from_the_generated_sql(
    configuration: Configuration,
) -> None:
    from deploy.bootstrap_sql import DATABASE_PLACEHOLDER, generate

    initdb = _cluster(configuration)["spec"]["bootstrap"]["initdb"]
    assert initdb["database"] == "wmo"
    (ref,) = initdb["postInitApplicationSQLRefs"]["configMapRefs"]
    config_map = one(configuration, "ConfigMap", ref["name"])
    sql = config_map["data"][ref["key"]]
    assert sql.strip() == generate().replace(f'"{DATABASE_PLACEHOLDER}"', '"wmo"').strip()
    assert DATABASE_PLACEHOLDER not in sql


def test_role_secrets_the_chart_creates_are_kept_and_reload_the_roles() -> None:
    configuration = next(c for c in DATABASE if c.values.get("createRoleSecrets"))
    secrets = of_kind(configuration, "Secret")
    assert set(secrets) == {f"wmo-db-{r.replace('_', '-')}" for r in ROLES}
    for name, rendered in secrets.items():
        obj = rendered.obj
        assert obj["type"] == "kubernetes.io/basic-auth"
        assert obj["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
        assert obj["metadata"]["labels"]["cnpg.io/reload"] == "true"
        username = base64.b64decode(obj["data"]["username"]).decode()
        password = base64.b64decode(obj["data"]["password"]).decode()
        assert username in ROLES and name.endswith(username.replace("_", "-"))
        assert len(password) >= 32 and password.isalnum()
    assert not of_kind(DATABASE[0], "Secret"), "by default the Secrets come from outside"


def test_the_wmo_chart_connects_to_this_cluster_with_these_role_secrets() -> None:
    cluster = _cluster(DATABASE[0])
    secrets = {r["passwordSecret"]["name"] for r in cluster["spec"]["managed"]["roles"]}
    configuration = APP[0]  # database.mode=cloudnativepg with the default values
    used = set()
    for rendered in render(configuration):
        if rendered.kind not in ("Deployment", "Job"):
            continue
        for container in pod_spec(rendered.obj)["containers"]:
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if env["name"] == "PGPASSWORD" and ref:
                    used.add(ref["name"])
                if env["name"].endswith("DATABASE_URL"):
                    assert f"@{cluster['metadata']['name']}-rw:5432/" in env["value"]
                    assert env["value"].endswith(
                        "/" + cluster["spec"]["bootstrap"]["initdb"]["database"]
                    )
    assert used == secrets
