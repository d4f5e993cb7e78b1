"""Tables and queries. The tables of the legal side live in their own modules on the same
``MetaData`` as ``models``; importing them here registers them wherever ``db.models`` is used
(Alembic's env, the drift test, the app)."""

from wmo_intake.db import (
    aanbiedermeldingen,
    aanbieders,
    behandelaars,
    bezwaren,
    brieven,
    clientzoeken,
    evaluaties,
    ingebrekestellingen,
    klachten,
    signaleringen,
    termijnaanpassingen,
)

__all__ = [
    "aanbiedermeldingen",
    "aanbieders",
    "behandelaars",
    "bezwaren",
    "brieven",
    "clientzoeken",
    "evaluaties",
    "ingebrekestellingen",
    "klachten",
    "signaleringen",
    "termijnaanpassingen",
]
