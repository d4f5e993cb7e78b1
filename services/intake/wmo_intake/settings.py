from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from wmo_shared.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore", frozen=True)

    public_url: str = "http://localhost:8001"
    pgb_url: str = "http://localhost:8002"
    indicatie_url: str = "http://localhost:8003"
    finance_url: str = "http://localhost:8004"
    # A resident's dossier asks indicatie, pgb and finance at once; each may take this long
    # before its part shows as "niet-beschikbaar" (issue 14.1).
    dossier_timeout_seconds: float = 3.0
