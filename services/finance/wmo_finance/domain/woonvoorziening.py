"""FIN-11: a requested building plan against the floor areas of seed 001 Bijlage 5: per room the
maximum m² for a new room (aanbouw) or for enlarging one (uitbreiding), plus extra m² for
appliances that need room, and at most 20 m² of paved path."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .geld import NUL, getal
from .policy import WoonvoorzieningBeleid
from .soorten import Bouwvorm, Ruimtehulpmiddel, Vertrek


@dataclass(frozen=True, slots=True)
class GevraagdVertrek:
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Decimal
    hulpmiddelen: tuple[Ruimtehulpmiddel, ...] = ()


@dataclass(frozen=True, slots=True)
class Bouwplan:
    vertrekken: tuple[GevraagdVertrek, ...]
    pad_m2: Decimal | None = None  # paved path from the public road (or second entrance)


@dataclass(frozen=True, slots=True)
class VertrekToets:
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Decimal
    norm_m2: Decimal
    extra_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal  # min(gevraagd, maximum)
    over_m2: Decimal  # what exceeds the maximum, 0 when within
    binnen_norm: bool
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class PadToets:
    gevraagd_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal
    over_m2: Decimal
    binnen_norm: bool
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class BouwplanToets:
    vertrekken: tuple[VertrekToets, ...]
    pad: PadToets | None
    binnen_norm: bool
    regels: tuple[Regel, ...]


def _m2(waarde: Decimal) -> str:
    return f"{getal(waarde)} m²"


def toets_vertrek(gevraagd: GevraagdVertrek, beleid: WoonvoorzieningBeleid) -> VertrekToets:
    if gevraagd.gevraagd_m2 < 0:
        raise ValueError("gevraagd_m2 is negatief")
    normen = beleid.vertrekken.get(gevraagd.vertrek)
    if normen is None:
        raise LookupError(f"Het beleid kent geen norm voor vertrek '{gevraagd.vertrek}'.")
    norm = normen.aanbouw if gevraagd.bouwvorm is Bouwvorm.aanbouw else normen.uitbreiding
    regels = [
        Regel(
            "FIN-11",
            f"{gevraagd.vertrek}, {gevraagd.bouwvorm}: ten hoogste {_m2(norm)}.",
        )
    ]
    extra = NUL
    for hulpmiddel in dict.fromkeys(gevraagd.hulpmiddelen):  # each appliance counts once
        ruimte = beleid.extra_ruimte.get(hulpmiddel)
        if ruimte is None:
            regels.append(Regel("FIN-11", f"Voor {hulpmiddel} kent het beleid geen extra ruimte."))
        elif (
            ruimte.alleen_vertrekken is not None
            and gevraagd.vertrek not in ruimte.alleen_vertrekken
        ):
            toegestaan = ", ".join(ruimte.alleen_vertrekken)
            regels.append(
                Regel("FIN-11", f"Extra ruimte voor {hulpmiddel} geldt alleen voor: {toegestaan}.")
            )
        else:
            extra += ruimte.m2
            regels.append(Regel("FIN-11", f"Extra voor {hulpmiddel}: + {_m2(ruimte.m2)}."))
    maximum = norm + extra
    toegestaan_m2 = min(gevraagd.gevraagd_m2, maximum)
    over = max(NUL, gevraagd.gevraagd_m2 - maximum)
    if over:
        regels.append(
            Regel(
                "FIN-11",
                f"Gevraagd {_m2(gevraagd.gevraagd_m2)}, ten hoogste {_m2(maximum)}: "
                f"{_m2(over)} te veel.",
            )
        )
    else:
        regels.append(
            Regel("FIN-11", f"Gevraagd {_m2(gevraagd.gevraagd_m2)} valt binnen {_m2(maximum)}.")
        )
    return VertrekToets(
        gevraagd.vertrek,
        gevraagd.bouwvorm,
        gevraagd.gevraagd_m2,
        norm,
        extra,
        maximum,
        toegestaan_m2,
        over,
        not over,
        tuple(regels),
    )


def toets_pad(gevraagd_m2: Decimal, beleid: WoonvoorzieningBeleid) -> PadToets:
    if gevraagd_m2 < 0:
        raise ValueError("pad_m2 is negatief")
    maximum = beleid.pad_max_m2
    over = max(NUL, gevraagd_m2 - maximum)
    toelichting = f"Verhard pad: gevraagd {_m2(gevraagd_m2)}, ten hoogste {_m2(maximum)}" + (
        f": {_m2(over)} te veel." if over else "."
    )
    return PadToets(
        gevraagd_m2,
        maximum,
        min(gevraagd_m2, maximum),
        over,
        not over,
        (Regel("FIN-11", toelichting),),
    )


def controleer_vertrekken(plan: Bouwplan, beleid: WoonvoorzieningBeleid) -> None:
    """FIN-11: the policy has a norm for every room of the plan; else a refusal naming the
    first room it lacks (``vertrekken.<i>.vertrek``)."""
    for i, v in enumerate(plan.vertrekken):
        if v.vertrek not in beleid.vertrekken:
            reden = f"Het beleid kent geen norm voor vertrek '{v.vertrek}'."
            raise Weigering(
                "onbekende-waarde",
                reden,
                veld=f"vertrekken.{i}.vertrek",
                regels=[Regel("FIN-11", reden)],
            )


def toets_bouwplan(plan: Bouwplan, beleid: WoonvoorzieningBeleid) -> BouwplanToets:
    """Every room of the plan, and the path, against the policy's maxima."""
    vertrekken = tuple(toets_vertrek(v, beleid) for v in plan.vertrekken)
    pad = toets_pad(plan.pad_m2, beleid) if plan.pad_m2 is not None else None
    binnen = all(v.binnen_norm for v in vertrekken) and (pad is None or pad.binnen_norm)
    over = [v for v in vertrekken if not v.binnen_norm]
    if binnen:
        samenvatting = "Het bouwplan blijft binnen de normen van Bijlage 5."
    else:
        delen = [f"{v.vertrek} ({_m2(v.over_m2)})" for v in over]
        if pad is not None and not pad.binnen_norm:
            delen.append(f"pad ({_m2(pad.over_m2)})")
        samenvatting = "Het bouwplan gaat over de normen bij: " + ", ".join(delen) + "."
    regels = (
        *(r for v in vertrekken for r in v.regels),
        *(pad.regels if pad else ()),
        Regel("FIN-11", samenvatting),
    )
    return BouwplanToets(vertrekken, pad, binnen, regels)
