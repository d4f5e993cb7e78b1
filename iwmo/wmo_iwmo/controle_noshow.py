"""No-shows (AAN-05): one no-show line per client per calendar month, more only with the
gebiedsteam's consent; three or more are signalled (the model is described in ``controle.py``).

A consent (``NoShowToestemming``) is what the gebiedsteam recorded on one toewijzing: ``aantal``
further no-shows in ``periode``. It identifies the lines it allows by toewijzing and calendar
month, not by ReferentieNummer: the gebiedsteam consents before the provider declares and does
not know the provider's references. A no-show line on toewijzing T in month M may be the
client's (1 + n)-th accepted no-show of M, where n sums the ``aantal`` of the consents on the
client's toewijzingen of the sending aanbieder whose periode overlaps M (the same reading as
the no-show melding, where consents overlapping the reported period count). A consent on a
toewijzing of another aanbieder does not count.

AAN-05 counts per client: the earlier no-shows are those of the client on any toewijzing of the
sending aanbieder, also one the declaratie does not name (``EerderGoedgekeurd.bsn``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wmo_iwmo.basis import Periode
from wmo_iwmo.declaratie import EerderGoedgekeurd, Line
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring
from wmo_shared.regels import Regel

R = Retourcode


@dataclass(frozen=True, slots=True)
class NoShowToestemming:
    """The gebiedsteam's recorded consent (AAN-05, by e-mail): ``aantal`` further no-shows on
    toewijzing ``toewijzingnummer`` in every calendar month ``periode`` overlaps."""

    toewijzingnummer: int
    periode: Periode
    aantal: int


@dataclass(frozen=True, slots=True)
class NoShowBeleid:
    """How the gemeente recognises no-show lines (its policy's productcodes) and the consents
    the gebiedsteam recorded for the toewijzingen of the declaratie (AAN-05)."""

    productcodes: frozenset[str] = frozenset()
    toestemmingen: tuple[NoShowToestemming, ...] = ()


@dataclass(frozen=True, slots=True)
class NoShowSignalering:
    """Three or more no-shows of one client in one calendar month: to be reported (AAN-05).
    A notice for the case worker; it rejects nothing. ``toewijzingnummers``: the toewijzingen
    the no-shows were declared on, those of this declaratie first."""

    bsn: str
    jaar: int
    maand: int
    aantal: int
    toewijzingnummers: tuple[int, ...] = ()

    @property
    def regel(self) -> Regel:
        return Regel(
            "AAN-05",
            f"{self.aantal} no-shows gedeclareerd in {self.maand:02d}-{self.jaar}: drie of meer "
            "no-shows in een periode moeten gemeld worden.",
        )


Maand = tuple[str, int, int]  # bsn, jaar, maand


def _maanden(periode: Periode) -> Iterable[tuple[int, int]]:
    jaar, maand = periode.begindatum.year, periode.begindatum.month
    while dt.date(jaar, maand, 1) <= periode.einddatum:
        yield jaar, maand
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def toegestaan_extra(
    toestemmingen: Iterable[NoShowToestemming], bekend: Mapping[int, Toewijzing], afzender: str
) -> dict[Maand, int]:
    """Per client and calendar month: the further no-shows the consents allow, counting only
    consents on known toewijzingen of ``afzender``."""
    extra: dict[Maand, int] = defaultdict(int)
    for t in toestemmingen:
        toewijzing = bekend.get(t.toewijzingnummer)
        if toewijzing is None or toewijzing.aanbieder_agb != afzender:
            continue
        for jaar, maand in _maanden(t.periode):
            extra[(toewijzing.client_bsn, jaar, maand)] += t.aantal
    return extra


def check_no_shows(
    lines: list[Line],
    eerder: list[EerderGoedgekeurd],
    bekend: Mapping[int, Toewijzing],
    extra: Mapping[Maand, int],
) -> list[NoShowSignalering]:
    """AAN-05: one no-show line per client per calendar month; more only as far as the
    gebiedsteam consented (``extra``, see ``toegestaan_extra``); three or more declared
    (accepted or not, earlier ones included) are signalled. Runs before the sum check, so a
    refused no-show does not count towards the omvang."""
    approved: dict[Maand, int] = defaultdict(int)
    declared: dict[Maand, int] = defaultdict(int)
    nummers: dict[Maand, dict[int, None]] = defaultdict(dict)
    no_shows = [line for line in lines if line.no_show]
    for line in no_shows:
        begin = line.prestatie.productperiode.begindatum
        nummers[(line.bsn, begin.year, begin.month)][line.prestatie.toewijzingnummer] = None
    for e in eerder:
        t = bekend.get(e.toewijzingnummer)
        bsn = e.bsn if e.bsn is not None else (t.client_bsn if t is not None else None)
        if e.no_show and bsn is not None:
            begin = e.productperiode.begindatum
            key = (bsn, begin.year, begin.month)
            delta = -1 if e.volume < 0 else 1
            approved[key] += delta
            declared[key] += delta
            nummers[key][e.toewijzingnummer] = None
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
        toegestaan = 1 + extra.get(key, 0)
        if approved[key] >= toegestaan:
            line.afkeuringen.append(
                Afkeuring(R.VOLUME_OVERSCHREDEN, _reden(key, approved[key], toegestaan), "AAN-05")
            )
        else:
            approved[key] += 1
    return [
        NoShowSignalering(bsn, year, month, count, tuple(nummers[(bsn, year, month)]))
        for (bsn, year, month), count in declared.items()
        if count >= 3
    ]


def _reden(key: Maand, al: int, toegestaan: int) -> str:
    _, jaar, maand = key
    if toegestaan == 1:
        return (
            f"Al {al} no-show gedeclareerd voor deze client in {maand:02d}-{jaar}; een volgende "
            "alleen met toestemming van het gebiedsteam."
        )
    return (
        f"Al {al} no-shows gedeclareerd voor deze client in {maand:02d}-{jaar}: de ene zonder "
        f"toestemming en de {toegestaan - 1} waarvoor het gebiedsteam toestemming gaf."
    )
