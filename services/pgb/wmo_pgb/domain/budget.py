"""The pgb amount for a period: tariff (PGB-11) × units in the period, in exact decimals.

**The tariff** follows the policy's ``Tariefregel`` for the provider's kind (PGB-07), in order:
(a) the pgb tariff agreed in the contracts for the comparable product, when the policy uses it and
the tariff table has one; (b) the policy's percentage of the comparable product's ZIN tariff;
(c) without a comparable ZIN product, the cheapest fitting quote of at least the policy's number
of quotes. The tariffs themselves are passed in: the finance service owns the tariff table.

**How a part of a year is counted.** Every calendar day from ``begin`` to ``eind`` (both
inclusive) counts, and the omvang is spread evenly over its own frequency:

- ``per_week``: units = omvang × days / 7. A week is seven days, so 3 hours a week over
  1 March – 31 December 2015 (306 days) is 3 × 306 / 7 = 131 1/7 hours; at €17.17 that is
  €2,251.72. A whole year is 365/7 = 52 1/7 weeks (52 2/7 in a leap year), not 52: the budget
  follows the calendar, so splitting a period in two never loses or adds a day.
- ``per_maand``: each calendar month counts for the share of its days inside the period; whole
  months count 1, so 1 March – 31 December is exactly 10 months and 15 – 31 January is 17/31.
- ``totaal``: the omvang is for the whole period (a one-off purchase).

Nothing is rounded on the way (the units are exact fractions, the tariff an exact decimal, e.g.
75% of €44.10 = €33.075); the amount is rounded half-up to cents once, at the end (FIN-13). The
cost price of a pgb for the CAK is this amount (FIN-12).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wmo_pgb.domain.kwalificatie import Kwalificatie
from wmo_pgb.domain.notatie import euro, getal
from wmo_pgb.domain.plan import Eenheid, Frequentie, Omvang
from wmo_pgb.domain.policy import PgbBeleid, Tariefregel
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Periode(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    begin: dt.date
    eind: dt.date  # inclusive

    @model_validator(mode="after")
    def _order(self) -> Periode:
        if self.eind < self.begin:
            raise ValueError("eind ligt vóór begin")
        return self

    @property
    def dagen(self) -> int:
        return (self.eind - self.begin).days + 1


class Offerte(BaseModel):
    """A quote, as a price per unit of the omvang (for a one-off purchase: the total price)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    aanbieder: str = Field(min_length=1)
    tarief: Decimal = Field(ge=0)
    passend: bool = True  # the worker found it an adequate solution


class Tariefgrondslag(StrEnum):
    VAST_TARIEF = "vast_tarief"
    AFGESPROKEN_PGB_TARIEF = "afgesproken_pgb_tarief"
    PERCENTAGE_ZIN_TARIEF = "percentage_zin_tarief"
    GOEDKOOPSTE_OFFERTE = "goedkoopste_offerte"


@dataclass(frozen=True, slots=True)
class Budget:
    bedrag: Decimal  # rounded half-up to cents: the only rounded number
    tarief: Decimal  # pgb tariff per unit, exact
    tariefgrondslag: Tariefgrondslag
    kwalificatie: Kwalificatie
    omvang: Omvang
    periode: Periode
    dagen: int
    aantal_eenheden: Decimal  # rounded to 4 decimals for display; the amount uses the exact value
    berekening: str  # the arithmetic in words, for the beschikking
    offerte: Offerte | None  # the quote that set the tariff (grondslag c)
    regels: tuple[Regel, ...]


# The field of the request a refusal is about (shown in the problem's invalidParams).
_VELD_VOOR_CODE = {
    "te-weinig-offertes": "offertes",
    "geen-passende-offerte": "offertes",
    "zin-tarief-ontbreekt": "maatwerkvoorziening.productcode",
    "niet-in-beleid-geregeld": "zorgverlener",
    "ongeldig-tarief": "tarief",
    "eenheid-past-niet-bij-tarief": "maatwerkvoorziening.omvang.eenheid",
    "bedrag-te-groot": "maatwerkvoorziening.omvang",
}

