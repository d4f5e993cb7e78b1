"""Intake and indicatie as production runs them (environment production, ``auth_mode=jwks``)
over real HTTP: a case worker's token from the OIDC provider is accepted, a development token is
not, and indicatie checks the aanvraag in intake with the service token of the case's gemeente,
one file per gemeente on a platform (``SERVICE_TOKEN_DIR``). Without that gemeente's token the
check is a 503 that names what is missing; sent with another gemeente's token it would have been
a misleading "onbekende aanvraag"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.steps import aanvraag_voor, case_to_aanvraag, post, vastgelegde_indicatie
from tests.intake.api.peers import indicatie_body
from tests.support.jwks import AUDIENCE, ISSUER, jwks_server, provider_token
from tests.support.live import Stack, running
from tests.support.stack import TestDatabase, auth

SERVICES = ("intake", "indicatie")
Productie = tuple[Stack, Path]  # the two services and their directory of service tokens


@pytest.fixture(scope="module")
def productie(db: TestDatabase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Productie]:
    tokens = tmp_path_factory.mktemp("service-tokens")
    with (
        jwks_server() as url,
        running(
            db.env,
            SERVICES,
            ENVIRONMENT="production",
            AUTH_MODE="jwks",
            JWKS_URL=url,
            JWT_ISSUER=ISSUER,
            JWT_AUDIENCE=AUDIENCE,
            SERVICE_TOKEN_DIR=str(tokens),
            OUTBOX_ENABLED="false",  # other tests' events are not ours to send
        ) as stack,
    ):
        yield stack, tokens


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_providers_token_is_accepted_and_a_development_token_refused(
    productie: Productie,
) -> None:
    stack, _ = productie
    with stack.client("intake") as c:
        assert c.get("/api/v1/werkvoorraad", headers=_bearer(provider_token())).status_code == 200
        refused = c.get("/api/v1/werkvoorraad", headers=auth("gebiedsteam"))
        assert refused.status_code == 401, refused.text


def test_the_aanvraag_is_checked_with_the_service_token_of_its_gemeente(
    productie: Productie,
) -> None:
    stack, tokens = productie
    systeem = {"sub": "wmo-indicatie", "roles": ["systeem"]}
    (tokens / "0717").write_text(provider_token(**systeem, gemeente="0717"))
    medewerker = _bearer(provider_token(gemeente="0085"))
    with stack.client("intake") as c, stack.client("indicatie") as ind:
        client, melding, _ = case_to_aanvraag(c, medewerker)
        aanvraag = aanvraag_voor(c, melding["id"], medewerker)
        body = indicatie_body(client["bsn"], aanvraag["id"])

        missing = post(ind, "/api/v1/indicaties", body, medewerker)
        assert missing.status_code == 503, missing.text
        problem = missing.json()
        assert problem["code"] == "service-token-ontbreekt"
        assert "gemeente 0085" in problem["detail"]

        (tokens / "0085").write_text(provider_token(**systeem, gemeente="0085"))
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"], medewerker)
        assert indicatie["aanvraagId"] == aanvraag["id"]
