"""9322: the accepted declaratie lines of one toewijzing together stay within its omvang."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from wmo_iwmo.basis import Periode
from wmo_iwmo.codelijsten import Frequentie
from wmo_iwmo.declaratie import EerderGoedgekeurd, Line, omvang_tekst
from wmo_iwmo.omvang import overlap, toegestaan_volume
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring

R = Retourcode

_SumKey = tuple[int, tuple[int, int] | None]


def _sum_key(toewijzing: Toewijzing, periode: Periode) -> _SumKey:
    if toewijzing.omvang.frequentie is Frequentie.TOTAAL:
        return (toewijzing.toewijzingnummer, None)
    return (toewijzing.toewijzingnummer, (periode.begindatum.year, periode.begindatum.month))


@dataclass(slots=True)
class _Sum:
    volume: int = 0
    begin: dt.date = dt.date.max
    end: dt.date = dt.date.min

    def add(self, periode: Periode, volume: int) -> None:
        self.volume += volume
        self.begin = min(self.begin, periode.begindatum)
        self.end = max(self.end, periode.einddatum)


def check_sums(
    lines: list[Line], eerder: list[EerderGoedgekeurd], bekend: Mapping[int, Toewijzing]
) -> None:
    """9322: the accepted lines of one toewijzing together stay within the omvang.

    Lines are summed per toewijzing and per calendar month of their productperiode (iWmo 3.2
    declares per month), or over the whole toewijzing when the frequentie is "totaal". The sum
    of a group (earlier approved lines, then credits, then debets in message order) may not
    exceed what the omvang allows for the span of the group's periods; the debet line that
    would push it over is rejected, the ones before it stay accepted.
    """
    sums: dict[_SumKey, _Sum] = defaultdict(_Sum)
    for e in eerder:
        t = bekend.get(e.toewijzingnummer)
        if t is not None:
            sums[_sum_key(t, e.productperiode)].add(e.productperiode, e.volume)
    valid = [line for line in lines if not line.afkeuringen]
    for line in [line for line in valid if line.credit]:
        t = line.toewijzing
        assert t is not None
        p = line.prestatie
        sums[_sum_key(t, p.productperiode)].add(p.productperiode, -p.geleverd_volume)
    for line in [line for line in valid if not line.credit]:
        t = line.toewijzing
        assert t is not None
        p = line.prestatie
        group = sums[_sum_key(t, p.productperiode)]
        begin = min(group.begin, p.productperiode.begindatum)
        end = max(group.end, p.productperiode.einddatum)
        maximum = toegestaan_volume(
            t.omvang, overlap(Periode(begin, end), t.ingangsdatum, t.einddatum)
        )
        if group.volume + p.geleverd_volume > maximum:
            line.afkeuringen.append(
                Afkeuring(
                    R.SOM_VOLUMES_OVERSCHREDEN,
                    f"Met deze prestatie komt het volume op toewijzing {t.toewijzingnummer} "
                    f"van {begin} t/m {end} op {group.volume + p.geleverd_volume}; de omvang "
                    f"({omvang_tekst(t.omvang)}) staat {maximum} toe.",
                    "AAN-01",
                )
            )
        else:
            group.add(p.productperiode, p.geleverd_volume)
