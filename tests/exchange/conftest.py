"""Until ``exchange`` is a workspace member (installed in the venv), import it from the tree,
so the whole suite runs with or without ``PYTHONPATH=exchange``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("wmo_exchange") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "exchange"))
