"""The letter policy of a gemeente: sender details, the rechtbank and the templates, as policy
data next to the other policy files and selected the same way.

``policies/<naam>/brief.yaml`` is the ``brief`` section of that policy (the policy in force
for the gemeente on the letter's date is chosen by ``wmo_shared.policy``). The section holds
versions with their own ``geldig_van``/``geldig_tot`` (inclusive), so sender details or wording
can change within one policy; each version names its template folder (``sjablonen``, relative
to the policy folder) and a sender per gemeentecode. A gemeente or date without letter policy
is a ``BriefbeleidOntbreekt`` (a ``PolicyNotFound``) that names what is missing.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wmo_shared.policy import POLICY_DIR, PolicyNotFound, PolicyRegistry, default_registry

SECTIE = "brief"

Tekst = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ondertekening(_Model):
    namens: Tekst
    naam: Tekst
    functie: Tekst


class Afzender(_Model):
    """``voorbeeldgegevens`` lists the fields that are placeholders (the seed gives none)."""

    gemeente: Tekst
    organisatie: Tekst
    bestuursorgaan: Tekst
    uitvoering: str | None = None
    postadres: Annotated[tuple[str, ...], Field(min_length=2)]
    bezoekadres: tuple[str, ...] = ()
    telefoon: Tekst
    e_mail: str | None = None
    website: Tekst
    ondertekening: Ondertekening
    voorbeeldgegevens: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _velden(self) -> Afzender:
        onbekend = set(self.voorbeeldgegevens) - set(type(self).model_fields)
        if onbekend:
            raise ValueError(f"voorbeeldgegevens noemt onbekende velden: {sorted(onbekend)}")
        return self


class Briefversie(_Model):
    geldig_van: dt.date
    geldig_tot: dt.date | None = None
    sjablonen: Tekst = "brieven"
    rechtbank: Tekst
    afzenders: dict[str, Afzender] = Field(min_length=1)

    def in_force(self, peildatum: dt.date) -> bool:
        return self.geldig_van <= peildatum and (
            self.geldig_tot is None or peildatum <= self.geldig_tot
        )


class Briefbeleid(_Model):
    versies: Annotated[tuple[Briefversie, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _geen_overlap(self) -> Briefbeleid:
        versies = sorted(self.versies, key=lambda v: v.geldig_van)
        for eerder, later in itertools.pairwise(versies):
            if eerder.geldig_tot is None or eerder.geldig_tot >= later.geldig_van:
                raise ValueError(
                    f"briefversies van {eerder.geldig_van} en {later.geldig_van} overlappen"
                )
        return self


class BriefbeleidOntbreekt(PolicyNotFound):
    """No letter policy for this gemeente on this date; ``wat`` says what is missing."""

    def __init__(self, gemeente: str, peildatum: dt.date, wat: str) -> None:
        super().__init__(gemeente, peildatum, SECTIE)
        self.wat = wat
        self.args = (
            f"Er is geen briefbeleid voor gemeente {gemeente} op {peildatum.isoformat()}: {wat}",
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.gemeente, self.peildatum, self.wat))


@dataclass(frozen=True, slots=True)
class GekozenBriefbeleid:
    """The letter policy for one gemeente on one date."""

    gemeente: str
    beleid: str
    titel: str
    versie: Briefversie
    afzender: Afzender
    sjabloonmap: Path


def kies_briefbeleid(
    gemeente: str,
    peildatum: dt.date,
    *,
    registry: PolicyRegistry | None = None,
    directory: Path = POLICY_DIR,
) -> GekozenBriefbeleid:
    """The letter policy in force for ``gemeente`` on ``peildatum`` (the letter's date)."""
    registry = registry or default_registry()
    try:
        policy = registry.in_force(gemeente, peildatum)
    except PolicyNotFound as fout:
        raise BriefbeleidOntbreekt(gemeente, peildatum, "er is geen beleid van kracht") from fout
    map_ = directory / policy.naam
    if not policy.has_section(SECTIE):
        raise BriefbeleidOntbreekt(
            gemeente, peildatum, f"het beleid {policy.naam} heeft geen {map_ / 'brief.yaml'}"
        )
    beleid = policy.section(SECTIE, Briefbeleid)
    versie = next((v for v in beleid.versies if v.in_force(peildatum)), None)
    if versie is None:
        geldig = ", ".join(
            f"{v.geldig_van} t/m {v.geldig_tot or 'onbepaald'}" for v in beleid.versies
        )
        raise BriefbeleidOntbreekt(
            gemeente,
            peildatum,
            f"brief.yaml van {policy.naam} heeft geen versie die dan geldt (wel: {geldig})",
        )
    afzender = versie.afzenders.get(gemeente)
    if afzender is None:
        raise BriefbeleidOntbreekt(
            gemeente,
            peildatum,
            f"brief.yaml van {policy.naam} (versie {versie.geldig_van}) noemt geen afzender "
            f"voor gemeente {gemeente}",
        )
    sjabloonmap = map_ / versie.sjablonen
    if not sjabloonmap.is_dir():
        raise BriefbeleidOntbreekt(
            gemeente, peildatum, f"de sjabloonmap {sjabloonmap} van {policy.naam} bestaat niet"
        )
    return GekozenBriefbeleid(
        gemeente, policy.naam, policy.meta.titel, versie, afzender, sjabloonmap
    )


def valideer_briefbeleid(registry: PolicyRegistry | None = None) -> None:
    """Validate the ``brief`` section of every policy that has one (at start-up and in CI)."""
    (registry or default_registry()).validate_sections(SECTIE, Briefbeleid)
