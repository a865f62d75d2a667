"""Phrases and token patterns match across white space inside a paragraph (a hard-wrapped line, a double space),
never across a blank line, and report positions in the draft as written."""

from __future__ import annotations

import re

import pytest

from followup_lint import Config, lint_text
from followup_lint.engine import nlp
from followup_lint.engine.checks.matching import Matcher, parse_items
from followup_lint.engine.loader import load_rules
from followup_lint.engine.rule import Example, Rule
from followup_lint.engine.word_view import sentence_starts
from followup_lint.fixes import apply_fixes
from followup_lint.reporting.positions import LineIndex

from .test_patterns import Prose

#: The check types that match a rule's phrases and token patterns with the engine's matcher.
MATCHER_KINDS = {"existence", "substitution", "sentence-cues", "required"}
RULES = sorted((r for r in load_rules().values() if r.check in MATCHER_KINDS), key=lambda r: r.id)


def wrap(text: str, every: int = 3) -> str:
    """``text`` with every ``every``-th space of each long paragraph (eight words or more) turned into a line
    break, as a mail client wrapping at a narrow width would; greetings and sign-offs are left alone."""

    def wrap_paragraph(paragraph: str) -> str:
        if len(paragraph.split()) < 8 or "\n" in paragraph:
            return paragraph
        count = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return "\n" if count % every == 0 else " "

        return re.sub(" ", replace, paragraph)

    return "\n\n".join(wrap_paragraph(p) for p in text.split("\n\n"))


