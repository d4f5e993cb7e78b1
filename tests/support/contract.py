"""The published contract is tested: every JSON 2xx answer a test receives is validated against
the response schema its route declares in the service's OpenAPI document.

Used as an httpx response hook on the in-process API clients and on the e2e clients, so a route
that sends what it does not publish fails the test that called it, naming route and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import httpx
import jsonschema

_PARAM = re.compile(r"\{[^/}]+\}")


@dataclass(frozen=True)
class _Operation:
    template: str
    pattern: re.Pattern[str]
    responses: dict[str, Any]


class ContractViolation(AssertionError):
    pass


class OpenApiContract:
    def __init__(self, document: dict[str, Any]) -> None:
        self.components = document.get("components", {})
        servers = document.get("servers") or [{"url": ""}]
        self.prefix = urlparse(servers[0]["url"]).path.rstrip("/")
        self.operations: dict[str, list[_Operation]] = {}
        for template, item in document.get("paths", {}).items():
            regex = (
                "^"
                + _PARAM.sub("[^/]+", re.escape(template).replace(r"\{", "{").replace(r"\}", "}"))
                + "$"
            )
            for method, operation in item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                self.operations.setdefault(method.upper(), []).append(
                    _Operation(template, re.compile(regex), operation["responses"])
                )
        # Literal segments win over parameters (``/clienten/_zoek`` before ``/clienten/{id}``).
        for ops in self.operations.values():
            ops.sort(key=lambda op: op.template.count("{"))
        self._validators: dict[tuple[str, str, str], jsonschema.protocols.Validator] = {}

    def _operation(self, method: str, path: str) -> _Operation | None:
        if self.prefix and path.startswith(self.prefix + "/"):
            path = path[len(self.prefix) :]
        for op in self.operations.get(method, []):
            if op.pattern.match(path):
                return op
        return None

    def _schema(self, op: _Operation, status: int) -> dict[str, Any] | None:
        response = op.responses.get(str(status)) or op.responses.get(f"{str(status)[0]}XX")
        if response is None:
            return None
        content = response.get("content", {})
        for media, body in content.items():
            if "json" in media:
                return body.get("schema")  # type: ignore[no-any-return]
        return None

    def check(self, method: str, path: str, status: int, media_type: str, body: Any) -> None:
        if not 200 <= status < 300 or "json" not in media_type:
            return
        op = self._operation(method, path)
        if op is None:
            return  # not a published route (health, openapi): nothing to hold it to
        schema = self._schema(op, status)
        if schema is None:
            raise ContractViolation(
                f"{method} {op.template} answered {status} with JSON, but publishes no JSON "
                f"schema for {status}"
            )
        key = (method, op.template, str(status))
        validator = self._validators.get(key)
        if validator is None:
            full = {**schema, "components": self.components}
            validator = jsonschema.Draft202012Validator(full)
            self._validators[key] = validator
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(root)"
            raise ContractViolation(
                f"{method} {op.template} → {status}: the answer does not match its published "
                f"schema at {where}: {first.message[:300]}"
                + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")
            )

    def check_response(self, response: httpx.Response) -> None:
        request = response.request
        self.check(
            request.method,
            request.url.path,
            response.status_code,
            response.headers.get("content-type", ""),
            response.json() if "json" in response.headers.get("content-type", "") else None,
        )

    async def async_hook(self, response: httpx.Response) -> None:
        await response.aread()
        self.check_response(response)

    def sync_hook(self, response: httpx.Response) -> None:
        response.read()
        self.check_response(response)
