"""Versioned policy configuration per municipality (rules marked [policy] in the catalogue).

A policy is a folder under ``policies/`` named ``<gemeente-naam>-<jaar>``: ``meta.yaml`` says
for which gemeenten (CBS codes) and from/to which date it is in force; every other YAML file is
one service's section (``finance.yaml``, ``pgb.yaml``, ...). Each service validates its own
section with its own pydantic model, so a service owns the shape of its numbers while the
selection by gemeente and peildatum is the same everywhere. No default: a gemeente or peildatum
without a policy in force is an error the API turns into a 400 problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from wmo_shared.types import GEMEENTECODE_PATTERN

POLICY_DIR = Path(__file__).parent / "policies"

S = TypeVar("S", bound=BaseModel)


class PolicyNotFound(LookupError):
    """No policy is in force for this gemeente on this peildatum (or it lacks the section)."""

    def __init__(self, gemeente: str, peildatum: dt.date, section: str | None = None) -> None:
        self.gemeente = gemeente
        self.peildatum = peildatum
        self.section = section
        if section:
            msg = (
                f"Het beleid dat op {peildatum.isoformat()} voor gemeente {gemeente} geldt, "
                f"bevat geen regels voor '{section}'."
            )
        else:
            msg = f"Voor gemeente {gemeente} is op {peildatum.isoformat()} geen beleid van kracht."
        super().__init__(msg)

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in the letter process and pickled back to the worker (wmo_documents.proces).
        return (type(self), (self.gemeente, self.peildatum, self.section))


class PolicyMeta(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    naam: str
    titel: str
    gemeenten: tuple[str, ...] = Field(min_length=1)
    geldig_van: dt.date
    geldig_tot: dt.date | None = None  # inclusive; None = open-ended

    @model_validator(mode="after")
    def _check(self) -> PolicyMeta:
        import re

        for code in self.gemeenten:
            if not re.fullmatch(GEMEENTECODE_PATTERN, code):
                raise ValueError(f"gemeentecode {code!r} is not 4 digits")
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_van:
            raise ValueError("geldig_tot lies before geldig_van")
        return self

    def in_force(self, gemeente: str, peildatum: dt.date) -> bool:
        return (
            gemeente in self.gemeenten
            and self.geldig_van <= peildatum
            and (self.geldig_tot is None or peildatum <= self.geldig_tot)
        )


@dataclass(frozen=True)
class Policy:
    meta: PolicyMeta
    sections: dict[str, dict[str, Any]]
    _validated: dict[type[BaseModel], BaseModel] = field(default_factory=dict, compare=False)

    @property
    def naam(self) -> str:
        return self.meta.naam

    def section(self, name: str, model: type[S]) -> S:
        """The named section validated by the service's model (validated once, then cached)."""
        cached = self._validated.get(model)
        if cached is None:
            raw = self.sections.get(name)
            if raw is None:
                raise KeyError(name)
            cached = model.model_validate(raw)
            self._validated[model] = cached
        return cached  # type: ignore[return-value]

    def has_section(self, name: str) -> bool:
        return name in self.sections


class PolicyRegistry:
    def __init__(self, policies: list[Policy]) -> None:
        self.policies = sorted(policies, key=lambda p: p.meta.geldig_van)
        self._check_no_overlap()

    @classmethod
    def load(cls, directory: Path = POLICY_DIR) -> PolicyRegistry:
        policies = []
        for folder in sorted(p for p in directory.iterdir() if (p / "meta.yaml").is_file()):
            meta = PolicyMeta.model_validate(_read_yaml(folder / "meta.yaml"))
            sections = {
                f.stem: _read_yaml(f) for f in sorted(folder.glob("*.yaml")) if f.stem != "meta"
            }
            policies.append(Policy(meta=meta, sections=sections))
        return cls(policies)

    def _check_no_overlap(self) -> None:
        for i, a in enumerate(self.policies):
            for b in self.policies[i + 1 :]:
                shared = set(a.meta.gemeenten) & set(b.meta.gemeenten)
                if shared and (a.meta.geldig_tot is None or a.meta.geldig_tot >= b.meta.geldig_van):
                    raise ValueError(
                        f"policies {a.naam} and {b.naam} overlap for gemeente(n) {sorted(shared)}"
                    )

    def in_force(self, gemeente: str, peildatum: dt.date) -> Policy:
        for policy in self.policies:
            if policy.meta.in_force(gemeente, peildatum):
                return policy
        raise PolicyNotFound(gemeente, peildatum)

    def section(self, gemeente: str, peildatum: dt.date, name: str, model: type[S]) -> S:
        policy = self.in_force(gemeente, peildatum)
        if not policy.has_section(name):
            raise PolicyNotFound(gemeente, peildatum, name)
        return policy.section(name, model)

    def validate_sections(self, name: str, model: type[BaseModel]) -> None:
        """Validate one service's section in every policy that has it (at start-up and in CI)."""
        for policy in self.policies:
            if policy.has_section(name):
                policy.section(name, model)

    def gemeenten(self) -> set[str]:
        return {code for p in self.policies for code in p.meta.gemeenten}


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def default_registry() -> PolicyRegistry:
    return PolicyRegistry.load()


class AbonnementsTarief(BaseModel):
    model_config = ConfigDict(frozen=True)
    jaar: int
    per_maand: str


@cache
def cak_abonnementstarieven() -> dict[int, str]:
    """National CAK abonnementstarief per month by year, as decimal strings."""
    raw = _read_yaml(POLICY_DIR / "landelijk" / "cak-abonnementstarief.yaml")
    return {t.jaar: t.per_maand for t in (AbonnementsTarief(**r) for r in raw["tarieven"])}
