"""Checks of a declaratie (WMO323) message: each line against its toewijzing
(``controle_prestatie``), the no-shows (``controle_noshow``) and the sums per toewijzing
(``controle_som``), then the message total; the codes and the no-show model are described in
``controle.py``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wmo_iwmo.controle_noshow import (
    NoShowBeleid,
    NoShowSignalering,
    check_no_shows,
    toegestaan_extra,
)
from wmo_iwmo.controle_prestatie import check_prestatie
from wmo_iwmo.controle_som import check_sums
from wmo_iwmo.declaratie import EerderGoedgekeurd, Line
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing, index_toewijzingen
from wmo_iwmo.uitkomst import Afkeuring, Regeluitkomst
from wmo_iwmo.wmo323 import Wmo323Bericht

R = Retourcode
_GEEN_BELEID = NoShowBeleid()  # no no-show productcodes: no line is a no-show


@dataclass(frozen=True, slots=True)
class Declaratiecontrole:
    """``bericht_afkeuringen`` reject the message as a whole (the lines are still judged)."""

    uitkomsten: tuple[Regeluitkomst, ...]
    bericht_afkeuringen: tuple[Afkeuring, ...] = ()
    signaleringen: tuple[NoShowSignalering, ...] = ()

    @property
    def goedgekeurd(self) -> bool:
        return not self.bericht_afkeuringen and all(u.goedgekeurd for u in self.uitkomsten)


def check_wmo323(
    bericht: Wmo323Bericht,
    toewijzingen: Iterable[Toewijzing],
    *,
    eerder_goedgekeurd: Iterable[EerderGoedgekeurd] = (),
    no_show: NoShowBeleid = _GEEN_BELEID,
) -> Declaratiecontrole:
    """Each Prestatie against its toewijzing, then the sums per toewijzing and the no-shows
    per client across the message and the earlier approved lines."""
    bekend = index_toewijzingen(toewijzingen)
    declaratie = bericht.declaratie
    lines = [
        Line(
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
            check_prestatie(line, bericht.header.afzender, declaratie.declaratieperiode)
        )
    eerder = list(eerder_goedgekeurd)
    extra = toegestaan_extra(no_show.toestemmingen, bekend, bericht.header.afzender)
    signaleringen = check_no_shows(lines, eerder, bekend, extra)
    check_sums(lines, eerder, bekend)
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
