from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from wmo_shared.settings import ServiceSettings


class FinanceSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="FINANCE_", extra="ignore", frozen=True)

    public_url: str = "http://localhost:8004"
    intake_url: str = "http://localhost:8001"
    pgb_url: str = "http://localhost:8002"
    indicatie_url: str = "http://localhost:8003"
    finance_url: str = "http://localhost:8004"
