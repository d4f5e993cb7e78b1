"""XSD validation of iWmo 3.2 messages against the schemas shipped in ``xsd/``.

Documents are parsed with a hardened parser: no network, no DTD loading, no entity expansion,
and a document that carries a DOCTYPE at all is refused (iWmo messages never have one). Nothing
here raises on bad input: a document that is not well-formed comes back as a ``SchemaFout`` too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal, get_args

from lxml import etree

MessageType = Literal["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"]
MESSAGE_TYPES: tuple[MessageType, ...] = get_args(MessageType)

_XSD_DIR = files(__package__ or "wmo_iwmo").joinpath("xsd")
_XSD_FILES = frozenset(f"{t}.xsd" for t in MESSAGE_TYPES) | {"basisschema.xsd"}

# An XMLSchema object keeps its error_log on itself, so one validation at a time per process.
_VALIDATION_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class SchemaFout:
    """One reason a document is not a valid message; ``line`` is 0 when it has no position."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class SchemaFouten:
    """A document that was refused: not well-formed, or not valid against the message's XSD."""

    fouten: tuple[SchemaFout, ...]


class InvalidMessageError(ValueError):
    """The data given cannot make a valid message; ``fouten`` holds the schema errors."""

    def __init__(self, message: str, fouten: tuple[SchemaFout, ...] = ()) -> None:
        detail = "; ".join(f"regel {f.line}: {f.message}" for f in fouten)
        super().__init__(f"{message}: {detail}" if detail else message)
        self.fouten = fouten


class _PackageResolver(etree.Resolver):  # type: ignore[misc]
    """Resolves the schemas' ``xs:import`` of basisschema.xsd from the package, nothing else."""

    def resolve(self, system_url: str, public_id: str | None, context: Any) -> Any:
        name = system_url.replace("\\", "/").rsplit("/", 1)[-1]
        if name not in _XSD_FILES:
            raise LookupError(f"XSD {system_url!r} hoort niet bij iWmo 3.2")
        return self.resolve_string(_XSD_DIR.joinpath(name).read_bytes(), context, base_url=name)


@cache
def schema(message_type: MessageType) -> Any:
    """The compiled ``lxml.etree.XMLSchema`` of one message type (cached per process)."""
    if message_type not in MESSAGE_TYPES:
        raise ValueError(f"onbekend berichttype {message_type!r}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_PackageResolver())
    name = f"{message_type}.xsd"
    doc = etree.fromstring(_XSD_DIR.joinpath(name).read_bytes(), parser, base_url=name)
    return etree.XMLSchema(doc)


_PARSERS = threading.local()


def _document_parser() -> Any:
    """One parser per thread, reused (an lxml parser is not for two threads at once, and
    making one costs as much as parsing a small message)."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = _new_document_parser()
    return parser


def _new_document_parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        # a comment or PI inside a value would split its text for the reader, not for the XSD
        remove_comments=True,
        remove_pis=True,
    )


def parse_document(xml: bytes) -> Any | list[SchemaFout]:
    """The root element of a well-formed document without DOCTYPE, or why it is not one."""
    try:
        root = etree.fromstring(xml, _document_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else 0
        return [SchemaFout(line, f"XML is niet well-formed: {exc.msg}")]
    except (ValueError, TypeError) as exc:
        return [SchemaFout(0, f"XML kan niet gelezen worden: {exc}")]
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        return [SchemaFout(1, "Een DOCTYPE is in een iWmo-bericht niet toegestaan")]
    return root


def validated_root(message_type: MessageType, xml: bytes) -> Any | list[SchemaFout]:
    """The root element when ``xml`` is a valid ``message_type`` message, else the errors."""
    root = parse_document(xml)
    if isinstance(root, list):
        return root
    xsd = schema(message_type)
    with _VALIDATION_LOCK:
        if xsd.validate(root):
            return root
        errors = [SchemaFout(int(e.line or 0), str(e.message)) for e in xsd.error_log]
    return errors or [SchemaFout(0, f"Geen geldig {message_type}-bericht")]


def validate(message_type: MessageType, xml: bytes) -> list[SchemaFout]:
    """The schema errors of ``xml`` as a ``message_type`` message; empty when it is valid."""
    result = validated_root(message_type, xml)
    return result if isinstance(result, list) else []