def double_space(text: str) -> str:
    """``text`` with two spaces after each full stop and between every second pair of words."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "  " if match.group(1) or count % 2 == 0 else " "

    return re.sub(r"([.!?])? (?=\S)", lambda m: (m.group(1) or "") + replace(m), text)


def _flagged(rule: Rule, text: str, example: Example) -> list[str]:
    report = lint_text(text, example.context, Config(select=(rule.id,)), path="example.txt")
    return [" ".join(report.source[f.offset : f.end].split()) for f in report.findings if f.rule == rule.id]


def _cases(kind: str) -> list:
    out = []
    for rule in RULES:
        for index, example in enumerate(rule.fire if kind == "fire" else rule.passes):
            if example.format == "text" and wrap(example.text) != example.text:
                out.append(pytest.param(rule, example, id=f"{rule.id}-{kind}-{index}"))
    return out


@pytest.mark.parametrize(("rule", "example"), _cases("fire"))
@pytest.mark.parametrize("reshape", [wrap, double_space], ids=["wrapped", "double-spaced"])
def test_examples_that_fire_fire_the_same_when_wrapped(rule: Rule, example: Example, reshape) -> None:
    assert _flagged(rule, reshape(example.text), example) == _flagged(rule, example.text, example)


@pytest.mark.parametrize(("rule", "example"), _cases("pass"))
@pytest.mark.parametrize("reshape", [wrap, double_space], ids=["wrapped", "double-spaced"])
def test_examples_that_pass_pass_when_wrapped(rule: Rule, example: Example, reshape) -> None:
    assert _flagged(rule, reshape(example.text), example) == []


def test_there_are_wrapped_examples() -> None:
    assert len(_cases("fire")) > 100 and len(_cases("pass")) > 100


def _tone(text: str) -> list[tuple[str, int, int, str]]:
    report = lint_text(text, None, Config(select=("tone",)))
    lines = LineIndex(report.source)
    return [(f.rule, *lines.position(f.offset), report.source[f.offset : f.end]) for f in report.findings]


def test_a_phrase_split_over_two_lines_is_reported_where_it_starts_and_covers_both() -> None:
    text = "Hi Dana,\n\nThank you for Tuesday. I am not sure what else to say, but I really need\nthis job.\n\nSam\n"
    assert [f for f in _tone(text) if f[0] == "tone.desperate"] == [
        ("tone.desperate", 3, 60, "I really need\nthis job")
    ]


def test_a_blank_line_ends_a_match() -> None:
    text = "Hi Dana,\n\nThank you for Tuesday. Whatever happens, I really need\n\nthis job.\n\nSam\n"
    assert not [f for f in _tone(text) if f[0] == "tone.desperate"]


def test_a_sentence_after_a_double_space_still_starts_a_sentence() -> None:
    text = "Hi Dana,\n\nThank you for Tuesday.  Tell me whether I got the job.\n\nSam\n"
    assert ("tone.demanding", 3, 25, "Tell me whether") in _tone(text)


def test_a_fix_across_a_line_break_replaces_both_lines_words() -> None:
    text = "Hi Dana,\n\nThank you for the interview on Tuesday. As previously\nstated, I can start in March.\n\nSam\n"
    report = lint_text(text, None, Config(select=("tone.passive-aggressive",)))
    fixed = apply_fixes(text, [fix for finding in report.findings for fix in finding.fixes if fix.safe])
    assert "Thank you for the interview on Tuesday. As I mentioned, I can start in March." in fixed


def test_sentence_starts_move_past_skipped_tokens() -> None:
    # tokens: "Thanks" "." "  " (a sentence start) "Tell" "me"; the white space (2) is skipped
    assert sentence_starts([True, False, True, False, False], [0, 1, 3, 4]) == [True, False, True, False]
    assert sentence_starts([True, False, False], [0, 1, 2]) == [True, False, False]


def test_rules_that_need_spacy_match_across_a_line_break_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "require_spacy", lambda: None)  # the real one lasts for the process
    items = parse_items("r.yaml", {"patterns": [[{"LOWER": "great"}, {"IS_STOP": True}, {"LOWER": "meet"}]]})
    matcher = Matcher("r.yaml", "patterns", items)
    assert matcher.needs_spacy is not None
    text = "It was great to\nmeet you.\n\nIt was great to\n\nmeet you."
    assert [(m.start, m.end) for m in matcher.find(Prose.of(text))] == [(7, 20)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Thank you for the interview at [Company\nName] on Tuesday.", ["[Company\nName]"]),
        ("I am excited about the chance to join XYZ\nCompany and its team.", ["XYZ\nCompany"]),
        ("I especially enjoyed hearing about <insert specific\nproject> last week.", ["<insert specific\nproject>"]),
        ("Thank you for the interview at [Company\n\nName] on Tuesday.", []),
    ],
)
def test_a_placeholder_wrapped_over_two_lines_is_found_whole(text: str, flagged: list[str]) -> None:
    report = lint_text(f"Hi Dana,\n\n{text}\n\nSam\n", None, Config(select=("placeholder",)))
    assert [report.source[f.offset : f.end] for f in report.findings] == flagged


def test_the_spacy_document_of_kept_tokens_keeps_entities_and_sentence_starts() -> None:
    from spacy.tokens import Span

    from followup_lint.engine.nlp import pipeline
    from followup_lint.engine.word_view import words_doc

    doc = pipeline()("I moved to New\nYork last year.  It was great\nto meet you.")
    doc.ents = [Span(doc, 3, 6, label="GPE")]  # "New \n York"
    words, kept = words_doc(doc)
    assert kept is not None and [doc[i].text for i in kept] == [t.text for t in words]
    assert [e.text for e in words.ents] == ["New York"]
    assert [(t.text, t.ent_iob_) for t in words[3:5]] == [("New", "B"), ("York", "I")]
    assert [t.text for t in words if t.is_sent_start] == ["I", "It"]
    doc.ents = [Span(doc, 4, 6, label="GPE")]  # an entity that starts on the skipped line break
    assert [(t.text, t.ent_iob_) for t in words_doc(doc)[0][3:5]] == [("New", "O"), ("York", "B")]


def test_a_wrapped_line_ending_in_a_comma_does_not_end_the_sentence() -> None:
    """A short line ending in a comma starts a new sentence only when it can be a greeting: a line that starts in
    lowercase is a wrapped line, so rules that read one sentence still see it whole."""
    text = "Hi Dana,\n\nWe just met\nan hour ago,\nso have you\nmade a decision\nyet?\n\nSam"
    report = lint_text(text, config=Config(select=("tone.impatient",)))
    assert [f.rule for f in report.findings] == ["tone.impatient"]
