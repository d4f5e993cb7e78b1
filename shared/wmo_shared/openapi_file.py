"""``python -m wmo_shared.openapi_file <service> <file>``: write a service's OpenAPI document as
its route sends it, for ``<SERVICE>_OPENAPI_FILE`` (the image build writes it, so that no worker
builds it at run time; ``wmo_shared.openapi.install_openapi``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from wmo_shared.openapi import document_bytes


def write(service: str, target: Path) -> None:
    app = importlib.import_module(f"wmo_{service}.main").create_app()
    target.write_bytes(document_bytes(app.openapi()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m wmo_shared.openapi_file <service> <file>")
    write(sys.argv[1], Path(sys.argv[2]))
