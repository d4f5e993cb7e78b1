"""The table of intake's policy values: the generic one of ``wmo_shared.beleidswaarden`` on this
service's own metadata, append-only (see the migration). Its queries are the generic ones, used
by the shared use case ``wmo_shared.beleidswaardebeheer``."""

from __future__ import annotations

from wmo_intake.db.models import metadata
from wmo_shared import beleidswaarden as generiek

beleidswaarden = generiek.beleidswaarden_table(metadata)
