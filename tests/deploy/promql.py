"""PromQL for checking the alert rules and dashboard queries of ``deploy/``: the expressions are
parsed by ``promql-parser`` (the Rust ``promql-parser`` crate, Prometheus' grammar and its
checks: function signatures and argument types, range vectors only where one belongs, regular
expressions that compile, grouping modifiers only where allowed) and turned into the small
tree below, which tells which metrics and labels an expression reads and which labels its
result carries. Grafana's ``$variables`` are replaced before parsing: in a range by a duration,
in a label value they are a string as any other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import promql_parser as pp

# Aggregations whose result keeps each series' own labels.
_SELECTING = frozenset({"bottomk", "topk", "limitk", "limit_ratio"})
# Functions whose result has no labels.
_SCALAR_FUNCTIONS = frozenset({"pi", "scalar", "time", "vector"})
# A Grafana variable in a range ([$__rate_interval]) and anywhere else.
_RANGE_VARIABLE = re.compile(r"\[\$(?:\{[^}]*\}|[a-zA-Z_][a-zA-Z0-9_]*)\]")


class PromQLError(ValueError):
    pass


# --- syntax tree --------------------------------------------------------------------------------


@dataclass
class Node:
    def children(self) -> Iterator[Node]:
        return iter(())


@dataclass
class Number(Node):
    value: str


@dataclass
class String(Node):
    value: str


@dataclass
class Matcher:
    label: str
    op: str
    value: str


@dataclass
class Selector(Node):
    metric: str | None
    matchers: list[Matcher] = field(default_factory=list)
    range: str | None = None


@dataclass
class Subquery(Node):
    expr: Node
    range: str

    def children(self) -> Iterator[Node]:
        yield self.expr


@dataclass
class Paren(Node):
    expr: Node

    def children(self) -> Iterator[Node]:
        yield self.expr


@dataclass
class Unary(Node):
    op: str
    expr: Node

    def children(self) -> Iterator[Node]:
        yield self.expr


@dataclass
class Call(Node):
    function: str
    args: list[Node]

    def children(self) -> Iterator[Node]:
        yield from self.args


@dataclass
class Aggregate(Node):
    op: str
    expr: Node
    param: Node | None = None
    grouping: tuple[str, tuple[str, ...]] | None = None  # ("by" | "without", labels)

    def children(self) -> Iterator[Node]:
        if self.param is not None:
            yield self.param
        yield self.expr


@dataclass
class Binary(Node):
    op: str
    lhs: Node
    rhs: Node
    bool: bool = False
    matching: tuple[str, tuple[str, ...]] | None = None  # ("on" | "ignoring", labels)
    group: tuple[str, tuple[str, ...]] | None = None  # ("group_left" | "group_right", labels)

    def children(self) -> Iterator[Node]:
        yield self.lhs
        yield self.rhs


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children():
        yield from walk(child)


# --- from the parser's tree ---------------------------------------------------------------------


def _duration(value: dt.timedelta) -> str:
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


# pyo3 enums compare but do not hash: keyed by their name.
_MATCH_OPS = {
    "MatchOp.Equal": "=",
    "MatchOp.NotEqual": "!=",
    "MatchOp.Re": "=~",
    "MatchOp.NotRe": "!~",
}


def _selector(vs: pp.VectorSelector, range_: dt.timedelta | None = None) -> Selector:
    matchers = [
        Matcher(m.name, _MATCH_OPS[str(m.op)], m.value)
        for m in vs.matchers.matchers
        if not (m.name == "__name__" and vs.name is not None)
    ]
    return Selector(vs.name, matchers, None if range_ is None else _duration(range_))


def _labels(modifier: pp.LabelModifier | None) -> tuple[str, tuple[str, ...]] | None:
    if modifier is None:
        return None
    kind = "on" if modifier.type == pp.LabelModifierType.Include else "ignoring"
    return kind, tuple(modifier.labels)


def _node(e: object) -> Node:
    if isinstance(e, pp.NumberLiteral):
        return Number(e.prettify())
    if isinstance(e, pp.StringLiteral):
        return String(e.val)
    if isinstance(e, pp.VectorSelector):
        return _selector(e)
    if isinstance(e, pp.MatrixSelector):
        return _selector(e.vector_selector, e.range)
    if isinstance(e, pp.SubqueryExpr):
        return Subquery(_node(e.expr), _duration(e.range))
    if isinstance(e, pp.ParenExpr):
        return Paren(_node(e.expr))
    if isinstance(e, pp.UnaryExpr):
        return Unary("-", _node(e.expr))
    if isinstance(e, pp.Call):
        return Call(e.func.name, [_node(a) for a in e.args])
    if isinstance(e, pp.AggregateExpr):
        grouping = None
        if e.modifier is not None:
            kind = "by" if e.modifier.type == pp.AggModifierType.By else "without"
            grouping = (kind, tuple(e.modifier.labels))
        param = None if e.param is None else _node(e.param)
        return Aggregate(str(e.op), _node(e.expr), param, grouping)
    if isinstance(e, pp.BinaryExpr):
        m = e.modifier
        group = None
        if m is not None and m.card in (
            pp.VectorMatchCardinality.ManyToOne,
            pp.VectorMatchCardinality.OneToMany,
        ):
            side = "group_left" if m.card == pp.VectorMatchCardinality.ManyToOne else "group_right"
            group = (side, tuple(m.group_labels or ()))
        return Binary(
            str(e.op),
            _node(e.lhs),
            _node(e.rhs),
            bool=bool(m is not None and m.return_bool),
            matching=None if m is None else _labels(m.matching),
            group=group,
        )
    raise PromQLError(f"unknown expression {type(e).__name__}")


def parse(expr: str) -> Node:
    """The tree of ``expr``; PromQLError when Prometheus would refuse it, or when it is a range
    vector (no alert's or panel's value)."""
    try:
        parsed = pp.parse(_RANGE_VARIABLE.sub("[5m]", expr))
    except ValueError as exc:
        raise PromQLError(str(exc)) from exc
    if isinstance(parsed, (pp.MatrixSelector, pp.SubqueryExpr)):
        raise PromQLError("a range vector is only allowed as the argument of a *_over_time/rate")
    return _node(parsed)


# --- what an expression reads and yields --------------------------------------------------------


def metrics(node: Node) -> set[str]:
    return {n.metric for n in walk(node) if isinstance(n, Selector) and n.metric is not None}


LabelsOf = Callable[[str], frozenset[str] | None]


def result_labels(node: Node, labels_of: LabelsOf) -> frozenset[str] | None:
    """The labels the result of ``node`` carries; None when they cannot be known."""
    if isinstance(node, (Number, String)):
        return frozenset()
    if isinstance(node, Selector):
        return labels_of(node.metric) if node.metric is not None else None
    if isinstance(node, (Paren, Unary, Subquery)):
        return result_labels(node.expr, labels_of)
    if isinstance(node, Aggregate):
        inner = result_labels(node.expr, labels_of)
        if node.op in _SELECTING:
            return inner
        extra = frozenset()
        if node.op == "count_values" and isinstance(node.param, String):
            extra = frozenset({node.param.value})
        if node.grouping is None:
            return extra
        kind, labels = node.grouping
        if kind == "by":
            return frozenset(labels) | extra
        return None if inner is None else (inner - set(labels)) | extra
    if isinstance(node, Call):
        if node.function in _SCALAR_FUNCTIONS:
            return frozenset()
        if node.function == "histogram_quantile" and len(node.args) == 2:
            inner = result_labels(node.args[1], labels_of)
            return None if inner is None else inner - {"le"}
        if node.function in ("label_replace", "label_join") and len(node.args) >= 2:
            inner = result_labels(node.args[0], labels_of)
            target = node.args[1]
            if inner is None or not isinstance(target, String):
                return None
            return inner | {target.value}
        if node.function == "absent":
            return None
        vectors = [a for a in node.args if not isinstance(a, (Number, String))]
        return result_labels(vectors[0], labels_of) if vectors else frozenset()
    if isinstance(node, Binary):
        lhs = result_labels(node.lhs, labels_of)
        rhs = result_labels(node.rhs, labels_of)
        scalar_l, scalar_r = _scalar(node.lhs), _scalar(node.rhs)
        if scalar_l and scalar_r:
            return frozenset()
        if scalar_r:
            return lhs
        if scalar_l:
            return rhs
        if node.op in ("and", "unless"):
            return lhs
        if node.op == "or":
            return None if lhs is None or rhs is None else lhs & rhs
        if node.group is not None:
            side = lhs if node.group[0] == "group_left" else rhs
            return None if side is None else side | set(node.group[1])
        if node.matching is not None:
            kind, labels = node.matching
            if kind == "on":
                return frozenset(labels)
            return None if lhs is None else lhs - set(labels)
        return lhs
    raise PromQLError(f"unknown node {node!r}")


def _scalar(node: Node) -> bool:
    """A number or a function that returns a scalar (``time()``, ``scalar(v)``; ``vector(s)``
    is a vector without labels, matched as one)."""
    bare = _bare(node)
    return isinstance(bare, Number) or (
        isinstance(bare, Call) and bare.function in _SCALAR_FUNCTIONS - {"vector"}
    )


def _bare(node: Node) -> Node:
    while isinstance(node, (Paren, Unary)):
        node = node.expr
    return node


def label_problems(node: Node, labels_of: LabelsOf) -> list[str]:
    """Labels matched or grouped by that the series at that point do not carry."""
    problems = []
    for n in walk(node):
        if isinstance(n, Selector) and n.metric is not None:
            known = labels_of(n.metric)
            if known is not None:
                problems += [
                    f"{n.metric} has no label {m.label!r}"
                    for m in n.matchers
                    if m.label not in known
                ]
        if isinstance(n, Aggregate) and n.grouping is not None:
            known = result_labels(n.expr, labels_of)
            if known is not None:
                problems += [
                    f"{n.op} {n.grouping[0]} ({label}): the series have no label {label!r}"
                    for label in n.grouping[1]
                    if label not in known
                ]
    return problems