# The largest amount the budget column (numeric(12, 2)) holds; beyond it the omvang, period or
# tariff is not a pgb anyone decides on.
MAX_BEDRAG = Decimal("9999999999.99")


class BudgetNietTeBepalen(Weigering, ValueError):
    """The policy or the given tariffs do not allow an amount; ``code`` is kebab-case."""

    def __init__(self, rule: str, code: str, reden: str) -> None:
        super().__init__(
            code, reden, veld=_VELD_VOOR_CODE.get(code, "budget"), regels=[Regel(rule, reden)]
        )
        self.rule = rule
        self.reden = reden


@dataclass(frozen=True, slots=True)
class _Tarief:
    waarde: Decimal
    grondslag: Tariefgrondslag
    offerte: Offerte | None
    regels: tuple[Regel, ...]


def bereken_budget(
    beleid: PgbBeleid,
    *,
    kwalificatie: Kwalificatie,
    omvang: Omvang,
    periode: Periode,
    zin_tarief: Decimal | None,
    pgb_tarief: Decimal | None = None,
    offertes: Sequence[Offerte] = (),
) -> Budget:
    """The pgb for ``omvang`` over ``periode``. ``zin_tarief``: the ZIN tariff per unit of the
    comparable product, None if none is contracted; ``pgb_tarief``: the pgb tariff the tariff
    table agrees for it, if any. Raises :class:`BudgetNietTeBepalen`."""
    for naam, waarde in (("zin_tarief", zin_tarief), ("pgb_tarief", pgb_tarief)):
        if waarde is not None and not (waarde.is_finite() and waarde >= 0):
            raise BudgetNietTeBepalen("FIN-13", "ongeldig-tarief", f"{naam} is geen bedrag ≥ 0.")
    regel = _tariefregel(beleid, kwalificatie)
    if regel.vast_tarief_per_uur is not None:
        tarief = _vast_tarief(regel, kwalificatie, omvang)
    else:
        tarief = _tarief(regel, kwalificatie, zin_tarief, pgb_tarief, offertes)
    eenheden = _eenheden(omvang, periode)
    bedrag = _centen_half_up(Fraction(tarief.waarde) * eenheden)
    if bedrag > MAX_BEDRAG:
        raise BudgetNietTeBepalen(
            "PGB-11",
            "bedrag-te-groot",
            f"Het budget zou {euro(bedrag)} zijn: meer dan een budget kan bevatten. Controleer "
            "de omvang, de periode en het tarief.",
        )
    aantal_eenheden = _afgerond(eenheden)
    berekening = (
        f"{getal(omvang.hoeveelheid)} {omvang.eenheid.value} "
        f"{_UITLEG[omvang.frequentie](periode)} = {getal(aantal_eenheden)} "
        f"{omvang.eenheid.value} × {euro(tarief.waarde)} = {euro(bedrag)}"
    )
    return Budget(
        bedrag=bedrag,
        tarief=tarief.waarde,
        tariefgrondslag=tarief.grondslag,
        kwalificatie=kwalificatie,
        omvang=omvang,
        periode=periode,
        dagen=periode.dagen,
        aantal_eenheden=aantal_eenheden,
        berekening=berekening,
        offerte=tarief.offerte,
        regels=(
            *tarief.regels,
            Regel(
                "FIN-13",
                f"{berekening}; exact gerekend en pas aan het eind half-up op centen afgerond.",
            ),
        ),
    )


_KWALIFICATIE_TEKST = {
    Kwalificatie.FORMEEL: "formele zorg",
    Kwalificatie.INFORMEEL_NETWERK: "informele zorg door het sociaal netwerk",
    Kwalificatie.INFORMEEL_OVERIG: "informele zorg buiten het sociaal netwerk",
}


