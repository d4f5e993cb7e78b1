"""Policy values (beleidswaarden) that role beheer sets through the API where a policy names a
number without giving it (issue 12.8): never invented, filled in with validity dates per gemeente.

A service **declares** the keys it accepts (:class:`Sleutel`: what it means, its unit, its
bounds, the rule it serves) and keeps the values in its own table (:func:`beleidswaarden_table`
on its own ``MetaData``). A calculation uses the YAML policy, overlaid by the value in force on
its peildatum; where neither gives a number it refuses with :class:`BeleidswaardeOntbreekt`
(a 400 naming the key, the gemeente and the peildatum).

**Periods.** Values are only ever added, never changed or deleted (the migration revokes UPDATE
and DELETE from the app role). The value in force on a day is the one with the latest
``geldigVanaf`` on or before it, unless its own ``geldigTot`` lies before that day. So an
open-ended period is closed by adding a period that starts later; a new period that would
overlap a period already set (as far as it runs) is a 409, because a value once in force is the
basis of decisions taken on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import Field, model_validator
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Identity,
    MetaData,
    Numeric,
    Row,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared.grenzen import Einddatum, Zaakdatum
from wmo_shared.regels import Regel
from wmo_shared.schemas import WireModel
from wmo_shared.types import Gemeentecode
from wmo_shared.weigering import Weigering

# --- what a service declares --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sleutel:
    """A policy value a service accepts: ``laag-pgb-tarief-per-uur``, what it means, its unit,
    the bounds a value must keep and the rule of the catalogue it serves."""

    naam: str
    omschrijving: str
    eenheid: str
    minimum: Decimal
    maximum: Decimal
    decimalen: int = 2
    rule: str | None = None


def bewaartermijn_sleutel(gegevens: str) -> Sleutel:
    """The bewaartermijn of a service's records (issue 14.5, AVG-5.1e): no seed gives one, so
    each service declares it and beheer sets it; ``gegevens`` says which records it keeps."""
    return Sleutel(
        naam="bewaartermijn-jaren",
        omschrijving=f"hoe lang {gegevens} bewaard blijven na hun einde (Archiefwet, "
        "selectielijst van de gemeente; AVG art. 5 lid 1 sub e); de seeds noemen geen termijn",
        eenheid="jaren",
        minimum=Decimal("1"),
        maximum=Decimal("115"),
        decimalen=0,
        rule="AVG-5.1e",
    )


# --- wire models ----------------------------------------------------------------------------


class BeleidswaardeCreate(WireModel):
    """``POST /beleidswaarden`` (role beheer): a value for the gemeente of the token."""

    sleutel: str = Field(
        min_length=1,
        max_length=100,
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        examples=["laag-pgb-tarief-per-uur"],
        description="Een sleutel die deze dienst kent (zie sleutels in GET /beleidswaarden)",
    )
    waarde: Decimal = Field(max_digits=14, decimal_places=4, examples=["20.00"])
    geldig_vanaf: Zaakdatum = Field(description="Eerste dag waarop de waarde geldt")
    geldig_tot: Einddatum | None = Field(
        default=None,
        description="Laatste dag (inclusief); leeg: tot een latere periode haar afsluit",
    )
    toelichting: str = Field(
        min_length=1,
        max_length=2000,
        description="Waarop de waarde rust, bijvoorbeeld het collegebesluit",
    )

    @model_validator(mode="after")
    def _volgorde(self) -> BeleidswaardeCreate:
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_vanaf:
            raise Weigering(
                "voor-geldig-vanaf", "geldigTot ligt vóór geldigVanaf.", veld="geldigTot"
            )
        return self


class BeleidswaardeRead(WireModel):
    id: int
    gemeente: Gemeentecode
    sleutel: str
    waarde: Decimal
    eenheid: str
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None = Field(description="Zoals vastgesteld; leeg: open")
    afgesloten_per: dt.date | None = Field(
        default=None,
        description="Laatste dag waarop de waarde gold, als een latere periode haar afsloot",
    )
    toelichting: str
    vastgesteld_door: str
    vastgesteld_op: dt.datetime


class SleutelRead(WireModel):
    sleutel: str
    omschrijving: str
    eenheid: str
    minimum: Decimal
    maximum: Decimal
    rule: str | None = None


class BeleidswaardeList(WireModel):
    sleutels: list[SleutelRead] = Field(description="De sleutels die deze dienst kent")
    resultaten: list[BeleidswaardeRead] = Field(description="Per sleutel de perioden, oudste eerst")


def sleutels_read(sleutels: Mapping[str, Sleutel]) -> list[SleutelRead]:
    return [
        SleutelRead(
            sleutel=s.naam,
            omschrijving=s.omschrijving,
            eenheid=s.eenheid,
            minimum=s.minimum,
            maximum=s.maximum,
            rule=s.rule,
        )
        for s in sleutels.values()
    ]


def afgerond(sleutel: Sleutel | None, waarde: Decimal) -> Decimal:
    """A stored value (numeric(14, 4)) in the key's own decimals: 20.0000 reads 20.00."""
    if sleutel is None:
        return waarde.normalize()
    return waarde.quantize(Decimal(1).scaleb(-sleutel.decimalen))


