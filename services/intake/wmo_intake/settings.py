from __future__ import annotations

from pydantic import Field
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
    # Letters are made in a child process of the worker (wmo_documents.proces): ended after
    # this many idle seconds, replaced after this many letters. False: in a thread of the
    # worker (tests that patch the renderer in their own process).
    letter_process: bool = True
    letter_process_idle_seconds: float = Field(default=300.0, gt=0, le=86_400)
    letter_process_letters: int = Field(default=200, ge=1, le=100_000)
