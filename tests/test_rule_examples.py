"""Every rule ships examples that must fire and examples that must not; each must behave (proselint-style)."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text
from followup_lint.engine.loader import load_rules
from followup_lint.engine.rule import Example, Rule
from followup_lint.fixes import apply_fixes

RULES = sorted(load_rules().values(), key=lambda r: r.id)
_PATHS = {"text": "example.txt", "markdown": "example.md", "email": "example.eml"}


def _cases(kind: str) -> list:
    out = []
    for rule in RULES:
        examples = rule.fire if kind == "fire" else rule.passes
        for index, example in enumerate(examples):
            out.append(pytest.param(rule, example, id=f"{rule.id}-{kind}-{index}"))
    return out


def _lint(rule: Rule, example: Example):
    return lint_text(
        example.text, example.context, Config(select=(rule.id,)), path=_PATHS.get(example.format, "example.txt")
    )


def test_there_are_rules() -> None:
    assert {"gratitude.missing", "length.words"} <= {r.id for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_both_kinds_of_example(rule: Rule) -> None:
    assert rule.fire, f"{rule.id} has no example that must fire"
    assert rule.passes, f"{rule.id} has no example that must not fire"
    assert rule.why.strip() and rule.message.strip()


@pytest.mark.parametrize(("rule", "example"), _cases("fire"))
def test_example_fires_and_its_fixes_resolve_it(rule: Rule, example: Example) -> None:
    """The rule fires (on ``flags`` when given); applying its first fix of each finding, when it offers fixes,
    removes the findings. (One test per example: a separate fix test skipped 173 examples that have no fix.)"""
    report = _lint(rule, example)
    mine = [f for f in report.findings if f.rule == rule.id]
    assert mine, f"{rule.id} did not fire on:\n{example.text}"
    if example.flags is not None:
        flagged = [report.source[f.offset : f.end] for f in mine]
        assert example.flags in flagged, f"{rule.id} flagged {flagged}, expected {example.flags!r}"
    for finding in mine:
        assert 0 <= finding.offset <= finding.end <= len(report.source)
        assert finding.message and "{" not in finding.message, finding.message
    fixes = [f.fixes[0] for f in mine if f.fixes]
    if fixes:
        fixed = apply_fixes(report.source, fixes)
        again = lint_text(fixed, example.context, Config(select=(rule.id,)), path=_PATHS.get(example.format, "x.txt"))
        left = [again.source[f.offset : f.end] for f in again.findings if f.rule == rule.id]
        assert not left, f"{rule.id} still fires after its fixes: {left}\n{fixed}"


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
def test_example_does_not_fire(rule: Rule, example: Example) -> None:
    report = _lint(rule, example)
    mine = [(report.source[f.offset : f.end], f.message) for f in report.findings if f.rule == rule.id]
    assert not mine, f"{rule.id} fired on a must-not-fire example: {mine}"
