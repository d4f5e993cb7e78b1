"""Reading a letter back from its PDF bytes: the text, the PDF/A claim, the structure tree."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject


def lezer(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def tekst(pdf: bytes) -> str:
    """All pages' text, whitespace collapsed (line breaks may fall anywhere in a sentence)."""
    return " ".join(" ".join(p.extract_text() or "" for p in lezer(pdf).pages).split())


def pdfa(pdf: bytes) -> tuple[str, str] | None:
    """(part, conformance) from the XMP metadata, or None."""
    root = catalogus(pdf)
    if "/Metadata" not in root:
        return None
    metadata = root["/Metadata"].get_object()
    assert isinstance(metadata, StreamObject)
    xmp = metadata.get_data().decode("utf-8")
    part = re.search(r"pdfaid:part(?:>|=\")(\d)", xmp)
    conformance = re.search(r"pdfaid:conformance(?:>|=\")([A-Za-z])", xmp)
    if part is None or conformance is None:
        return None
    return part.group(1), conformance.group(1)


def catalogus(pdf: bytes) -> DictionaryObject:
    root: Any = lezer(pdf).trailer["/Root"]
    assert isinstance(root, DictionaryObject)
    return root


def structuurtypen(pdf: bytes) -> set[str]:
    """The structure types (/S) in the structure tree: /H1, /P, /Table, /L, ..."""
    gezien: set[str] = set()
    stapel: list[Any] = [catalogus(pdf)["/StructTreeRoot"]]
    bezocht = 0
    while stapel and bezocht < 20_000:
        knoop = stapel.pop()
        bezocht += 1
        if isinstance(knoop, IndirectObject):
            knoop = knoop.get_object()
        if isinstance(knoop, ArrayObject):
            stapel.extend(knoop)
        elif isinstance(knoop, DictionaryObject):
            if "/S" in knoop:
                gezien.add(str(knoop["/S"]))
            if "/K" in knoop:
                stapel.append(knoop["/K"])
    return gezien
