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


def test_the_meter_makes_no_sentence_finding_give_way() -> None:
    """The politeness meter marks the sentence that weighs most against it (``covers: false``): the tone model's
    finding on that sentence, with its rewrite, stays; a phrase rule's finding still makes it give way."""
    model, meter = finding("tone.model", 10, 20), finding("tone.politeness", 10, 20)
    assert _without_deferred([model, meter], frozenset({"tone.model"}), frozenset({"tone.politeness"})) == [
        model,
        meter,
    ]
    phrase = finding("tone.demanding", 12, 5)
    kept = _without_deferred([model, meter, phrase], frozenset({"tone.model"}), frozenset({"tone.politeness"}))
    assert kept == [meter, phrase]


def test_the_tone_model_keeps_its_finding_beside_the_meter() -> None:
    from followup_lint import Config, lint_text

    text = "Hi Dana,\n\nThanks for the update. What a f***ing joke.\n\nSam"
    rules = {f.rule for f in lint_text(text, None, Config()).findings}
    assert "tone.model" in rules