def _tariefregel(beleid: PgbBeleid, kwalificatie: Kwalificatie) -> Tariefregel:
    regel: Tariefregel | None = getattr(beleid.tarieven, kwalificatie.value)
    if regel is None:
        raise BudgetNietTeBepalen(
            "PGB-11",
            "niet-in-beleid-geregeld",
            f"Het beleid regelt geen pgb-tarief voor {_KWALIFICATIE_TEKST[kwalificatie]}.",
        )
    return regel


def _vast_tarief(regel: Tariefregel, kwalificatie: Kwalificatie, omvang: Omvang) -> _Tarief:
    tarief = regel.vast_tarief_per_uur
    assert tarief is not None
    soort = _KWALIFICATIE_TEKST[kwalificatie]
    if omvang.eenheid is not Eenheid.UUR:
        raise BudgetNietTeBepalen(
            "PGB-11",
            "eenheid-past-niet-bij-tarief",
            f"Het tarief voor {soort} is per uur; de omvang is in {omvang.eenheid.value}.",
        )
    bron = f" ({regel.vast_tarief_bron})" if regel.vast_tarief_bron else ""
    return _Tarief(
        tarief,
        Tariefgrondslag.VAST_TARIEF,
        None,
        (
            Regel(
                "PGB-11", f"Tarief voor {soort}: het lage pgb-tarief, {euro(tarief)} per uur{bron}."
            ),
        ),
    )


def _tarief(
    regel: Tariefregel,
    kwalificatie: Kwalificatie,
    zin_tarief: Decimal | None,
    pgb_tarief: Decimal | None,
    offertes: Sequence[Offerte],
) -> _Tarief:
    soort = _KWALIFICATIE_TEKST[kwalificatie]
    if regel.afgesproken_pgb_tarief and pgb_tarief is not None:
        return _Tarief(
            pgb_tarief,
            Tariefgrondslag.AFGESPROKEN_PGB_TARIEF,
            None,
            (
                Regel(
                    "PGB-11",
                    f"Tarief voor {soort}: het in de contracten afgesproken pgb-tarief voor het "
                    f"vergelijkbare product, {euro(pgb_tarief)} per eenheid.",
                ),
            ),
        )
    if regel.percentage_van_zin is not None and zin_tarief is not None:
        waarde = zin_tarief * regel.percentage_van_zin / 100
        return _Tarief(
            waarde,
            Tariefgrondslag.PERCENTAGE_ZIN_TARIEF,
            None,
            (
                Regel(
                    "PGB-11",
                    f"Tarief voor {soort}: {getal(regel.percentage_van_zin)}% van het ZIN-tarief "
                    f"{euro(zin_tarief)} = {euro(waarde)} per eenheid.",
                ),
                Regel("FIN-01", "Een pgb vergoedt een deel van het tarief van zorg in natura."),
            ),
        )
    if regel.minimaal_aantal_offertes is not None and zin_tarief is None:
        return _goedkoopste_offerte(regel.minimaal_aantal_offertes, soort, offertes)
    if zin_tarief is None:
        raise BudgetNietTeBepalen(
            "PGB-11",
            "zin-tarief-ontbreekt",
            f"Er is geen ZIN-tarief voor een vergelijkbaar product en het beleid regelt voor "
            f"{soort} geen tarief zonder vergelijkbaar product.",
        )
    raise BudgetNietTeBepalen(
        "PGB-11",
        "niet-in-beleid-geregeld",
        f"Het beleid regelt voor {soort} geen percentage van het ZIN-tarief en er is geen "
        "afgesproken pgb-tarief.",
    )


