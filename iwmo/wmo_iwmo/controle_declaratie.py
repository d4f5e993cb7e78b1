"""Checks of declaratie (WMO323) lines against the toewijzingen, the earlier approved lines
and the no-show policy; the codes and the no-show model are described in ``controle.py``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from wmo_iwmo.basis import Omvang, Periode
from wmo_iwmo.codelijsten import DebetCredit, Eenheid, Frequentie
from wmo_iwmo.omvang import overlap, toegestaan_volume
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing, binnen, index_toewijzingen, periode_tekst
from wmo_iwmo.uitkomst import Afkeuring, Regeluitkomst
from wmo_iwmo.wmo323 import Prestatie, Wmo323Bericht
from wmo_shared.regels import Regel

R = Retourcode


@dataclass(frozen=True, slots=True)
class EerderGoedgekeurd:
    """A declaratie line approved earlier (another WMO323); counts in the sum and no-show
    checks. A credit line is given with a negative volume."""

    toewijzingnummer: int
    productperiode: Periode
    volume: int
    no_show: bool = False


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


@dataclass(frozen=True, slots=True)
class Declaratiecontrole:
    """``bericht_afkeuringen`` reject the message as a whole (the lines are still judged)."""

    uitkomsten: tuple[Regeluitkomst, ...]
    bericht_afkeuringen: tuple[Afkeuring, ...] = ()
    signaleringen: tuple[NoShowSignalering, ...] = ()

    @property
    def goedgekeurd(self) -> bool:
        return not self.bericht_afkeuringen and all(u.goedgekeurd for u in self.uitkomsten)


@dataclass(slots=True)
class _Line:
    index: int
    bsn: str
    prestatie: Prestatie
    toewijzing: Toewijzing | None
    no_show: bool
    afkeuringen: list[Afkeuring] = field(default_factory=list)

    @property
    def credit(self) -> bool:
        return self.prestatie.ingediend_bedrag.debet_credit is DebetCredit.CREDIT


def check_wmo323(
    bericht: Wmo323Bericht,
    toewijzingen: Iterable[Toewijzing],
    *,
    eerder_goedgekeurd: Iterable[EerderGoedgekeurd] = (),
    no_show: NoShowBeleid = NoShowBeleid(),
) -> Declaratiecontrole:
    """Each Prestatie against its toewijzing, then the sums per toewijzing and the no-shows
    per client across the message and the earlier approved lines."""
    bekend = index_toewijzingen(toewijzingen)
    declaratie = bericht.declaratie
    lines = [
        _Line(
            index=i,
            bsn=bsn,
            prestatie=p,
            toewijzing=bekend.get(p.toewijzingnummer),
            no_show=p.productcode in no_show.productcodes,
        )
        for i, (bsn, p) in enumerate(declaratie.prestaties)
    ]
    for line in lines:
        line.afkeuringen.extend(
            _check_prestatie(line, bericht.header.afzender, declaratie.declaratieperiode)
        )
    eerder = list(eerder_goedgekeurd)
    signaleringen = _check_no_shows(lines, eerder, bekend, no_show.toestemming)
    _check_sums(lines, eerder, bekend)
    return Declaratiecontrole(
        uitkomsten=tuple(
            Regeluitkomst(
                line.index, line.bsn, line.prestatie.toewijzingnummer, tuple(line.afkeuringen)
            )
            for line in lines
        ),
        bericht_afkeuringen=tuple(_check_totaal(bericht)),
        signaleringen=tuple(signaleringen),
    )


def _check_totaal(bericht: Wmo323Bericht) -> list[Afkeuring]:
    declaratie = bericht.declaratie
    som = sum(p.ingediend_bedrag.signed_cents for _, p in declaratie.prestaties)
    totaal = declaratie.totaal_ingediend_bedrag.signed_cents
    if som == totaal:
        return []
    return [
        Afkeuring(
            R.TECHNISCH_AFGEKEURD,
            f"TotaalIngediendBedrag {totaal} cent is niet de som van de prestaties ({som} cent).",
        )
    ]


def _check_prestatie(line: _Line, aanbieder: str, declaratieperiode: Periode) -> list[Afkeuring]:
    p = line.prestatie
    t = line.toewijzing
    if t is None or t.aanbieder_agb != aanbieder:
        return [
            Afkeuring(
                R.GEEN_TOEGEWEZEN_PRODUCT,
                f"Er is geen toewijzing {p.toewijzingnummer} aan aanbieder {aanbieder}.",
            )
        ]
    if t.client_bsn != line.bsn:
        return [
            Afkeuring(
                R.PRESTATIE_NIET_VAN_CLIENT,
                f"Toewijzing {p.toewijzingnummer} hoort niet bij de client van deze prestatie.",
            )
        ]
    afkeuringen: list[Afkeuring] = []
    if p.productcategorie != t.productcategorie:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTCATEGORIE_ONGELIJK,
                f"ProductCategorie {p.productcategorie} is niet de toegewezen categorie "
                f"{t.productcategorie}.",
                "AAN-01",
            )
        )
    if p.productcode != t.productcode and not line.no_show:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTCODE_ONGELIJK,
                f"ProductCode {p.productcode} is niet de toegewezen productcode {t.productcode}.",
                "AAN-01",
            )
        )
    periode_ok = _check_periode(p.productperiode, declaratieperiode, t, afkeuringen)
    eenheid_ok = p.eenheid == t.omvang.eenheid
    if not eenheid_ok:
        afkeuringen.append(
            Afkeuring(
                R.EENHEID_PAST_NIET,
                f"Eenheid {p.eenheid} is niet de eenheid {t.omvang.eenheid} van de toewijzing.",
                "AAN-01",
            )
        )
    if periode_ok and eenheid_ok and not line.credit:
        geleverd = overlap(p.productperiode, t.ingangsdatum, t.einddatum)
        maximum = toegestaan_volume(t.omvang, geleverd)
        if p.geleverd_volume > maximum:
            afkeuringen.append(
                Afkeuring(
                    R.VOLUME_OVERSCHREDEN,
                    f"GeleverdVolume {p.geleverd_volume} is meer dan de omvang toestaat voor "
                    f"{p.productperiode.begindatum} t/m {p.productperiode.einddatum}: {maximum} "
                    f"({_omvang_tekst(t.omvang)}).",
                    "AAN-01",
                )
            )
    afkeuringen.extend(_check_bedrag(p, t))
    return afkeuringen


def _check_periode(
    periode: Periode, declaratieperiode: Periode, t: Toewijzing, afkeuringen: list[Afkeuring]
) -> bool:
    if periode.begindatum > periode.einddatum:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE,
                f"ProductPeriode begint ({periode.begindatum}) na haar einddatum "
                f"({periode.einddatum}).",
            )
        )
        return False
    ok = True
    if not (
        declaratieperiode.begindatum <= periode.begindatum
        and periode.einddatum <= declaratieperiode.einddatum
    ):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE,
                f"ProductPeriode {periode.begindatum} t/m {periode.einddatum} valt niet binnen "
                f"de DeclaratiePeriode {declaratieperiode.begindatum} t/m "
                f"{declaratieperiode.einddatum}.",
            )
        )
    if not binnen(periode.begindatum, t):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.BEGINDATUM_BUITEN_TOEWIJZING,
                f"Begindatum {periode.begindatum} ligt buiten de toewijzing ({periode_tekst(t)}).",
                "AAN-01",
            )
        )
    if not binnen(periode.einddatum, t):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.EINDDATUM_BUITEN_TOEWIJZING,
                f"Einddatum {periode.einddatum} ligt buiten de toewijzing ({periode_tekst(t)}).",
                "AAN-01",
            )
        )
    return ok


def _check_bedrag(p: Prestatie, t: Toewijzing) -> list[Afkeuring]:
    afkeuringen: list[Afkeuring] = []
    if t.tarief is None and p.producttarief is None:
        return [
            Afkeuring(
                R.TARIEF_NIET_CONTRACTUEEL,
                f"Voor toewijzing {t.toewijzingnummer} is geen contracttarief bekend en de "
                "prestatie noemt geen ProductTarief: het bedrag is niet te controleren.",
                "FIN-13",
            )
        ]
    if t.tarief is not None and p.producttarief is not None and p.producttarief != t.tarief:
        afkeuringen.append(
            Afkeuring(
                R.TARIEF_NIET_CONTRACTUEEL,
                f"ProductTarief {p.producttarief} cent is niet het tarief {t.tarief} cent van "
                f"toewijzing {t.toewijzingnummer}.",
                "FIN-13",
            )
        )
    if p.eenheid is Eenheid.EURO:
        return afkeuringen
    tarief = p.producttarief if p.producttarief is not None else t.tarief
    assert tarief is not None
    verwacht = p.geleverd_volume * tarief
    if p.ingediend_bedrag.bedrag != verwacht:
        bron = "het tarief van de toewijzing" if p.producttarief is None else "ProductTarief"
        afkeuringen.append(
            Afkeuring(
                R.BEDRAG_NIET_VOLUME_MAAL_TARIEF,
                f"IngediendBedrag {p.ingediend_bedrag.bedrag} cent is niet GeleverdVolume "
                f"{p.geleverd_volume} x {tarief} cent ({bron}) = {verwacht} cent.",
                "FIN-13",
            )
        )
    return afkeuringen


def _omvang_tekst(omvang: Omvang) -> str:
    per = {
        Frequentie.PER_DAG: "per dag",
        Frequentie.PER_WEEK: "per week",
        Frequentie.PER_MAAND: "per maand",
        Frequentie.TOTAAL: "in totaal",
    }[omvang.frequentie]
    return f"{omvang.volume} x eenheid {omvang.eenheid.value} {per}"


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


def _check_sums(
    lines: list[_Line], eerder: list[EerderGoedgekeurd], bekend: Mapping[int, Toewijzing]
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
                    f"({_omvang_tekst(t.omvang)}) staat {maximum} toe.",
                    "AAN-01",
                )
            )
        else:
            group.add(p.productperiode, p.geleverd_volume)


def _check_no_shows(
    lines: list[_Line],
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
