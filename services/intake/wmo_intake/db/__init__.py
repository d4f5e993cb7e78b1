"""Tables and queries. The tables of the legal side live in their own modules on the same
``MetaData`` as ``models``; importing them here registers them wherever ``db.models`` is used
(Alembic's env, the drift test, the app)."""

from wmo_intake.db import (
    algemene_voorzieningen,
    beleidswaarden,
    bezwaren,
    brieven,
    doorverwijzingen,
    hulpmiddelen,
    ingebrekestellingen,
    klachten,
    mantelzorgers,
    mantelzorgwaarderingen,
    termijnaanpassingen,
)

__all__ = ["bezwaren", "brieven", "ingebrekestellingen", "klachten", "termijnaanpassingen"]
__all__ += [
    "algemene_voorzieningen",
    "beleidswaarden",
    "doorverwijzingen",
    "hulpmiddelen",
    "mantelzorgers",
    "mantelzorgwaarderingen",
]
