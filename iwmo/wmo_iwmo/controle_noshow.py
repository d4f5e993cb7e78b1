"""No-shows (AAN-05): one no-show line per client per calendar month, more only with the
gebiedsteam's consent; three or more are signalled (the model is described in ``controle.py``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from wmo_iwmo.declaratie import EerderGoedgekeurd, Line
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring
from wmo_shared.regels import Regel

R = Retourcode


@dataclass(frozen=True, slots=True)
class NoShowBeleid:
    """How the gemeente recognises no-show lines and which extra ones were allowed (AAN-05)."""

    productcodes: frozenset[str] = frozenset()
    toestemming: frozenset[str] = frozenset()  # ReferentieNummers with gebiedsteam consent


@dataclass(frozen=True, slots=True)
class NoShowSignalering:
    """Three or more no-shows of one client in one calendar month: to be reported (AAN-05).
    A notice for the case worker; it rejects nothing."""

    bsn: str
    jaar: int
    maand: int
    aantal: int

    @property
    def regel(self) -> Regel:
        return Regel(
            "AAN-05",
            f"{self.aantal} no-shows gedeclareerd in {self.maand:02d}-{self.jaar}: drie of meer "
            "no-shows in een periode moeten gemeld worden.",
        )


def check_no_shows(
    lines: list[Line],
    eerder: list[EerderGoedgekeurd],
    bekend: Mapping[int, Toewijzing],
    toestemming: frozenset[str],
) -> list[NoShowSignalering]:
    """AAN-05: one no-show line per client per calendar month; more only with consent; three
    or more declared (accepted or not, earlier ones included) are signalled. Runs before the
    sum check, so a refused no-show does not count towards the omvang."""
    approved: dict[tuple[str, int, int], int] = defaultdict(int)
    declared: dict[tuple[str, int, int], int] = defaultdict(int)
    for e in eerder:
        t = bekend.get(e.toewijzingnummer)
        if e.no_show and t is not None:
            key = (
                t.client_bsn,
                e.productperiode.begindatum.year,
                e.productperiode.begindatum.month,
            )
            delta = -1 if e.volume < 0 else 1
            approved[key] += delta
            declared[key] += delta
    no_shows = [line for line in lines if line.no_show]
    for line in sorted(no_shows, key=lambda line: not line.credit):
        begin = line.prestatie.productperiode.begindatum
        key = (line.bsn, begin.year, begin.month)
        if line.credit:
            if not line.afkeuringen:
                approved[key] -= 1
                declared[key] -= 1
            continue
        declared[key] += 1
        if line.afkeuringen:
            continue
        referentie = line.prestatie.product_referentie.referentienummer
        if approved[key] >= 1 and referentie not in toestemming:
            line.afkeuringen.append(
                Afkeuring(
                    R.VOLUME_OVERSCHREDEN,
                    f"Al {approved[key]} no-show gedeclareerd voor deze client in "
                    f"{begin.month:02d}-{begin.year}; een volgende alleen met toestemming "
                    "van het gebiedsteam.",
                    "AAN-05",
                )
            )
        else:
            approved[key] += 1
    return [
        NoShowSignalering(bsn, year, month, count)
        for (bsn, year, month), count in declared.items()
        if count >= 3
    ]
