"""``python -m wmo_shared.openapi_file <service> <file>``: write a service's OpenAPI document as
its route sends it, for ``<SERVICE>_OPENAPI_FILE`` (the image build writes it, so that no worker
builds it at run time; ``wmo_shared.openapi.install_openapi``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from wmo_shared.openapi import document_bytes


def document(service: str) -> dict[str, Any]:
    """The OpenAPI document of ``wmo_<service>`` as its app builds it."""
    doc: dict[str, Any] = importlib.import_module(f"wmo_{service}.main").create_app().openapi()
    return doc


def write(service: str, target: Path) -> None:
    target.write_bytes(document_bytes(document(service)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m wmo_shared.openapi_file <service> <file>")
    write(sys.argv[1], Path(sys.argv[2]))