def lijst(sleutels: Mapping[str, Sleutel], rows: Sequence[Row[Any]]) -> BeleidswaardeList:
    """The rows (ordered by sleutel, geldigVanaf) with the day a later period closed each."""
    resultaten = []
    for i, row in enumerate(rows):
        volgende = rows[i + 1] if i + 1 < len(rows) else None
        afgesloten = None
        if row.geldig_tot is None and volgende is not None and volgende.sleutel == row.sleutel:
            afgesloten = volgende.geldig_vanaf - dt.timedelta(days=1)
        sleutel = sleutels.get(row.sleutel)
        resultaten.append(
            BeleidswaardeRead(
                id=row.id,
                gemeente=row.gemeente,
                sleutel=row.sleutel,
                waarde=afgerond(sleutel, row.waarde),
                eenheid=sleutel.eenheid if sleutel else "",
                geldig_vanaf=row.geldig_vanaf,
                geldig_tot=row.geldig_tot,
                afgesloten_per=afgesloten,
                toelichting=row.toelichting,
                vastgesteld_door=row.sub,
                vastgesteld_op=row.vastgesteld_op,
            )
        )
    return BeleidswaardeList(sleutels=sleutels_read(sleutels), resultaten=resultaten)


# --- pure rules -----------------------------------------------------------------------------


def sleutel_van(sleutels: Mapping[str, Sleutel], naam: str) -> Sleutel:
    """Only keys the service declares are accepted (a 400 on ``sleutel``)."""
    sleutel = sleutels.get(naam)
    if sleutel is None:
        bekend = ", ".join(sorted(sleutels)) or "geen"
        raise Weigering(
            "onbekende-sleutel",
            f"Deze dienst kent geen beleidswaarde '{naam}'; bekend: {bekend}.",
            veld="sleutel",
        )
    return sleutel


def waarde_past(sleutel: Sleutel, waarde: Decimal) -> Decimal:
    """The value within the key's bounds and decimals (a 400 on ``waarde``)."""
    reden = None
    if not waarde.is_finite():
        reden = "De waarde is geen eindig getal."
    elif waarde < sleutel.minimum or waarde > sleutel.maximum:
        reden = (
            f"De waarde voor {sleutel.naam} ligt tussen {sleutel.minimum} en {sleutel.maximum} "
            f"({sleutel.eenheid})."
        )
    elif waarde != waarde.quantize(Decimal(1).scaleb(-sleutel.decimalen)):
        reden = f"Geef de waarde in hoogstens {sleutel.decimalen} decimalen."
    if reden is not None:
        raise Weigering("buiten-bereik", reden, veld="waarde")
    return waarde


@dataclass(frozen=True, slots=True)
class Periode:
    vanaf: dt.date
    tot: dt.date | None  # inclusive; None: open until a later period closes it


def geen_overlap(bestaande: Sequence[Periode], vanaf: dt.date, tot: dt.date | None) -> None:
    """A new period may not overlap a period already set, as far as that one runs (its own
    end, else the day before the next period). It may start inside the last period when that
    one is open: it then closes it. A conflict is a 409 on ``geldigVanaf``."""
    perioden = sorted(bestaande, key=lambda p: p.vanaf)
    for i, p in enumerate(perioden):
        laatste = i == len(perioden) - 1
        einde = p.tot
        if einde is None and not laatste:
            einde = perioden[i + 1].vanaf - dt.timedelta(days=1)
        if laatste and p.tot is None and vanaf > p.vanaf:
            continue  # closes the open last period
        if vanaf <= (einde or dt.date.max) and (tot is None or tot >= p.vanaf):
            loopt = f"tot en met {einde.isoformat()}" if einde else "zonder einde"
            raise Weigering(
                "periode-overlapt",
                f"De periode overlapt met de waarde die geldt van {p.vanaf.isoformat()} {loopt}; "
                "een vastgestelde periode wordt niet herschreven. Sluit een open periode af met "
                "een periode die later begint.",
                veld="geldigVanaf",
                soort="conflict",
            )


