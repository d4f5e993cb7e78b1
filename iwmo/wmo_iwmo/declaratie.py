"""A declaratie line under check: the Prestatie with its toewijzing and the rejections found so
far, and the earlier approved lines the sum and no-show checks count with."""

from __future__ import annotations

from dataclasses import dataclass, field

from wmo_iwmo.basis import Omvang, Periode
from wmo_iwmo.codelijsten import DebetCredit, Frequentie
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring
from wmo_iwmo.wmo323 import Prestatie


@dataclass(frozen=True, slots=True)
class EerderGoedgekeurd:
    """A declaratie line approved earlier (another WMO323); counts in the sum and no-show
    checks. A credit line is given with a negative volume. ``bsn``: the client of the line;
    needed for an earlier no-show on a toewijzing the new declaratie does not name (AAN-05
    counts per client), otherwise the toewijzing's client is used."""

    toewijzingnummer: int
    productperiode: Periode
    volume: int
    no_show: bool = False
    bsn: str | None = None


@dataclass(slots=True)
class Line:
    """Line ``index`` of the message, with the toewijzing it names (None: unknown) and the
    rejections the checks add."""

    index: int
    bsn: str
    prestatie: Prestatie
    toewijzing: Toewijzing | None
    no_show: bool
    afkeuringen: list[Afkeuring] = field(default_factory=list)

    @property
    def credit(self) -> bool:
        return self.prestatie.ingediend_bedrag.debet_credit is DebetCredit.CREDIT


def omvang_tekst(omvang: Omvang) -> str:
    per = {
        Frequentie.PER_DAG: "per dag",
        Frequentie.PER_WEEK: "per week",
        Frequentie.PER_MAAND: "per maand",
        Frequentie.TOTAAL: "in totaal",
    }[omvang.frequentie]
    return f"{omvang.volume} x eenheid {omvang.eenheid.value} {per}"
