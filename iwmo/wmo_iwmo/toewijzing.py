"""The toewijzing as the checks of ``controle.py`` need it: what the gemeente assigned in a
WMO301, plus the contract tarief."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wmo_iwmo.basis import Omvang


@dataclass(frozen=True, slots=True)
class Toewijzing:
    """What the gemeente assigned (WMO301) plus the contract tarief, as the checks need it."""

    toewijzingnummer: int
    aanbieder_agb: str
    client_bsn: str
    productcategorie: str
    productcode: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    omvang: Omvang
    tarief: int | None  # eurocents per eenheid of the omvang (FIN-13); None: not known


def index_toewijzingen(toewijzingen: Iterable[Toewijzing]) -> dict[int, Toewijzing]:
    result: dict[int, Toewijzing] = {}
    for toewijzing in toewijzingen:
        if toewijzing.toewijzingnummer in result:
            raise ValueError(f"toewijzingnummer {toewijzing.toewijzingnummer} komt dubbel voor")
        result[toewijzing.toewijzingnummer] = toewijzing
    return result


def binnen(datum: dt.date, toewijzing: Toewijzing) -> bool:
    return toewijzing.ingangsdatum <= datum and (
        toewijzing.einddatum is None or datum <= toewijzing.einddatum
    )


def periode_tekst(toewijzing: Toewijzing) -> str:
    eind = "open einde" if toewijzing.einddatum is None else f"t/m {toewijzing.einddatum}"
    return f"vanaf {toewijzing.ingangsdatum}, {eind}"
