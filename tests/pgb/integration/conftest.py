"""The integration tests share the API tests' fixtures: finance served by uvicorn over HTTP."""

from tests.pgb.api.conftest import finance_url, pgb_api, pgb_zonder_finance

__all__ = ["finance_url", "pgb_api", "pgb_zonder_finance"]
