"""The bewaartermijn (issue 14.5), pure: personal data is kept no longer than needed (AVG art. 5
lid 1 sub e, opslagbeperking; AVG-5.1e). Each service keeps a record for the term after the day
the record ended (its ``einddatum``: the end of a budget, of an indicatie, the last activity of
a file) and lists it for destruction from the day after the last day kept.

The term is a policy value (sleutel ``bewaartermijn-jaren``, per gemeente with validity dates)
that beheer sets in each service: no seed gives one (the Archiefwet leaves it to the gemeente's
selectielijst), so it is never invented and the list is a 400 until it is set.

The boundary, in whole years: a record that ended on ``einde`` is kept up to and including
``einde`` plus the term (29 February plus a year is 28 February) and listed from the next day.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from wmo_shared.regels import Regel
from wmo_shared.vernietigingscontracten import (
    Bewaartermijn,
    Dienst,
    Vernietigingskandidaat,
    VernietigingskandidatenDeel,
)
from wmo_shared.weigering import Weigering

RULE = "AVG-5.1e"
SLEUTEL = "bewaartermijn-jaren"
_DAG = dt.timedelta(days=1)


def plus_jaren(d: dt.date, jaren: int) -> dt.date:
    """``d`` plus (or minus) whole years; 29 February becomes 28 February."""
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:
        return d.replace(year=d.year + jaren, day=28)


def bewaren_tot(einde: dt.date, jaren: int) -> dt.date:
    """The last day a record that ended on ``einde`` is kept."""
    return plus_jaren(einde, jaren)


def vernietigbaar(einde: dt.date, jaren: int, peildatum: dt.date) -> bool:
    """Past the term on ``peildatum``: the last day kept lies before it."""
    return bewaren_tot(einde, jaren) < peildatum


def laatste_einde(peildatum: dt.date, jaren: int) -> dt.date:
    """The latest ``einde`` that is past the term on ``peildatum``: a query lists the records
    with ``einddatum <= laatste_einde(...)``, exactly those :func:`vernietigbaar` says."""
    grens = plus_jaren(peildatum, -jaren)
    while not vernietigbaar(grens, jaren, peildatum):
        grens -= _DAG
    while vernietigbaar(grens + _DAG, jaren, peildatum):
        grens += _DAG
    return grens


class Beleidswaarde(Protocol):
    """A row of a service's ``beleidswaarden`` table."""

    @property
    def sleutel(self) -> str: ...
    @property
    def waarde(self) -> Decimal: ...
    @property
    def geldig_vanaf(self) -> dt.date: ...
    @property
    def geldig_tot(self) -> dt.date | None: ...
    @property
    def toelichting(self) -> str: ...


def eis_bewaartermijn(
    waarde: Beleidswaarde | None, dienst: Dienst, gemeente: str, peildatum: dt.date
) -> Bewaartermijn:
    """The term in force, or ``beleidswaarde-ontbreekt`` (400) naming how beheer sets it."""
    if waarde is None:
        reden = (
            f"De bewaartermijn van {dienst} is voor gemeente {gemeente} op "
            f"{peildatum.isoformat()} niet vastgesteld: de seeds noemen geen termijn. Beheer "
            f"stelt haar vast met POST /api/v1/beleidswaarden van {dienst} (sleutel {SLEUTEL})."
        )
        raise Weigering(
            "beleidswaarde-ontbreekt", reden, veld="bewaartermijn", regels=[Regel(RULE, reden)]
        )
    return Bewaartermijn(
        sleutel=waarde.sleutel,
        jaren=int(waarde.waarde),
        geldig_vanaf=waarde.geldig_vanaf,
        geldig_tot=waarde.geldig_tot,
        toelichting=waarde.toelichting,
        rule=RULE,
    )


@dataclass(frozen=True, slots=True)
class Soort:
    """A kind of record a service lists: what its einddatum is and what goes with it."""

    naam: str
    einde: str
    omvat: tuple[str, ...]


class Rij(Protocol):
    @property
    def soort(self) -> str: ...
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def einddatum(self) -> dt.date: ...


def pagina(
    dienst: Dienst,
    peildatum: dt.date,
    termijn: Bewaartermijn,
    rijen: Sequence[Rij],
    limit: int,
    soorten: Mapping[str, Soort],
) -> VernietigingskandidatenDeel:
    """One page from up to ``limit`` + 1 rows ordered by (soort, id)."""
    meer = len(rijen) > limit
    rijen = rijen[:limit]
    return VernietigingskandidatenDeel(
        dienst=dienst,
        peildatum=peildatum,
        bewaartermijn=termijn,
        resultaten=[
            Vernietigingskandidaat(
                soort=r.soort,
                id=r.id,
                einddatum=r.einddatum,
                einde=soorten[r.soort].einde,
                bewaartermijn_jaren=termijn.jaren,
                bewaren_tot=bewaren_tot(r.einddatum, termijn.jaren),
                omvat=list(soorten[r.soort].omvat),
                rule=RULE,
            )
            for r in rijen
        ],
        volgende_cursor=kandidaat_cursor(rijen[-1].soort, rijen[-1].id) if meer else None,
    )


# --- the cursor: after (soort, id) ----------------------------------------------------------


def _ongeldig() -> Weigering:
    return Weigering(
        "ongeldige-cursor",
        "Deze cursor is ongeldig; gebruik de volgendeCursor van een pagina.",
        veld="cursor",
    )


def kandidaat_cursor(soort: str, id_: uuid.UUID) -> str:
    raw = json.dumps(["b1", soort, str(id_)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def lees_kandidaat_cursor(cursor: str | None) -> tuple[str, uuid.UUID] | None:
    """``None`` for the first page; a cursor no page handed out is a 400 on ``cursor``."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        versie, soort, id_ = json.loads(raw)
        if versie != "b1" or not isinstance(soort, str):
            raise ValueError(versie)
        return soort, uuid.UUID(id_)
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise _ongeldig() from exc
