"""The destruction of a cliënt's file (issue 14.5) and its proces-verbaal.

``STAPPEN`` walk from the cliënt down every foreign key to the rows of the file (the AVG
inzage's steps plus the tables that only hang from them); :func:`vernietig_client` collects the
keys first and then deletes, children before parents (the order of ``metadata.sorted_tables``),
in the caller's transaction. The sent letters are immutable for the app role: they go through
``intake.vernietig_brieven`` (migration ``vernietigingen``), which deletes only letters whose
beschikking or bezwaar is already gone. The audit log stays (it is the account of who did
what; it holds ids, no file content).

Not reached, left for their own retention: the raw iWmo messages (``iwmo_berichten``: one
message may concern several cliënten), outbox events already delivered and stored idempotent
answers. ``vernietigingen`` keeps what was destroyed and why, without personal data: the id of
the file (after destruction it leads to nothing), the term, the counts per table, who and when.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    func,
    insert,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import models as m
from wmo_intake.db.aanbiedermeldingen import aanbiedermeldingen, no_show_toestemmingen
from wmo_intake.db.avg import STAPPEN as INZAGE
from wmo_intake.db.behandelaars import behandelaarwissels
from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.brieven import brieven
from wmo_intake.db.declaratieregels import declaratieregels
from wmo_intake.db.doorverwijzingen import doorverwijzingen
from wmo_intake.db.evaluaties import evaluaties
from wmo_intake.db.hulpmiddelen import hulpmiddel_stappen, hulpmiddelen
from wmo_intake.db.ingebrekestellingen import ingebrekestellingen
from wmo_intake.db.kolommen import gemeente_kolom, id_kolom
from wmo_intake.db.mantelzorgers import mantelzorger_zaken, mantelzorgers
from wmo_intake.db.mantelzorgwaarderingen import mantelzorgwaarderingen
from wmo_intake.db.models_iwmo import iwmo_antwoorden, iwmo_verzoeken
from wmo_intake.db.rijen import Rij, een, eerste
from wmo_intake.db.werkvoorraad_taken import werkvoorraad_taken
from wmo_shared.inzage import Stap

vernietigingen = Table(
    "vernietigingen",
    m.metadata,
    id_kolom(),
    gemeente_kolom(),
    Column("soort", String(30), nullable=False),
    Column("object_id", UUID(as_uuid=True), nullable=False),
    Column("einddatum", Date, nullable=False),
    Column("bewaartermijn_jaren", Integer, nullable=False),
    Column("bewaren_tot", Date, nullable=False),
    Column("rule", String(20), nullable=False),
    Column("beleidswaarde_id", BigInteger, nullable=False),
    Column("aantallen", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    Column("rol", String(200), nullable=False),
    Column("vernietigd_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("gemeente", "soort", "object_id", name="uq_vernietigingen_object"),
)

_WORTEL = Stap("clienten", m.clienten, "id")
STAPPEN: tuple[Stap, ...] = (
    _WORTEL,
    *(s for s in INZAGE if s.bron is not None and s.tabel is not brieven),
    Stap("mantelzorgers", mantelzorgers, "client_id", "clienten"),
    Stap("mantelzorgerZaken", mantelzorger_zaken, "melding_id", "meldingen"),
    Stap(
        "mantelzorgerZakenVanMantelzorger", mantelzorger_zaken, "mantelzorger_id", "mantelzorgers"
    ),
    Stap("mantelzorgwaarderingen", mantelzorgwaarderingen, "client_id", "clienten"),
    Stap("waarderingenVanMantelzorger", mantelzorgwaarderingen, "mantelzorger_id", "mantelzorgers"),
    Stap("behandelaarwissels", behandelaarwissels, "melding_id", "meldingen"),
    Stap("doorverwijzingen", doorverwijzingen, "onderzoek_id", "onderzoeken"),
    Stap("evaluaties", evaluaties, "melding_id", "meldingen"),
    Stap("evaluatiesVanVoorziening", evaluaties, "maatwerkvoorziening_id", "maatwerkvoorzieningen"),
    Stap("hulpmiddelen", hulpmiddelen, "maatwerkvoorziening_id", "maatwerkvoorzieningen"),
    Stap("hulpmiddelStappen", hulpmiddel_stappen, "hulpmiddel_id", "hulpmiddelen"),
    Stap(
        "stappenVanVoorziening",
        hulpmiddel_stappen,
        "maatwerkvoorziening_id",
        "maatwerkvoorzieningen",
    ),
    Stap("aanbiedermeldingen", aanbiedermeldingen, "opdracht_id", "opdrachten"),
    Stap("noShowToestemmingen", no_show_toestemmingen, "opdracht_id", "opdrachten"),
    Stap(
        "declaratieregels",
        declaratieregels,
        "toewijzingnummer",
        "opdrachten",
        bronkolom="toewijzingnummer",
    ),
    Stap("iwmoVerzoeken", iwmo_verzoeken, "client_id", "clienten"),
    Stap("iwmoAntwoorden", iwmo_antwoorden, "verzoek_id", "iwmoVerzoeken"),
    # derived (kept by triggers), but it names the cliënt: gone with the file, not at commit
    Stap("werkvoorraadTaken", werkvoorraad_taken, "client_id", "clienten"),
    # the other foreign keys between the file's tables, so nothing points at a deleted row
    Stap("beschikkingenVanAanvraag", m.beschikkingen, "aanvraag_id", "aanvragen"),
    Stap("bezwarenVanBeschikking", bezwaren, "beschikking_id", "beschikkingen"),
    Stap("bezwarenVanHerziening", bezwaren, "herziene_beschikking_id", "beschikkingen"),
    Stap("beeindigingenVanBeschikking", m.beeindigingen, "beschikking_id", "beschikkingen"),
    Stap("ingebrekestellingenVanBezwaar", ingebrekestellingen, "bezwaar_id", "bezwaren"),
    Stap("ingebrekestellingenVanAanvraag", ingebrekestellingen, "aanvraag_id", "aanvragen"),
    Stap(
        "opdrachtenVanVoorziening", m.opdrachten, "maatwerkvoorziening_id", "maatwerkvoorzieningen"
    ),
)
"""Every step from the cliënt down the foreign keys (a test holds it to the metadata)."""

_VOLGORDE = {t.name: i for i, t in enumerate(m.metadata.sorted_tables)}
_ONDERWERPEN = ("beschikkingen", "bezwaren")  # the subjects of the letters
_NODIG = {
    s.naam: {t.bronkolom for t in STAPPEN if t.bron == s.naam}
    | ({"id"} if s.naam in _ONDERWERPEN else set())
    for s in STAPPEN
}


def _van_gemeente(tabel: Table, gemeente: str) -> Any:
    return tabel.c.gemeente == gemeente if "gemeente" in tabel.c else true()


async def vergrendel_client(conn: AsyncConnection, gemeente: str, client_id: uuid.UUID) -> bool:
    """Lock the cliënt's row (a new melding for it waits); False if not in the gemeente."""
    c = m.clienten
    query = select(c.c.id).where(c.c.id == client_id, c.c.gemeente == gemeente).with_for_update()
    return await eerste(conn, query) is not None


