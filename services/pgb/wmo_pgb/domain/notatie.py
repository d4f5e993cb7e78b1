"""Dutch notation of numbers and money in explanations (``€ 2.251,72``, ``33,075``)."""

from __future__ import annotations

from decimal import Decimal

CENT = Decimal("0.01")


def getal(waarde: Decimal) -> str:
    """An exact number without rounding: ``33,075``, ``3,5``, ``90``."""
    return format(waarde.normalize(), "f").replace(".", ",")


def euro(bedrag: Decimal) -> str:
    """At least two decimals, more only when the value has them (an exact tariff such as 75% of
    €44.10): ``€ 2.251,72``, ``€ 33,075``. Never rounds."""
    bedrag = bedrag.quantize(CENT) if bedrag == bedrag.quantize(CENT) else bedrag.normalize()
    heel, _, fractie = format(bedrag, "f").partition(".")
    duizendtallen = f"{int(heel):,}".replace(",", ".")
    return f"€ {duizendtallen},{fractie}"
