"""A term as it was adjusted: the statutory term replayed through every recorded opschorting,
verdaging, verlenging, herstelverzoek or uitstel, in order, with the domain functions of
``domain.awb``. The facts are stored as given (camelCase, ISO dates); the same replay serves a
new adjustment (it must fit the term as it stands), a changed one (every later one must still
fit) and every read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wmo_intake.domain.awb import (
    Awbtermijn,
    Dagtermijn,
    Opschortingsgrond,
    Uitstelgrond,
    meld_vertraging,
    schort_op,
    schort_op_voor_aanvulling,
    schort_op_voor_herstel,
    verdaag_bezwaar,
    verdaag_klacht,
    verder_uitstel_bezwaar,
    verleng_onderzoek,
)
from wmo_intake.domain.awb.termijn import als_awbtermijn
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_shared.problems import invalid
from wmo_shared.regels import Regel

Gegevens = Mapping[str, Any]


@dataclass(frozen=True)
class Stap:
    """One recorded adjustment: its kind and the facts (camelCase keys, ISO dates)."""

    soort: str
    gegevens: Gegevens


def datum(gegevens: Gegevens, sleutel: str) -> dt.date | None:
    waarde = gegevens.get(sleutel)
    return dt.date.fromisoformat(waarde) if isinstance(waarde, str) else None


def _d(gegevens: Gegevens, sleutel: str) -> dt.date:
    waarde = datum(gegevens, sleutel)
    if waarde is None:
        raise invalid(sleutel, "Deze datum is verplicht.", "verplicht")
    return waarde


def _stap(doel: str, termijn: Awbtermijn, stap: Stap) -> Awbtermijn:
    g, soort = stap.gegevens, stap.soort
    if soort == "aanvulling":
        return schort_op_voor_aanvulling(
            termijn,
            verzocht_op=_d(g, "verzochtOp"),
            aanvullen_uiterlijk=_d(g, "aanvullenUiterlijk"),
            aangevuld_op=datum(g, "aangevuldOp"),
        )
    if soort == "opschorting":
        return schort_op(
            termijn,
            grond=Opschortingsgrond(g["grond"]),
            van=_d(g, "van"),
            tot_en_met=_d(g, "totEnMet"),
            reden=str(g.get("reden") or ""),
        )
    if soort == "vertraging":
        return meld_vertraging(
            termijn, mededeling_op=_d(g, "mededelingOp"), verwacht_op=_d(g, "verwachtOp")
        )
    if soort == "verlenging":
        return verleng_onderzoek(
            termijn,
            afgesproken_op=_d(g, "afgesprokenOp"),
            tot=_d(g, "tot"),
            reden=str(g.get("reden") or ""),
        )
    if soort == "herstel":
        return schort_op_voor_herstel(
            termijn,
            verzocht_op=_d(g, "verzochtOp"),
            herstellen_uiterlijk=_d(g, "herstellenUiterlijk"),
            hersteld_op=datum(g, "hersteldOp"),
        )
    if soort == "verdaging":
        verdaag = verdaag_klacht if doel == "klacht" else verdaag_bezwaar
        return verdaag(termijn, mededeling_op=_d(g, "mededelingOp"), weken=int(g["weken"]))
    if soort == "uitstel":
        return verder_uitstel_bezwaar(
            termijn,
            grond=Uitstelgrond(g["grond"]),
            tot=_d(g, "tot"),
            mededeling_op=_d(g, "mededelingOp"),
            reden=str(g.get("reden") or ""),
            andere_belanghebbenden_benadeeld=bool(g.get("andereBelanghebbendenBenadeeld")),
        )
    raise ValueError(f"onbekende termijnaanpassing {soort!r}")


def pas_toe(
    doel: str, termijn: Awbtermijn, stap: Stap, *, veld: str
) -> tuple[Awbtermijn, list[Regel]]:
    """Apply one adjustment; a refusal names ``veld`` (impossible dates: 400 naming it too).
    Returns the adjusted term and the rules this step added (its explanation)."""
    try:
        nieuw = _stap(doel, termijn, stap)
    except VoorwaardeNietVoldaan as exc:
        assert exc.regel is not None
        raise VoorwaardeNietVoldaan(exc.regel, veld=veld) from exc
    except ValueError as exc:
        raise invalid(veld, f"Deze datum kan niet: {exc}.", "ongeldige-datum") from exc
    return nieuw, list(nieuw.regels[len(termijn.regels) :])


def herbereken(
    doel: str, basis: Dagtermijn, stappen: Sequence[Stap], *, veld: str = "body"
) -> tuple[Awbtermijn, list[list[Regel]]]:
    """The term after every step, and each step's explanation."""
    termijn = als_awbtermijn(basis)
    uitleg: list[list[Regel]] = []
    for stap in stappen:
        termijn, regels = pas_toe(doel, termijn, stap, veld=veld)
        uitleg.append(regels)
    return termijn, uitleg