def van_kracht(perioden: Sequence[Periode], peildatum: dt.date) -> int | None:
    """The index of the period in force on ``peildatum`` (the latest start on or before it,
    unless its own end lies before it), or None."""
    kandidaten = [(p.vanaf, i) for i, p in enumerate(perioden) if p.vanaf <= peildatum]
    if not kandidaten:
        return None
    _, i = max(kandidaten)
    tot = perioden[i].tot
    return i if tot is None or tot >= peildatum else None


class BeleidswaardeOntbreekt(Weigering):
    """A calculation needs a value the policy names but does not give, and beheer has not set
    it for this gemeente on this peildatum."""

    def __init__(self, sleutel: Sleutel, gemeente: str, peildatum: dt.date) -> None:
        reden = (
            f"De beleidswaarde '{sleutel.naam}' ({sleutel.omschrijving}) is voor gemeente "
            f"{gemeente} op {peildatum.isoformat()} niet vastgesteld; het beleid noemt haar "
            "zonder bedrag. Beheer stelt haar vast met POST /api/v1/beleidswaarden."
        )
        super().__init__(
            "beleidswaarde-ontbreekt",
            reden,
            veld="peildatum",
            regels=[Regel(sleutel.rule, reden)] if sleutel.rule else [],
        )
        self.sleutel = sleutel.naam
        self.gemeente = gemeente
        self.peildatum = peildatum


# --- the table and its queries --------------------------------------------------------------


def beleidswaarden_table(metadata: MetaData) -> Table:
    """Append-only: see :func:`append_only_sql` for the migration."""
    return Table(
        "beleidswaarden",
        metadata,
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("gemeente", String(4), nullable=False),
        Column("sleutel", String(100), nullable=False),
        Column("waarde", Numeric(14, 4), nullable=False),
        Column("geldig_vanaf", Date, nullable=False),
        Column("geldig_tot", Date, nullable=True),
        Column("toelichting", Text, nullable=False),
        Column("sub", String(200), nullable=False),
        Column(
            "vastgesteld_op", DateTime(timezone=True), nullable=False, server_default=func.now()
        ),
        CheckConstraint(
            "geldig_tot IS NULL OR geldig_tot >= geldig_vanaf", name="ck_beleidswaarden_periode"
        ),
        # also the index of every lookup (gemeente, sleutel, latest geldig_vanaf ≤ peildatum)
        UniqueConstraint("gemeente", "sleutel", "geldig_vanaf", name="uq_beleidswaarden_vanaf"),
    )


def append_only_sql(schema: str) -> list[str]:
    """For the migration that creates the table: the app role may add values, never change or
    remove one (an old period is never rewritten)."""
    return [f'REVOKE UPDATE, DELETE, TRUNCATE ON "{schema}".beleidswaarden FROM "{schema}_app"']


async def vergrendel(conn: AsyncConnection, table: Table, gemeente: str, sleutel: str) -> None:
    """Serialise the writes of one key of one gemeente (transaction-scoped advisory lock), so
    two concurrent periods cannot both pass the overlap check."""
    naam = literal(f"{table.fullname}:{gemeente}:{sleutel}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(naam))))


async def perioden(
    conn: AsyncConnection, table: Table, gemeente: str, sleutel: str | None = None
) -> list[Row[Any]]:
    """The values of a gemeente (of one key), by key and start."""
    query = select(table).where(table.c.gemeente == gemeente)
    if sleutel is not None:
        query = query.where(table.c.sleutel == sleutel)
    query = query.order_by(table.c.sleutel, table.c.geldig_vanaf)
    return list((await conn.execute(query)).all())


async def voeg_toe(conn: AsyncConnection, table: Table, values: dict[str, Any]) -> Row[Any]:
    row: Row[Any] = (await conn.execute(insert(table).values(**values).returning(table))).one()
    return row


async def waarde_op(
    conn: AsyncConnection, table: Table, gemeente: str, sleutel: str, peildatum: dt.date
) -> Row[Any] | None:
    """The value in force on ``peildatum`` (see :func:`van_kracht`), or None."""
    row: Row[Any] | None = (
        await conn.execute(
            select(table)
            .where(
                table.c.gemeente == gemeente,
                table.c.sleutel == sleutel,
                table.c.geldig_vanaf <= peildatum,
            )
            .order_by(table.c.geldig_vanaf.desc())
            .limit(1)
        )
    ).first()
    if row is None or (row.geldig_tot is not None and row.geldig_tot < peildatum):
        return None
    return row