async def _sleutels(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID
) -> tuple[list[tuple[Stap, list[Any]]], dict[str, list[Any]]]:
    """Per step the values of its ``kolom`` that select the file's rows (parents first)."""
    gevonden: dict[str, list[Any]] = {}
    selecties: list[tuple[Stap, list[Any]]] = []
    for s in STAPPEN:
        waarden = (
            [client_id]
            if s.bron is None
            else list(dict.fromkeys(r[s.bronkolom] for r in gevonden[s.bron]))
        )
        waarden = [w for w in waarden if w is not None]
        kolommen = [s.tabel.c[k] for k in sorted(_NODIG[s.naam])]
        rijen: list[Any] = []
        if waarden and kolommen:
            query = select(*kolommen).where(
                s.tabel.c[s.kolom].in_(waarden), _van_gemeente(s.tabel, gemeente)
            )
            rijen = [r._mapping for r in await conn.execute(query)]
        gevonden[s.naam] = rijen
        selecties.append((s, waarden))
    return selecties, gevonden


async def vernietig_client(
    conn: AsyncConnection, gemeente: str, client_id: uuid.UUID
) -> dict[str, int]:
    """Delete the file; per table the number of rows deleted (letters under ``brieven``)."""
    selecties, gevonden = await _sleutels(conn, gemeente, client_id)
    onderwerpen = [r["id"] for naam in _ONDERWERPEN for r in gevonden[naam]]
    aantallen: dict[str, int] = {}
    for s, waarden in sorted(selecties, key=lambda x: -_VOLGORDE[x[0].tabel.name]):
        if not waarden:
            continue
        result = await conn.execute(
            delete(s.tabel).where(s.tabel.c[s.kolom].in_(waarden), _van_gemeente(s.tabel, gemeente))
        )
        aantallen[s.tabel.name] = aantallen.get(s.tabel.name, 0) + result.rowcount
    aantallen["brieven"] = await _vernietig_brieven(conn, gemeente, onderwerpen)
    return {k: v for k, v in sorted(aantallen.items()) if v}


async def _vernietig_brieven(
    conn: AsyncConnection, gemeente: str, onderwerpen: list[uuid.UUID]
) -> int:
    if not onderwerpen:
        return 0
    functie = func.intake.vernietig_brieven(
        gemeente, bindparam("onderwerpen", onderwerpen, type_=ARRAY(UUID(as_uuid=True)))
    )
    return int((await conn.execute(select(functie))).scalar_one())


async def leg_vast(conn: AsyncConnection, values: dict[str, Any]) -> Rij:
    return await een(conn, insert(vernietigingen).values(**values).returning(vernietigingen))


async def proces_verbaal(conn: AsyncConnection, gemeente: str, id_: uuid.UUID) -> Rij | None:
    v = vernietigingen
    return await eerste(conn, select(v).where(v.c.id == id_, v.c.gemeente == gemeente))
