"""The destruction of a file (issue 14.5) reaches every row that hangs from the cliënt: each
foreign key into a table the walk reaches is itself a step of the walk (else the delete would
fail on it, or leave rows behind). Tables that point at the file without a foreign key are
named here with how they are handled."""

from __future__ import annotations

import wmo_intake.db  # noqa: F401  (registers every table on the metadata)
from wmo_intake.db.models import metadata
from wmo_intake.db.vernietiging import STAPPEN

# Reached without a foreign key, or kept on purpose (see db.vernietiging).
ZONDER_SLEUTEL = {
    "brieven": "through intake.vernietig_brieven (onderwerp_id of beschikking or bezwaar)",
    "termijnaanpassingen": "steps on doel_id (melding, aanvraag, bezwaar, klacht)",
    "declaratieregels": "step on toewijzingnummer of the opdrachten",
}
NIET_VAN_EEN_DOSSIER = {
    "audit": "the account of who did what: kept (ids, no file content)",
    "iwmo_berichten": "raw provider messages, one may concern several cliënten",
    "outbox": "events, delivered and kept for the relay",
    "idempotency_keys": "stored answers of writes",
}


def test_elke_verwijzing_naar_het_dossier_is_een_stap() -> None:
    namen = {s.naam: s for s in STAPPEN}
    bereikt = {s.tabel.name for s in STAPPEN}
    stappen = {(s.tabel.name, s.kolom, namen[s.bron].tabel.name) for s in STAPPEN if s.bron}
    for tabel in metadata.sorted_tables:
        for fk in tabel.foreign_keys:
            doel = fk.column.table.name
            # a version pointing at its predecessor points within the same file
            if doel in bereikt and fk.column.name == "id" and doel != tabel.name:
                assert (tabel.name, fk.parent.name, doel) in stappen, (tabel.name, fk.parent.name)


def test_elke_tabel_met_een_client_of_bsn_wordt_bereikt() -> None:
    bereikt = {s.tabel.name for s in STAPPEN}
    for tabel in metadata.sorted_tables:
        persoonlijk = {"client_id", "bsn"} & set(tabel.c.keys()) or tabel.name == "clienten"
        if persoonlijk:
            assert tabel.name in bereikt, tabel.name
    assert set(ZONDER_SLEUTEL) - {"brieven"} <= bereikt
    assert "brieven" not in bereikt  # never deleted directly: the app role may not
    assert not set(NIET_VAN_EEN_DOSSIER) & bereikt


def test_de_wortel_is_de_client_in_zijn_gemeente() -> None:
    wortel = STAPPEN[0]
    assert (wortel.naam, wortel.tabel.name, wortel.kolom, wortel.bron) == (
        "clienten",
        "clienten",
        "id",
        None,
    )
    assert all(s.bron is not None for s in STAPPEN[1:])
    assert len({s.naam for s in STAPPEN}) == len(STAPPEN)
