"""The ``indicatie`` section of a municipality's policy (``policies/<naam>/indicatie.yaml``).

The numbers of the normenkader begeleiding live here, not in code: the omvang band and typical
value per profile (IND-05, IND-06), which profiles allow plus (IND-07), the network step
(IND-10), the months per duur category (IND-11), the percelen with their limits (IND-13) and the
iWmo productcategorie per aard (IND-04). Every domain function takes this model as an argument.

Omvang numbers are written as strings in YAML (``"3.5"``): a YAML float is binary and refused.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from wmo_indicatie.domain.begrippen import Aard, DuurCategorie, Eenheid, Perceel, Profiel

SECTION = "indicatie"


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError('schrijf omvang als tekst, bijvoorbeeld "3.5"')
    return value


Omvang = Annotated[Decimal, BeforeValidator(_no_float), Field(gt=0, allow_inf_nan=False)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Profielbeleid(_Frozen):
    """One profile's band (both ends inclusive; ``None`` = open) and typical value."""

    minimum: Omvang | None
    maximum: Omvang | None
    typisch: Omvang
    plus_toegestaan: bool

    @model_validator(mode="after")
    def _typisch_in_band(self) -> Profielbeleid:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("minimum ligt boven maximum")
        if not self.bevat(self.typisch):
            raise ValueError("de typische waarde ligt buiten de band van het profiel")
        return self

    def bevat(self, omvang: Decimal) -> bool:
        return (self.minimum is None or omvang >= self.minimum) and (
            self.maximum is None or omvang <= self.maximum
        )


class Groepsgrootte(_Frozen):
    per_begeleider: int = Field(ge=1)
    maximaal: bool  # False: a guideline (richtlijn), True: a hard maximum


class Perceelbeleid(_Frozen):
    """One ondersteuningsvorm of the contract (IND-13)."""

    aard: Aard | None  # the aard of begeleiding it delivers; None: not begeleiding
    plus: bool
    opleidingsniveau: str = Field(min_length=1)
    groepsgrootte: Groepsgrootte | None
    maximale_duur_maanden: int | None = Field(ge=1)


class IndicatiePolicy(_Frozen):
    profielen: dict[Profiel, Profielbeleid]
    netwerkcorrectie: dict[Aard, Omvang]  # IND-10: step away from the typical value
    duur_maanden: dict[DuurCategorie, int]
    percelen: dict[Perceel, Perceelbeleid]
    productcategorie: dict[Aard, Annotated[str, Field(pattern=r"^[0-9]{2}$")]]

    @model_validator(mode="after")
    def _complete(self) -> IndicatiePolicy:
        for naam, gegeven, alle in (
            ("profielen", self.profielen, tuple(Profiel)),
            ("netwerkcorrectie", self.netwerkcorrectie, tuple(Aard)),
            ("duur_maanden", self.duur_maanden, tuple(DuurCategorie)),
            ("productcategorie", self.productcategorie, tuple(Aard)),
        ):
            ontbreekt = [str(k) for k in alle if k not in gegeven]
            if ontbreekt:
                raise ValueError(f"{naam} mist {', '.join(ontbreekt)}")
        if any(m < 1 for m in self.duur_maanden.values()):
            raise ValueError("duur_maanden moet minstens 1 maand zijn")
        for profiel, beleid in self.profielen.items():
            if profiel.eenheid is Eenheid.DAGDELEN_PER_WEEK:
                waarden = (beleid.minimum, beleid.maximum, beleid.typisch)
                if any(w is not None and w != w.to_integral_value() for w in waarden):
                    raise ValueError(f"{profiel}: dagdelen zijn hele getallen")
            if beleid.plus_toegestaan and not any(
                p.plus and p.aard is profiel.aard for p in self.percelen.values()
            ):
                raise ValueError(f"{profiel} staat plus toe, maar er is geen plus-perceel")
        if self.netwerkcorrectie[Aard.DAGBESTEDING] != int(
            self.netwerkcorrectie[Aard.DAGBESTEDING]
        ):
            raise ValueError("de netwerkcorrectie voor dagbesteding is een heel aantal dagdelen")
        return self

    def profiel(self, profiel: Profiel) -> Profielbeleid:
        return self.profielen[profiel]


T = TypeVar("T")

# Values derived from one policy object alone (which profiles allow plus, the plus judgement per
# profile and facts, the omvang proposal per profile and network, the plus column of the
# ranking), worked out once per policy and key. The policy is kept with its values so
# its id cannot be reused while they are kept; a copy (``model_copy``) is another policy.
_AFGELEID: dict[int, tuple[IndicatiePolicy, dict[Hashable, Any]]] = {}
_MAX_BELEIDEN = 16


def afgeleid(policy: IndicatiePolicy, sleutel: Hashable, bereken: Callable[[], T]) -> T:
    """``bereken()``, the first time for this policy object and ``sleutel``; after that the value
    kept (``bereken`` must depend on nothing but the policy and the key)."""
    bewaard = _AFGELEID.get(id(policy))
    if bewaard is None or bewaard[0] is not policy:
        if len(_AFGELEID) >= _MAX_BELEIDEN:
            _AFGELEID.clear()
        bewaard = _AFGELEID[id(policy)] = (policy, {})
    waarden = bewaard[1]
    if sleutel in waarden:
        return waarden[sleutel]  # type: ignore[no-any-return]
    waarde = waarden[sleutel] = bereken()
    return waarde


_ONBEKEND: Any = object()


def per_beleid(policy: IndicatiePolicy, bereken: Callable[[IndicatiePolicy], T]) -> T:
    """``afgeleid(policy, bereken, lambda: bereken(policy))`` without building that lambda on
    every call: the value kept is looked up first (an advice asks a few of these per aard)."""
    bewaard = _AFGELEID.get(id(policy))
    if bewaard is not None and bewaard[0] is policy:
        waarde = bewaard[1].get(bereken, _ONBEKEND)
        if waarde is not _ONBEKEND:
            return waarde  # type: ignore[no-any-return]
    return afgeleid(policy, bereken, lambda: bereken(policy))
