"""What the domain allows as input (issue 11.4): dates in a plausible window, amounts that fit
their column. Pure: today comes in as a parameter. The wire schemas apply these bounds at the
edge (``schemas.grenzen``); input the schemas cannot bound, such as the shared event contract,
is checked here before anything is computed, so an absurd value is a 400 naming its field and
never an overflow (a year 10000) or a rounding error deep inside a rule.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_shared.weigering import Weigering

# The Wmo 2015 took effect on 1 January 2015: no case date of this system lies before it.
EERSTE_ZAAKDATUM = dt.date(2015, 1, 1)
# A case date (a start, an end of use, a tariff period) lies at most this many years ahead:
# room for the longest regime (an aanbouw, 15 years, FIN-08) started a few years from now.
HORIZON_JAREN = 20
EERSTE_GEBOORTEDATUM = dt.date(1900, 1, 1)

# Money is numeric(12, 2) in every table: at most ten digits before the point, whole cents.
GELD_MAX_DIGITS = 12
GELD_DECIMALEN = 2
GELD_MAX = Decimal("9999999999.99")


def laatste_zaakdatum(vandaag: dt.date) -> dt.date:
    """The last plausible case date: ``HORIZON_JAREN`` after today (29 February → 28th)."""
    jaar = vandaag.year + HORIZON_JAREN
    try:
        return vandaag.replace(year=jaar)
    except ValueError:
        return vandaag.replace(year=jaar, day=28)


def zaakdatum_fout(datum: dt.date, vandaag: dt.date) -> str | None:
    """Why ``datum`` is no plausible case date, or None when it is."""
    if datum < EERSTE_ZAAKDATUM:
        return (
            f"De datum {datum.isoformat()} ligt vóór {EERSTE_ZAAKDATUM.isoformat()}, de "
            "inwerkingtreding van de Wmo 2015."
        )
    laatste = laatste_zaakdatum(vandaag)
    if datum > laatste:
        return (
            f"De datum {datum.isoformat()} ligt meer dan {HORIZON_JAREN} jaar vooruit (uiterlijk "
            f"{laatste.isoformat()})."
        )
    return None


def geboortedatum_fout(datum: dt.date, vandaag: dt.date) -> str | None:
    """Why ``datum`` is no plausible date of birth (in the future, or before 1900)."""
    if datum > vandaag:
        return f"De geboortedatum {datum.isoformat()} ligt in de toekomst."
    if datum < EERSTE_GEBOORTEDATUM:
        return f"De geboortedatum {datum.isoformat()} ligt vóór {EERSTE_GEBOORTEDATUM.isoformat()}."
    return None


def bedrag_fout(bedrag: Decimal) -> str | None:
    """Why ``bedrag`` does not fit a money column (negative, too large, not whole cents, not a
    number), or None when it does. Never raises: ``1e308`` is an answer, not an overflow."""
    if not bedrag.is_finite():
        return "Het bedrag is geen getal."
    if bedrag < 0:
        return "Het bedrag is negatief."
    if bedrag > GELD_MAX:
        return f"Het bedrag is groter dan {GELD_MAX} (de grootste die wordt opgeslagen)."
    exponent = bedrag.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -GELD_DECIMALEN:
        # normalize() only to tell 1.500 (whole cents) from 1.505 (not)
        genormaliseerd = bedrag.normalize().as_tuple().exponent
        if isinstance(genormaliseerd, int) and genormaliseerd < -GELD_DECIMALEN:
            return "Het bedrag is niet in hele centen."
    return None


def buiten_grenzen(veld: str, reden: str) -> Weigering:
    """The refusal of one value outside what the domain allows (400 naming the field)."""
    return Weigering("buiten-grenzen", reden, veld=veld)


def controleer_zaakdatum(veld: str, datum: dt.date | None, vandaag: dt.date) -> None:
    if datum is not None and (reden := zaakdatum_fout(datum, vandaag)) is not None:
        raise buiten_grenzen(veld, reden)


def controleer_geboortedatum(veld: str, datum: dt.date, vandaag: dt.date) -> None:
    if (reden := geboortedatum_fout(datum, vandaag)) is not None:
        raise buiten_grenzen(veld, reden)


def controleer_bedrag(veld: str, bedrag: Decimal | None) -> None:
    if bedrag is not None and (reden := bedrag_fout(bedrag)) is not None:
        raise buiten_grenzen(veld, reden)
