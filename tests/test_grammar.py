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


def test_word_forms_tell_nouns_from_borrowed_verb_endings() -> None:
    """'caring' is 'care' + -ing, so 'cars' is a plural, not a verb's -s form; 'cast' stays a verb."""
    from followup_lint.grammar.forms import base_of, is_class, is_verb

    assert not is_verb("car") and is_class("cars", "plural") and not is_class("cars", "third")
    assert is_verb("cast") and is_verb("plan") and is_verb("visit")
    assert not is_class("that", "noun") and not is_class("for", "adjective")
    assert is_class("innovative", "adjective") and not is_class("executive", "adjective")
    assert base_of("choosed") == "choose" and base_of("teached") == "teach" and base_of("learned") == "learn"


def test_learner_slips_get_their_fixes() -> None:
    text = (
        "Hi Dana,\n\nI have teached this course, and last year I choosed data. For the these reasons I applied. "
        "In addition I have a cars. There is many reasons, and I spent lot of time on it." + SIGN
    )
    found = grammar(text)
    assert ("grammar.verb-form", "teached", "taught") in found
    assert ("grammar.verb-form", "choosed", "chose") in found
    assert ("grammar.double-determiner", "the these", None) in found
    assert ("grammar.comma-after-opener", "In addition", "In addition,") in found
    assert ("grammar.agreement", "is", "are") in found
    assert ("grammar.missing-article", "lot", "a lot") in found
    assert any(rule == "grammar.agreement" and span == "cars" for rule, span, _ in found)
