"""Tables and queries. Tables in their own modules share ``models.metadata``; importing them
here registers them wherever ``db.models`` is used (Alembic's env, the drift test, the app)."""

from wmo_indicatie.db import beleidswaarden

__all__ = ["beleidswaarden"]
