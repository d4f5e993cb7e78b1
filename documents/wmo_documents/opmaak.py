"""How dates, amounts and rule references read in a letter (Dutch, B1)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum(d: dt.date) -> str:
    """``25 maart 2026``."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_met_dag(d: dt.date) -> str:
    """``woensdag 6 mei 2026``: for a last day, so nobody has to look it up."""
    return f"{WEEKDAGEN[d.weekday()]} {datum(d)}"


def euro(bedrag: Decimal) -> str:
    """``€ 1.442,00``: rounded half-up to cents, Dutch separators."""
    afgerond = bedrag.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    tekst = f"{afgerond:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {tekst}"


def bron(rule: str, beleidstitel: str) -> str:
    """Where a rule comes from, in words for the annex."""
    if rule.startswith("AWB-"):
        return f"Algemene wet bestuursrecht, artikel {rule.removeprefix('AWB-')}"
    return (
        f"regel {rule} van de regelcatalogus Wmo, uitwerking van de {beleidstitel} en de Wmo 2015"
    )


@dataclass
class Voetnoten:
    """Numbers rule IDs in the order the letter first cites them; the annex lists them."""

    _nummers: dict[str, int] = field(default_factory=dict)
    _zinnen: dict[str, list[str]] = field(default_factory=dict)

    def noot(self, rule: str, toelichting: str | None = None) -> int:
        nummer = self._nummers.setdefault(rule, len(self._nummers) + 1)
        zinnen = self._zinnen.setdefault(rule, [])
        if toelichting and toelichting not in zinnen:
            zinnen.append(toelichting)
        return nummer

    def lijst(self) -> list[tuple[int, str, list[str]]]:
        return [(n, rule, self._zinnen[rule]) for rule, n in self._nummers.items()]
