"""Plumbing shared by the message modules: namespaces, reading a validated tree into values,
writing elements, and the parse wrapper (validate first, then read).

Reading happens only after XSD validation, so required elements exist and codes are in their
codelists. What the XSD accepts but Python cannot hold (``xs:date`` year 10000, ``24:00:00``)
is reported as a ``SchemaFout`` through ``ConversionError``, never as an exception to the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from lxml import etree

from wmo_iwmo.xsd import InvalidMessageError, MessageType, SchemaFout, SchemaFouten, validated_root

IWMO_NS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"

T = TypeVar("T")


def message_ns(message_type: MessageType) -> str:
    return f"http://www.istandaarden.nl/iwmo/3_2/{message_type.lower()}/schema"


class ConversionError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class Node:
    """An element of a validated message; ``ns`` is the namespace its children live in."""

    __slots__ = ("el", "ns")

    def __init__(self, el: Any, ns: str) -> None:
        self.el = el
        self.ns = ns

    def _find(self, name: str) -> Any:
        return self.el.find(f"{{{self.ns}}}{name}")

    def child(self, name: str, child_ns: str = IWMO_NS) -> Node:
        """A required child; its own children are in ``child_ns`` (basisschema types)."""
        found = self._find(name)
        if found is None:  # cannot happen after validation; guards against a schema mismatch
            raise ConversionError(self.line, f"element {name} ontbreekt")
        return Node(found, child_ns)

    def opt(self, name: str, child_ns: str = IWMO_NS) -> Node | None:
        found = self._find(name)
        return None if found is None else Node(found, child_ns)

    def all(self, name: str, child_ns: str) -> list[Node]:
        return [Node(e, child_ns) for e in self.el.iterfind(f"{{{self.ns}}}{name}")]

    @property
    def line(self) -> int:
        line = self.el.sourceline
        return line if isinstance(line, int) else 0

    @property
    def text(self) -> str:
        value = self.el.text
        return value if isinstance(value, str) else ""

    def string(self, name: str) -> str:
        return self.child(name).text

    def opt_string(self, name: str) -> str | None:
        node = self.opt(name)
        return None if node is None else node.text

    def integer(self, name: str) -> int:
        return self.child(name)._as_int()

    def opt_integer(self, name: str) -> int | None:
        node = self.opt(name)
        return None if node is None else node._as_int()

    def date(self, name: str) -> dt.date:
        return self.child(name)._as_date()

    def opt_date(self, name: str) -> dt.date | None:
        node = self.opt(name)
        return None if node is None else node._as_date()

    def time(self, name: str) -> dt.time:
        node = self.child(name)
        try:
            return dt.time.fromisoformat(node.text.strip())
        except ValueError as exc:
            raise ConversionError(node.line, f"tijd {node.text!r} niet te verwerken") from exc

    def _as_int(self) -> int:
        try:
            return int(self.text.strip())
        except ValueError as exc:
            raise ConversionError(self.line, f"getal {self.text!r} niet te verwerken") from exc

    def _as_date(self) -> dt.date:
        try:
            return dt.date.fromisoformat(self.text.strip())
        except ValueError as exc:
            raise ConversionError(self.line, f"datum {self.text!r} niet te verwerken") from exc


def parse_message(
    message_type: MessageType, xml: bytes, read: Callable[[Node], T]
) -> T | SchemaFouten:
    """Validate ``xml`` against the message's XSD, then read it with ``read``."""
    root = validated_root(message_type, xml)
    if isinstance(root, list):
        return SchemaFouten(tuple(root))
    try:
        return read(Node(root, message_ns(message_type)))
    except ConversionError as exc:
        return SchemaFouten((SchemaFout(exc.line, str(exc)),))


class Writer:
    """Builds one message: ``sub`` adds a child in the message namespace, ``iwmo`` one in the
    basisschema namespace (children of the basisschema's composite types)."""

    def __init__(self, message_type: MessageType) -> None:
        self.ns = message_ns(message_type)
        self.prefix = message_type.lower()
        self.root = etree.Element(
            f"{{{self.ns}}}Bericht", nsmap={"iwmo": IWMO_NS, self.prefix: self.ns}
        )

    def sub(self, parent: Any, name: str, value: object = None) -> Any:
        return _add(parent, f"{{{self.ns}}}{name}", value)

    def opt(self, parent: Any, name: str, value: object) -> None:
        if value is not None:
            _add(parent, f"{{{self.ns}}}{name}", value)

    def tobytes(self) -> bytes:
        body = etree.tostring(self.root, encoding="UTF-8", pretty_print=True)
        assert isinstance(body, bytes)
        return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def iwmo(parent: Any, name: str, value: object = None) -> Any:
    return _add(parent, f"{{{IWMO_NS}}}{name}", value)


def iwmo_opt(parent: Any, name: str, value: object) -> None:
    if value is not None:
        _add(parent, f"{{{IWMO_NS}}}{name}", value)


def _add(parent: Any, tag: str, value: object) -> Any:
    el = etree.SubElement(parent, tag)
    if value is not None:
        try:
            el.text = _lexical(value)
        except ValueError as exc:  # a control character: XML cannot hold it (lxml refuses)
            naam = etree.QName(tag).localname
            raise InvalidMessageError(f"{naam} bevat een teken dat XML niet kan bevatten") from exc
    return el


def _lexical(value: object) -> str:
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise TypeError("booleans have no single iWmo form; pass the code")
    return str(value)
