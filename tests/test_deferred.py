"""A deferring rule's finding gives way to another rule's finding of its category that overlaps it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lint.engine.linter import _without_deferred
from followup_lint.model import Finding, Severity

spans = st.tuples(st.sampled_from(["tone.model", "tone.demanding", "typo.spelling"]), st.integers(0, 60),
                  st.integers(0, 12))  # fmt: skip


def finding(rule: str, offset: int, length: int) -> Finding:
    return Finding(rule, rule.split(".")[0], Severity.parse("warning"), "m", offset, length)


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25))
def test_a_deferring_finding_is_dropped_exactly_where_another_of_its_category_overlaps(items: list) -> None:
    findings = [finding(*item) for item in items]
    kept = _without_deferred(findings, frozenset({"tone.model"}))
    others = [f for f in findings if f.rule != "tone.model"]
    expected = [
        f
        for f in findings
        if f.rule != "tone.model"
        or not any(g.category == f.category and g.offset < f.end and f.offset < g.end for g in others)
    ]
    assert kept == expected


def test_touching_spans_do_not_overlap() -> None:
    a, b = finding("tone.model", 10, 5), finding("tone.demanding", 15, 3)
    assert _without_deferred([a, b], frozenset({"tone.model"})) == [a, b]
    c = finding("tone.demanding", 0, 30)
    assert _without_deferred([a, c], frozenset({"tone.model"})) == [c]
