"""Per service: an authenticated, audited read and a write, as the benchmark drives them.
``{n}`` in a write body is replaced by a unique number per request."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


def bsn_from(n: int) -> str:
    base = f"{n % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    return base + str(total % 11) if total % 11 != 10 else bsn_from(n + 1)


def _create_client(base: str, token: str) -> dict[str, str]:
    r = httpx.post(
        f"{base}/api/v1/clienten",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "bsn": bsn_from(424242),
            "voornamen": "Bench",
            "achternaam": "Mark",
            "geboortedatum": "1950-01-01",
        },
    )
    if r.status_code == 409:
        found = httpx.post(
            f"{base}/api/v1/clienten/_zoek",
            headers={"Authorization": f"Bearer {token}"},
            json={"bsn": bsn_from(424242)},
        ).json()["resultaten"][0]
        return {"id": found["id"]}
    r.raise_for_status()
    return {"id": r.json()["id"]}


@dataclass
class Scenario:
    service: str
    roles: list[str]
    setup: Callable[[str, str], dict[str, str]]
    read_path: str
    write_path: str
    write_body: str
    notes: list[str] = field(default_factory=list)


SCENARIOS: list[Scenario] = [
    Scenario(
        service="intake",
        roles=["gebiedsteam"],
        setup=_create_client,
        read_path="/api/v1/clienten/{id}",
        write_path="/api/v1/clienten",
        write_body=(
            '{"bsn": "{bsn}", "voornamen": "Load", "achternaam": "Test", '
            '"geboortedatum": "1960-02-02"}'
        ),
    ),
]