def _goedkoopste_offerte(minimaal: int, soort: str, offertes: Sequence[Offerte]) -> _Tarief:
    if len(offertes) < minimaal:
        raise BudgetNietTeBepalen(
            "PGB-11",
            "te-weinig-offertes",
            f"Zonder vergelijkbaar ZIN-product vraagt de inwoner minstens {minimaal} offertes "
            f"op; er zijn er {len(offertes)}.",
        )
    passend = [o for o in offertes if o.passend]
    if not passend:
        raise BudgetNietTeBepalen(
            "PGB-11", "geen-passende-offerte", "Geen van de offertes is een passende oplossing."
        )
    goedkoopste = min(passend, key=lambda o: o.tarief)
    return _Tarief(
        goedkoopste.tarief,
        Tariefgrondslag.GOEDKOOPSTE_OFFERTE,
        goedkoopste,
        (
            Regel(
                "PGB-11",
                f"Tarief voor {soort}: geen vergelijkbaar ZIN-product; de goedkoopste passende "
                f"van {len(offertes)} offertes ({goedkoopste.aanbieder}, "
                f"{euro(goedkoopste.tarief)} per eenheid).",
            ),
        ),
    )


def _eenheden(omvang: Omvang, periode: Periode) -> Fraction:
    hoeveelheid = Fraction(omvang.hoeveelheid)
    if omvang.frequentie is Frequentie.PER_WEEK:
        return hoeveelheid * periode.dagen / 7
    if omvang.frequentie is Frequentie.PER_MAAND:
        return hoeveelheid * _maanden(periode)
    return hoeveelheid


def _maanden(periode: Periode) -> Fraction:
    """Each calendar month counts for the share of its days that lie in the period."""
    totaal = Fraction(0)
    jaar, maand = periode.begin.year, periode.begin.month
    while (jaar, maand) <= (periode.eind.year, periode.eind.month):
        lengte = calendar.monthrange(jaar, maand)[1]
        van = max(periode.begin, dt.date(jaar, maand, 1))
        tot = min(periode.eind, dt.date(jaar, maand, lengte))
        totaal += Fraction((tot - van).days + 1, lengte)
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
    return totaal


def _centen_half_up(bedrag: Fraction) -> Decimal:
    # Exact: floor(x·100 + ½) on the fraction itself, so no intermediate decimal is rounded.
    centen = math.floor(bedrag * 100 + Fraction(1, 2))
    return Decimal(centen).scaleb(-2)


def _afgerond(waarde: Fraction) -> Decimal:
    """For display only, to 4 decimals; the amount is computed from the exact fraction."""
    exact = Decimal(waarde.numerator) / Decimal(waarde.denominator)
    return exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


_UITLEG: dict[Frequentie, Callable[[Periode], str]] = {
    Frequentie.PER_WEEK: lambda p: f"per week × {p.dagen} dagen / 7",
    Frequentie.PER_MAAND: lambda p: f"per maand × {getal(_afgerond(_maanden(p)))} maanden",
    Frequentie.TOTAAL: lambda p: "in totaal",
}


# --- checks around the computation ---------------------------------------------------------


def periode(begin: dt.date, eind: dt.date) -> Periode:
    """The budget's period; an end before the start is refused on ``einddatum``."""
    if eind < begin:
        raise Weigering(
            "voor-ingangsdatum", "De einddatum ligt vóór de ingangsdatum.", veld="einddatum"
        )
    return Periode(begin=begin, eind=eind)


def eenheid_past(omvang: Omvang, *, productcode: str, tarief_eenheid: str, veld: str) -> None:
    """FIN-13: the tariff is per unit of the omvang; a tariff per another unit cannot be used."""
    if tarief_eenheid != omvang.eenheid.value:
        reden = (
            f"Het tarief van {productcode} is per {tarief_eenheid}; de omvang is in "
            f"{omvang.eenheid.value}."
        )
        raise Weigering(
            "eenheid-past-niet-bij-tarief", reden, veld=veld, regels=[Regel("FIN-13", reden)]
        )


def productcategorie(van_finance: str | None, opgegeven: str | None) -> str:
    """The iWmo productcategorie the SVB needs: finance's, else the one the besluit gives."""
    categorie = van_finance or opgegeven
    if categorie is None:
        raise Weigering(
            "verplicht",
            "Finance kent geen tarief voor dit product; geef de iWmo-productcategorie op "
            "(nodig voor de SVB).",
            veld="productcategorie",
        )
    return categorie
