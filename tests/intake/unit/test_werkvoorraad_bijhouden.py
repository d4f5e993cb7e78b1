"""Every table the live werkvoorraad query reads has the trigger that keeps
``werkvoorraad_taken`` (or cannot change a term): a new source in the query without a trigger
would leave the table behind it."""

from __future__ import annotations

from wmo_intake.db.werkvoorraad_bijhouden import (
    MELDINGEN,
    ONVERANDERLIJK,
    SOORTEN,
    gelezen_tabellen,
)


def test_every_table_the_live_query_reads_is_watched() -> None:
    ongezien = gelezen_tabellen() - set(MELDINGEN) - set(SOORTEN) - ONVERANDERLIJK
    assert not ongezien, f"tables without the werkvoorraad_bijhouden trigger: {ongezien}"
