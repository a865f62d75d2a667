"""Built-in grammar rules: what they report, their fixes, and what they leave alone."""

from __future__ import annotations

from followup_lint import Config, lint_text
from followup_lint.fixes import apply_fixes

SIGN = "\n\nBest,\nSam"


def grammar(text: str) -> list[tuple[str, str, str | None]]:
    report = lint_text(text, None, Config(select=("grammar",)))
    return [
        (f.rule, report.source[f.offset : f.end], f.fixes[0].replacement if f.fixes else None) for f in report.findings
    ]


def test_each_slip_is_reported_with_its_fix() -> None:
    text = (
        "Hi Dana,\n\nThank you for the the tour. i enjoyed it , and its been a pleasure. "
        "it was a insightful talk, more then I expected." + SIGN
    )
    found = grammar(text)
    assert ("grammar.doubled-word", "the the", "the") in found
    assert ("grammar.lowercase-i", "i", "I") in found
    assert ("grammar.space-before-punctuation", " ", "") in found
    assert ("grammar.confused-words", "its", "it's") in found
    assert ("grammar.sentence-case", "it", "It") in found
    assert ("grammar.a-an", "a", "an") in found
    assert ("grammar.confused-words", "then", "than") in found


def test_applying_the_fixes_gives_clean_text() -> None:
    text = "Hi Dana,\n\nThank you for the the tour. i enjoyed it , and its been a pleasure. it was a insightful talk."
    report = lint_text(text + SIGN, None, Config(select=("grammar",)))
    fixed = apply_fixes(report.source, [f.fixes[0] for f in report.findings])
    assert "Thank you for the tour. I enjoyed it, and it's been a pleasure. It was an insightful talk." in fixed
    assert grammar(fixed) == []


def test_good_polite_english_is_left_alone() -> None:
    text = (
        "Dear Ms. Chen,\n\nThank you for an insightful conversation about the role, e.g. the on-call rotation. "
        "It's clear that the team and its culture matter to you; I know that that project was hard. "
        "I have more than five years in logistics, and then two at a university hospital, an MBA and an "
        "hour-long commute. You're welcome to call me at 3 p.m. on Tuesday.\n\nSincerely,\nOmar"
    )
    assert grammar(text) == []


def test_blanked_text_is_never_flagged() -> None:
    text = "Hi Dana,\n\nMy work is at https://samdev.io/the the portfolio . Thanks!" + SIGN
    found = grammar(text)
    assert not any(rule == "grammar.doubled-word" for rule, _, _ in found)
