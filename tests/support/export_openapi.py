"""Write every service's OpenAPI document to a folder (for the NL GOV ADR linter)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.openapi_file import document


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".local/openapi")
    out.mkdir(parents=True, exist_ok=True)
    for svc in SERVICES:
        doc = document(svc)
        (out / f"{svc}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False))
        print(f"openapi: {out / (svc + '.json')}")


if __name__ == "__main__":
    main()
