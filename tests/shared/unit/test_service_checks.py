"""Business checks live in domain/ (issue 10 point 3): a service module may refuse a request
itself only for plumbing — a reference that does not exist in the caller's gemeente, a cursor
it cannot read, a duplicate, a concurrent change, missing letter policy. Everything else (dates
in order, what a ground requires, one of both, what a state allows) is a domain function that
raises a ``Weigering`` with a stable code and the rule it enforces. Checked on the source of
every ``service/`` module of the four services: the problems of ``wmo_shared.problems`` and a
``Weigering`` built there carry a plumbing code, and a service passes a domain rule on but
never states one of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SERVICES = ("intake", "pgb", "indicatie", "finance")

# The HTTP problems a service builds itself (wmo_shared.problems).
PROBLEM_FACTORIES = {"invalid", "conflict"}
PROBLEM_CLASSES = {"BadRequest", "Conflict", "RuleViolation", "ProblemError"}
# A domain refusal built in a service is a check of the service's own: ``Weigering(code, ...)``
# is held to the same plumbing codes; a ``VoorwaardeNietVoldaan`` may pass a domain rule on (to
# name another field) but not state a new one (``VoorwaardeNietVoldaan(Regel(...))``).
WEIGERINGEN = {"Weigering", "IntakeFout"}
DOORGEGEVEN = {"VoorwaardeNietVoldaan"}
# Plumbing codes a service may answer with; a code starting with ``onbekende-`` names an
# unknown reference of one kind (``onbekende-client``, ``onbekende-melding``, ...).
PLUMBING = {
    "onbekend",
    "ongeldige-cursor",
    "client-bestaat-al",
    "gelijktijdig-gewijzigd",
    "briefbeleid-ontbreekt",
    # Uniqueness in the gemeente's register, like client-bestaat-al.
    "aanbieder-bestaat-al",
    "naam-bestaat",
    # No policy in force for the date asked: the policy registry's answer, not a rule.
    "geen-beleid-van-kracht",
    # A reference unknown for this provider (toewijzingnummer), like onbekende-*.
    "toewijzing-onbekend",
    # The caller's token names no team claim for team=mijn: authentication plumbing.
    "geen-team",
}


def _service_files() -> list[Path]:
    return sorted(
        f for s in SERVICES for f in (ROOT / "services" / s / f"wmo_{s}" / "service").glob("*.py")
    )


def _name(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def _code(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == "code":
            return kw.value
    if name == "invalid" and len(call.args) >= 3:
        return call.args[2]
    if name in WEIGERINGEN and call.args:
        return call.args[0]
    return None


def _plumbing(code: ast.expr | None, name: str) -> bool:
    if code is None:
        # invalid() without a code answers the generic "ongeldig": a check, not plumbing. A
        # problem class without one keeps its own (e.g. a 409 "conflict").
        return name in PROBLEM_CLASSES
    if not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
        return False
    return code.value in PLUMBING or code.value.startswith("onbekende-")


def offenders(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in DOORGEGEVEN:
            eerste = node.args[0] if node.args else None
            if isinstance(eerste, ast.Call) and _name(eerste) == "Regel":
                found.append(f"{node.lineno}: {name}(Regel(...)) stelt een eigen regel")
            continue
        if name not in PROBLEM_FACTORIES | PROBLEM_CLASSES | WEIGERINGEN:
            continue
        code = _code(node, name)
        if not _plumbing(code, name):
            shown = ast.unparse(code) if code is not None else "(geen code)"
            found.append(f"{node.lineno}: {name}(... {shown})")
    return found


@pytest.mark.parametrize("path", _service_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_services_raise_no_business_checks_of_their_own(path: Path) -> None:
    found = offenders(path.read_text())
    assert not found, (
        f"{path.relative_to(ROOT)} refuses requests itself; move the check into domain/ as a "
        f"Weigering with a stable code and its rule ID: {found}"
    )


def test_the_scan_sees_a_business_check() -> None:
    bad = 'raise invalid("tot", "te vroeg", "te-vroeg")\nraise invalid("x", "y")\n'
    assert len(offenders(bad)) == 2
    ok = (
        'raise invalid("clientId", "?", "onbekende-client")\n'
        'raise invalid("aanvraagId", "?", "onbekend")\n'
        'raise Conflict("...", code="gelijktijdig-gewijzigd")\n'
    )
    assert offenders(ok) == []
    assert offenders('raise Conflict("...", code=iets)\n') == ["1: Conflict(... iets)"]
