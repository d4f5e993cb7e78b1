"""Tables and queries. The tables of the legal side live in their own modules on the same
``MetaData`` as ``models``; importing them here registers them wherever ``db.models`` is used
(Alembic's env, the drift test, the app)."""

from wmo_intake.db import (
    aanbiedermeldingen,
    aanbieders,
    algemene_voorzieningen,
    behandelaars,
    beleidswaarden,
    bezwaren,
    brieven,
    clientzoeken,
    doorverwijzingen,
    evaluaties,
    hulpmiddelen,
    ingebrekestellingen,
    klachten,
    mantelzorgers,
    mantelzorgwaarderingen,
    models_iwmo,
    signaleringen,
    termijnaanpassingen,
    werkvoorraad_aanbieders,
)

__all__ = [
    "aanbiedermeldingen",
    "aanbieders",
    "algemene_voorzieningen",
    "behandelaars",
    "beleidswaarden",
    "bezwaren",
    "brieven",
    "clientzoeken",
    "doorverwijzingen",
    "evaluaties",
    "hulpmiddelen",
    "ingebrekestellingen",
    "klachten",
    "mantelzorgers",
    "mantelzorgwaarderingen",
    "models_iwmo",
    "signaleringen",
    "termijnaanpassingen",
    "werkvoorraad_aanbieders",
]
