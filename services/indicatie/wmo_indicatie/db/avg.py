"""The AVG inzage (issue 14.5): the tables of this service that hold data about a person,
from the BSN down the foreign keys, for ``wmo_shared.inzage``."""

from __future__ import annotations

from wmo_indicatie.db import models as m
from wmo_shared.inzage import Stap

STAPPEN = (
    Stap("adviezen", m.adviezen, "bsn"),
    Stap("indicaties", m.indicaties, "bsn"),
)
