"""Every rule ID the code cites is in the rule catalogue (../shared/spec/rules.md) or in the
catalogue of the rules this code adds (docs/regels.md), and every rule listed there is cited:
a decision that names a rule can be traced to what the rule says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT.parent / "shared" / "spec" / "rules.md"
ADDED = ROOT / "docs" / "regels.md"
CODE_ROOTS = ("services", "shared", "iwmo", "exchange", "documents", "devtools")
# A rule ID: a prefix of capitals and a two-digit number (PGB-04), or the AVG article cited as
# a rule (AVG-5.1e). Awb articles are cited as AWB-<chapter>:<article> and need no list.
RULE_ID = re.compile(r"\b[A-Z]{2,6}-\d{2}\b|\bAVG-\d\.\d[a-z]\b")
AWB_ARTICLE = re.compile(r"\bAWB-(\d+):(\d+[a-z]?)\b")


def _cited() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in CODE_ROOTS:
        for path in (ROOT / root).rglob("*.py"):
            if ".venv" in path.parts:
                continue
            for rule in RULE_ID.findall(path.read_text(encoding="utf-8")):
                found.setdefault(rule, path)
    return found


def _listed(document: Path) -> set[str]:
    return set(RULE_ID.findall(document.read_text(encoding="utf-8")))


def test_every_added_rule_is_cited_by_the_code() -> None:
    cited = _cited()
    added = _listed(ADDED)
    assert added, "docs/regels.md lists no rule"
    assert sorted(added - cited.keys()) == []


@pytest.mark.skipif(not SPEC.exists(), reason="the rule catalogue lies outside this clone")
def test_every_cited_rule_is_in_a_catalogue() -> None:
    known = _listed(SPEC) | _listed(ADDED)
    unknown = {rule: str(path.relative_to(ROOT)) for rule, path in _cited().items()}
    assert {r: p for r, p in unknown.items() if r not in known} == {}


def test_added_rules_do_not_redefine_the_catalogue() -> None:
    if not SPEC.exists():
        pytest.skip("the rule catalogue lies outside this clone")
    assert sorted(_listed(ADDED) & _listed(SPEC)) == []


def test_awb_articles_are_cited_as_chapter_and_article() -> None:
    """``AWB-6:7`` is article 6:7 Awb; the Awb has eleven chapters."""
    for root in CODE_ROOTS:
        for path in (ROOT / root).rglob("*.py"):
            if ".venv" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for chapter, _ in AWB_ARTICLE.findall(text):
                assert 1 <= int(chapter) <= 11, f"{path.relative_to(ROOT)}: AWB-{chapter}:"
            for bad in re.findall(r"\bAWB-\d+(?![\d:])", text):
                pytest.fail(f"{path.relative_to(ROOT)}: {bad} names no article")
