"""The wmo chart's rendered settings: each service accepts the environment its Deployment and
its migration Job give it, and finds its service tokens where the Secret is mounted."""

from __future__ import annotations

import importlib
import os
from typing import Any

import pytest

from tests.deploy.render import Configuration
from tests.deploy.support import APP, env_of, fullname, ids, one, pod_spec
from wmo_shared.db.bootstrap import SERVICES

# --- the rendered settings are what the services accept -------------------------------------


def _settings_class(svc: str) -> Any:
    module = importlib.import_module(f"wmo_{svc}.settings")
    return next(
        getattr(module, n)
        for n in dir(module)
        if n.endswith("Settings") and n != "ServiceSettings" and n[0].isupper()
    )


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_each_service_accepts_its_rendered_environment(
    configuration: Configuration, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = fullname(configuration)
    for svc in SERVICES:
        p = svc.upper()
        for kind, obj in (
            ("Deployment", one(configuration, "Deployment", f"{full}-{svc}")),
            ("Job", one(configuration, "Job", f"{full}-{svc}-migrate")),
        ):
            (container,) = pod_spec(obj)["containers"]
            env = {k: e.get("value", "from-a-secret") for k, e in env_of(container).items()}
            assert not any("$(" in v for v in env.values()), "no dependent variables"
            for key in list(os.environ):
                if key.startswith(f"{p}_"):
                    monkeypatch.delenv(key)
            for key, value in env.items():
                monkeypatch.setenv(key, value)
            settings = _settings_class(svc)()
            assert settings.environment == "production", (kind, svc)
            assert settings.auth_mode == "jwks"
            url = settings.migration_database_url if kind == "Job" else settings.database_url
            assert url and url.startswith("postgresql+asyncpg://"), (kind, svc)


@pytest.mark.parametrize("configuration", APP, ids=ids)
def test_services_find_their_service_tokens_where_the_secret_is_mounted(
    configuration: Configuration,
) -> None:
    """One gemeente: the Secret's one key as a file. A platform (serviceToken.perGemeente): the
    whole Secret as a directory, one file per CBS code (wmo_shared.service_tokens)."""
    token = {"secretName": "wmo-service-token", "key": "token", "perGemeente": False}
    token |= configuration.values.get("serviceToken", {})
    full = fullname(configuration)
    for svc in SERVICES:
        spec = pod_spec(one(configuration, "Deployment", f"{full}-{svc}"))
        (container,) = spec["containers"]
        env = env_of(container)
        (volume,) = (v for v in spec["volumes"] if v.get("secret", {}).get("secretName"))
        (mount,) = (m for m in container["volumeMounts"] if m["name"] == volume["name"])
        assert volume["secret"]["secretName"] == token["secretName"]
        p = svc.upper()
        if token["perGemeente"]:
            assert f"{p}_SERVICE_TOKEN_FILE" not in env and "items" not in volume["secret"]
            assert env[f"{p}_SERVICE_TOKEN_DIR"]["value"] == mount["mountPath"]
        else:
            assert f"{p}_SERVICE_TOKEN_DIR" not in env
            (item,) = volume["secret"]["items"]
            assert item["key"] == token["key"]
            path = f"{mount['mountPath']}/{item['path']}"
            assert env[f"{p}_SERVICE_TOKEN_FILE"]["value"] == path
