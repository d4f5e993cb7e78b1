"""The AVG inzage (issue 14.5): the tables of this service that hold data about a person,
from the BSN down the foreign keys, for ``wmo_shared.inzage``."""

from __future__ import annotations

from wmo_finance.db import models as m
from wmo_finance.db.eenmalige_pgbs import (
    eenmalig_pgb_beeindigingen,
    eenmalige_pgbs,
    leveranciersbetalingen,
)
from wmo_shared.inzage import Stap

STAPPEN = (
    Stap("tegemoetkomingen", m.tegemoetkomingen, "bsn"),
    Stap(
        "tegemoetkomingOvergangen",
        m.tegemoetkoming_overgangen,
        "tegemoetkoming_id",
        "tegemoetkomingen",
    ),
    Stap("eigenBijdrageSchemas", m.eigen_bijdrage_schemas, "tegemoetkoming_id", "tegemoetkomingen"),
    Stap("eigenBijdrageTermijnen", m.eigen_bijdrage_termijnen, "schema_id", "eigenBijdrageSchemas"),
    Stap("onderhoudsvergoedingen", m.onderhoudsvergoedingen, "bsn"),
    Stap("vervoersvergoedingen", m.vervoersvergoedingen, "bsn"),
    Stap("eenmaligePgbs", eenmalige_pgbs, "bsn"),
    Stap("leveranciersbetalingen", leveranciersbetalingen, "eenmalig_pgb_id", "eenmaligePgbs"),
    Stap(
        "eenmaligPgbBeeindigingen",
        eenmalig_pgb_beeindigingen,
        "eenmalig_pgb_id",
        "eenmaligePgbs",
    ),
    Stap("cakVoorzieningen", m.cak_voorzieningen, "bsn"),
    Stap("cakMutaties", m.cak_mutaties, "bsn"),
)
