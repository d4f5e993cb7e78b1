"""The AVG inzage (issue 14.5): the tables of this service that hold data about a person,
from the BSN down the foreign keys, for ``wmo_shared.inzage``."""

from __future__ import annotations

from wmo_pgb.db import models as m
from wmo_shared.inzage import Stap

STAPPEN = (
    Stap("pgbPlannen", m.pgb_plannen, "bsn"),
    Stap("toetsingen", m.toetsingen, "pgb_plan_id", "pgbPlannen"),
    Stap("besluiten", m.besluiten, "pgb_plan_id", "pgbPlannen"),
    Stap("pgbVerzoeken", m.pgb_verzoeken, "bsn"),
    Stap("budgetten", m.budgetten, "bsn"),
    Stap("budgetVersies", m.budget_versies, "budget_id", "budgetten"),
    Stap("budgetIntrekkingen", m.budget_intrekkingen, "budget_id", "budgetten"),
    Stap("bestedingscontroles", m.bestedingscontroles, "budget_id", "budgetten"),
    Stap("svbToekenningen", m.svb_toekenningen, "bsn"),
    Stap("svbBudgetafsluitingRegels", m.svb_budgetafsluiting_regels, "budget_id", "budgetten"),
    Stap("budgetSignaleringen", m.budget_signaleringen, "budget_id", "budgetten"),
)
