"""A small PromQL parser for checking the alert rules and dashboard queries of ``deploy/``.

No PromQL parser is among this repository's dependencies, so the tests read the expressions
with this one: the grammar of Prometheus 2.x/3.x expressions (selectors, range vectors and
subqueries, ``offset``/``@``, functions, aggregations with ``by``/``without``, binary operators
with ``bool``, ``on``/``ignoring`` and ``group_left``/``group_right``), plus Grafana's
``$variables`` in strings and ranges. It refuses what Prometheus would refuse at that level —
unbalanced brackets, unknown functions, a matcher without a quoted value, a range vector where
an instant vector belongs (and the reverse), a regular expression that does not compile — and
tells which metrics and labels an expression reads and which labels its result carries. It does
not type-check everything Prometheus does (e.g. the argument counts of every function).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

AGGREGATIONS = frozenset(
    {
        "sum",
        "min",
        "max",
        "avg",
        "group",
        "stddev",
        "stdvar",
        "count",
        "count_values",
        "bottomk",
        "topk",
        "quantile",
        "limitk",
        "limit_ratio",
    }
)
_PARAMETRIC = frozenset({"count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio"})
# Aggregations whose result keeps each series' own labels.
_SELECTING = frozenset({"bottomk", "topk", "limitk", "limit_ratio"})

# Function -> the position of its range-vector argument (None: it takes none).
FUNCTIONS: dict[str, int | None] = {
    **dict.fromkeys(
        (
            "abs absent acos acosh asin asinh atan atanh ceil clamp clamp_max clamp_min cos cosh "
            "day_of_month day_of_week day_of_year days_in_month deg exp floor histogram_avg "
            "histogram_count histogram_fraction histogram_quantile histogram_stddev "
            "histogram_stdvar histogram_sum hour info label_join label_replace ln log10 log2 "
            "minute month pi rad round scalar sgn sin sinh sort sort_desc sort_by_label "
            "sort_by_label_desc sqrt tan tanh time timestamp vector year"
        ).split(),
        None,
    ),
    **dict.fromkeys(
        (
            "absent_over_time avg_over_time changes count_over_time delta deriv "
            "double_exponential_smoothing holt_winters idelta increase irate last_over_time "
            "mad_over_time max_over_time min_over_time predict_linear present_over_time rate "
            "resets stddev_over_time stdvar_over_time sum_over_time"
        ).split(),
        0,
    ),
    "quantile_over_time": 1,
}
# Functions whose result has no labels, or the labels of which argument.
_SCALAR_FUNCTIONS = frozenset({"pi", "scalar", "time", "vector"})

_PRECEDENCE = {
    "or": 1,
    "and": 2,
    "unless": 2,
    "==": 3,
    "!=": 3,
    "<=": 3,
    "<": 3,
    ">=": 3,
    ">": 3,
    "+": 4,
    "-": 4,
    "*": 5,
    "/": 5,
    "%": 5,
    "atan2": 5,
    "^": 6,
}
_COMPARISONS = frozenset({"==", "!=", "<=", "<", ">=", ">"})
_SET_OPERATORS = frozenset({"and", "or", "unless"})
_KEYWORDS = frozenset(
    {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset"}
    | _SET_OPERATORS
    | {"atan2"}
)
_LABEL = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
_DURATION = r"(?:[0-9]+(?:ms|[smhdwy]))+"
_VARIABLE = r"\$(?:\{[a-zA-Z_][a-zA-Z0-9_:.]*\}|[a-zA-Z_][a-zA-Z0-9_]*)"
_TOKEN = re.compile(
    r"""
    (?P<space>\s+|\#[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)
  | (?P<duration>"""
    + _DURATION
    + r"""(?![a-zA-Z0-9_]))
  | (?P<number>0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<variable>"""
    + _VARIABLE
    + r""")
  | (?P<ident>[a-zA-Z_][a-zA-Z0-9_:]*)
  | (?P<op>==|!=|=~|!~|<=|>=|[-+*/%^<>=(){}\[\],:@])
    """,
    re.VERBOSE,
)


class PromQLError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    at: int


def tokens(expr: str) -> list[Token]:
    out, at = [], 0
    while at < len(expr):
        m = _TOKEN.match(expr, at)
        if m is None:
            raise PromQLError(f"unexpected character {expr[at]!r} at {at}")
        kind = m.lastgroup
        assert kind is not None
        if kind != "space":
            out.append(Token(kind, m.group(), at))
        at = m.end()
    return out


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


# --- parser -------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, expr: str) -> None:
        self.expr = expr
        self.tokens = tokens(expr)
        self.pos = 0

    def peek(self, offset: int = 0) -> Token | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self, text: str | None = None, kind: str | None = None) -> Token:
        token = self.peek()
        if token is None:
            raise PromQLError(f"unexpected end of expression, expected {text or kind}")
        if (text is not None and token.text != text) or (kind is not None and token.kind != kind):
            raise PromQLError(f"expected {text or kind} at {token.at}, found {token.text!r}")
        self.pos += 1
        return token

    def at(self, *texts: str) -> bool:
        token = self.peek()
        return token is not None and token.kind in ("op", "ident") and token.text in texts

    def parse(self) -> Node:
        if not self.tokens:
            raise PromQLError("empty expression")
        node = self.expression(0)
        if self.peek() is not None:
            token = self.peek()
            assert token is not None
            raise PromQLError(f"unexpected {token.text!r} at {token.at}")
        return node

    def expression(self, min_precedence: int) -> Node:
        lhs = self.unary()
        while True:
            token = self.peek()
            if token is None or token.kind not in ("op", "ident"):
                return lhs
            precedence = _PRECEDENCE.get(token.text)
            if precedence is None or precedence < min_precedence:
                return lhs
            self.pos += 1
            op = token.text
            is_bool = False
            if self.at("bool"):
                if op not in _COMPARISONS:
                    raise PromQLError(f"bool after {op!r}: only comparisons take bool")
                self.pos += 1
                is_bool = True
            matching = group = None
            if self.at("on", "ignoring"):
                matching = (self.take().text, self.labels())
                if self.at("group_left", "group_right"):
                    kind = self.take().text
                    group = (kind, self.labels() if self.at("(") else ())
            # ^ is right-associative, every other operator left-associative.
            rhs = self.expression(precedence if op == "^" else precedence + 1)
            lhs = Binary(op, lhs, rhs, is_bool, matching, group)

    def unary(self) -> Node:
        if self.at("-", "+"):
            op = self.take().text
            return Unary(op, self.unary())
        return self.postfix(self.primary())

    def postfix(self, node: Node) -> Node:
        while True:
            if self.at("["):
                self.take("[")
                duration = self.duration()
                if self.at(":"):
                    self.take(":")
                    step = self.duration() if not self.at("]") else ""
                    self.take("]")
                    node = Subquery(node, f"{duration}:{step}")
                    continue
                self.take("]")
                if not isinstance(node, Selector) or node.range is not None:
                    raise PromQLError(f"a range [{duration}] only follows a vector selector")
                node.range = duration
            elif self.at("offset"):
                self.take("offset")
                if self.at("-"):
                    self.take("-")
                self.duration()
            elif self.at("@"):
                self.take("@")
                if self.at("start", "end"):
                    self.take()
                    self.take("(")
                    self.take(")")
                else:
                    self.take(kind="number")
            else:
                return node

    def duration(self) -> str:
        token = self.take()
        if token.kind not in ("duration", "variable"):
            raise PromQLError(f"expected a duration at {token.at}, found {token.text!r}")
        return token.text

    def labels(self) -> tuple[str, ...]:
        self.take("(")
        out = []
        while not self.at(")"):
            token = self.take(kind="ident")
            if not _LABEL.match(token.text):
                raise PromQLError(f"{token.text!r} is not a label name")
            out.append(token.text)
            if not self.at(")"):
                self.take(",")
        self.take(")")
        return tuple(out)

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Number(token.text)
        if token.kind == "string":
            return String(_unquote(token.text))
        if token.kind == "op" and token.text == "(":
            inner = self.expression(0)
            self.take(")")
            return Paren(inner)
        if token.kind == "op" and token.text == "{":
            self.pos -= 1
            return Selector(None, self.matchers())
        if token.kind != "ident":
            raise PromQLError(f"unexpected {token.text!r} at {token.at}")
        name = token.text
        if name.lower() in ("inf", "nan"):
            return Number(name)
        if name in AGGREGATIONS and (self.at("(", "by", "without")):
            return self.aggregation(name)
        if self.at("("):
            if name not in FUNCTIONS:
                raise PromQLError(f"unknown function {name!r}")
            self.take("(")
            args: list[Node] = []
            while not self.at(")"):
                args.append(self.expression(0))
                if not self.at(")"):
                    self.take(",")
            self.take(")")
            return Call(name, args)
        if name in _KEYWORDS:
            raise PromQLError(f"unexpected keyword {name!r} at {token.at}")
        return Selector(name, self.matchers() if self.at("{") else [])

    def aggregation(self, op: str) -> Aggregate:
        grouping = None
        if self.at("by", "without"):
            grouping = (self.take().text, self.labels())
        self.take("(")
        param = None
        if op in _PARAMETRIC:
            param = self.expression(0)
            self.take(",")
        inner = self.expression(0)
        self.take(")")
        if self.at("by", "without"):
            if grouping is not None:
                raise PromQLError(f"{op}: two grouping clauses")
            grouping = (self.take().text, self.labels())
        return Aggregate(op, inner, param, grouping)

    def matchers(self) -> list[Matcher]:
        self.take("{")
        out = []
        while not self.at("}"):
            label = self.take(kind="ident").text
            if not _LABEL.match(label):
                raise PromQLError(f"{label!r} is not a label name")
            op = self.take(kind="op").text
            if op not in ("=", "!=", "=~", "!~"):
                raise PromQLError(f"{op!r} is not a label matcher")
            value = _unquote(self.take(kind="string").text)
            if op in ("=~", "!~"):
                try:
                    re.compile(value)
                except re.error as e:
                    raise PromQLError(f"{label}{op}{value!r}: {e}") from e
            out.append(Matcher(label, op, value))
            if not self.at("}"):
                self.take(",")
        self.take("}")
        return out


def _unquote(text: str) -> str:
    if text[0] == "`":
        return text[1:-1]
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def parse(expr: str) -> Node:
    """The syntax tree of ``expr``; PromQLError when it is not PromQL or misuses a vector."""
    node = _Parser(expr).parse()
    _check_vectors(node, range_expected=False)
    for n in walk(node):
        if (
            isinstance(n, Selector)
            and n.metric is None
            and not any(m.op in ("=", "=~") and m.value not in ("", ".*") for m in n.matchers)
        ):
            raise PromQLError("a selector without a metric name needs a non-empty matcher")
    return node


def _check_vectors(node: Node, range_expected: bool) -> None:
    is_range = (isinstance(node, Selector) and node.range is not None) or isinstance(node, Subquery)
    if range_expected and not is_range:
        raise PromQLError("a range vector ([...]) is expected here")
    if not range_expected and is_range:
        raise PromQLError("a range vector is only allowed as the argument of a *_over_time/rate")
    if isinstance(node, Call):
        position = FUNCTIONS[node.function]
        if position is not None and len(node.args) <= position:
            raise PromQLError(f"{node.function}() needs a range vector argument")
        for i, arg in enumerate(node.args):
            _check_vectors(arg, range_expected=i == position)
        return
    if isinstance(node, Subquery):
        _check_vectors(node.expr, range_expected=False)
        return
    for child in node.children():
        _check_vectors(child, range_expected=False)


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
