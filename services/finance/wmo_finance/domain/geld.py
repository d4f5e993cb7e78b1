"""Money: exact ``Decimal`` all the way, rounded half-up to cents once, at the end (FIN-13)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NUL = Decimal("0")
HONDERD = Decimal("100")


def afronden(bedrag: Decimal) -> Decimal:
    """Round half-up to cents. Call it on a final amount only, never on an intermediate."""
    return bedrag.quantize(CENT, rounding=ROUND_HALF_UP)


def percentage_van(bedrag: Decimal, percentage: Decimal) -> Decimal:
    """``percentage`` % of ``bedrag``, exact (not rounded)."""
    return bedrag * percentage / HONDERD


def is_hele_centen(bedrag: Decimal) -> bool:
    return bedrag == bedrag.quantize(CENT)


def euro(bedrag: Decimal) -> str:
    """Dutch notation for explanations: ``€ 12.240,00``."""
    tekst = f"{afronden(bedrag):,.2f}"
    return "€ " + tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def getal(waarde: Decimal) -> str:
    """An exact number in Dutch notation without rounding: ``33,075``, ``1,5``, ``90``."""
    return format(waarde.normalize(), "f").replace(".", ",")
