"""domain.verwijzingen: the omvang compared per week in the indicatie's unit (IND-12)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from wmo_intake.domain.verwijzingen import omvang_per_week


def test_omvang_per_week() -> None:
    assert omvang_per_week((210, "01", "2"), None, None) == ("uur", Fraction(7, 2))
    assert omvang_per_week((600, "01", "2"), None, None) == ("uur", Fraction(10))
    assert omvang_per_week((1, "04", "1"), None, None) == ("uur", Fraction(7))
    assert omvang_per_week((13, "04", "4"), None, None) == ("uur", Fraction(3))
    assert omvang_per_week((3, "16", "2"), None, None) == ("dagdeel", Fraction(3))
    # a total over a period of 52 weeks (364 days)
    begin, einde = dt.date(2026, 4, 1), dt.date(2027, 3, 30)
    assert omvang_per_week((182, "04", "6"), begin, einde) == ("uur", Fraction(7, 2))
    assert omvang_per_week((182, "04", "6"), begin, None) is None
    assert omvang_per_week((1, "14", "2"), None, None) is None
