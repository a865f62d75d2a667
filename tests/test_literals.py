"""Searching a regex only near its literals (``engine/literals.py``) finds exactly what searching everywhere finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint.engine.literals import (
    AFTER,
    ASCII_ONLY,
    LINE_START,
    TEXT_START,
    finditer,
    first_strings,
    fold,
    longest_runs,
    match_at,
    needs_non_ascii,
    reach,
    reach_terms,
    required_literals,
    starts,
    width_in,
    windows,
)

ROOT = Path(__file__).resolve().parent.parent


def rule_regexes() -> list[tuple[str, int]]:
    """Every regex of the built-in rules (with its flags) and of the kind-cue file."""
    found: list[tuple[str, int]] = []
    cues = yaml.safe_load((ROOT / "rules" / "_data" / "kind-cues.yaml").read_text(encoding="utf-8"))
    found += [(c["regex"], re.IGNORECASE) for items in cues["kinds"].values() for c in items]

    def visit(node: object, flags: int) -> None:
        if isinstance(node, dict):
            if node.get("case") == "sensitive":
                flags = 0
            for key, value in node.items():
                if key in ("regexes", "unless") and isinstance(value, list):
                    for item in value:
                        regex = item.get("regex") if isinstance(item, dict) else item
                        if isinstance(regex, str):
                            case = item.get("case") if isinstance(item, dict) else None
                            found.append((regex, (0 if case == "sensitive" else flags) | re.MULTILINE))
                elif key != "examples":
                    visit(value, flags)
        elif isinstance(node, list):
            for value in node:
                visit(value, flags)

    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        if "_data" not in path.parts:
            visit(yaml.safe_load(path.read_text(encoding="utf-8")), re.IGNORECASE)
    return found


REGEXES = rule_regexes()
WORDS = sorted({w for rx, _ in REGEXES for w in re.findall(r"[A-Za-z']+", rx)})
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([" ", "  ", "\n", "\n\n", ". ", ", ", "\u2019", "\u0131", "\u212a", "?", "!", "1", "😊", ":)"]),
    st.sampled_from(["\t", " \t \n   ", " " * 12, "\u00a0", "x" * 25, "_", "\u00e9t\u00e9"]),
)


def near(regex: str, flags: int, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    compiled = re.compile(regex, flags)
    end = len(text) if end is None else end
    terms = reach_terms(regex, flags)  # as the rules search: \s+ and \w+ bounded by the text's longest runs
    width = None if terms is None else width_in(terms, longest_runs(text))
    found = finditer(compiled, required_literals(regex), width, text, fold(text), start, end, {}, {})
    return [m.span() for m in found]


def at_starts(regex: str, flags: int, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """As the rules search a regex with ``first_strings``: tried only where a match can start."""
    firsts = first_strings(regex, flags)
    assert firsts is not None
    folded = fold(text)
    assert len(folded) == len(text)  # (the rules search this way only then)
    if firsts[0] == ASCII_ONLY and not text.isascii():
        return everywhere(regex, flags, text, start, end)
    end = len(text) if end is None else end
    found = match_at(re.compile(regex, flags), starts(firsts, folded, {}), text, start, end)
    return [m.span() for m in found]


def everywhere(regex: str, flags: int, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in re.compile(regex, flags).finditer(text, start, len(text) if end is None else end)]


def test_the_rules_have_regexes_to_compare() -> None:
    assert len(REGEXES) > 150
    assert sum(reach(rx, flags) is not None for rx, flags in REGEXES) > 100
    bounded_by_text = [rx for rx, flags in REGEXES if reach(rx, flags) is None and reach_terms(rx, flags) is not None]
    assert len(bounded_by_text) > 20  # the property test below covers the ones with \s+ and \w+


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REGEXES), st.lists(PIECES, max_size=60), st.data())
def test_searching_near_the_literals_finds_the_same_matches(entry: tuple[str, int], pieces: list[str], data) -> None:
    regex, flags = entry
    text = "".join(pieces)
    assert near(regex, flags, text) == everywhere(regex, flags, text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert near(regex, flags, text, start, end) == everywhere(regex, flags, text, start, end)


STARTING = [(rx, flags) for rx, flags in REGEXES if first_strings(rx, flags) is not None]


def test_most_rule_regexes_are_tried_only_where_a_match_can_start() -> None:
    assert len(STARTING) > 0.9 * len(REGEXES)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(STARTING), st.lists(PIECES, max_size=60), st.data())
def test_trying_only_where_a_match_can_start_finds_the_same_matches(
    entry: tuple[str, int], pieces: list[str], data
) -> None:
    regex, flags = entry
    text = "".join(pieces)
    assert at_starts(regex, flags, text) == everywhere(regex, flags, text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert at_starts(regex, flags, text, start, end) == everywhere(regex, flags, text, start, end)


@pytest.mark.parametrize(
    ("regex", "flags", "firsts", "text"),
    [
        (r"\b(?:chance|opportunity)\s+to\b", re.I, ("chance", "opportunity"), "a CHANCE to; the opportunity to"),
        (r"(?<![\w-])(?:two|[2-9])\s+days", re.I, ("2", "3", "4", "5", "6", "7", "8", "9", "two"), "Two days, 3 days"),
        (r"\$?\{\w+\}", re.I, ("${", "{"), "${name} and {company}"),  # an optional first character
        (r"(?:\A|\n\n)[ \t]*(?:also|so),", re.I, ("\n\n", TEXT_START), "Also, x\n\n  so, y\nso, z"),
        (r"^[ \t]*hey\b", re.I | re.M, (LINE_START,), "hey\n  Hey you\nthey hey"),
        (r"^hey\b", re.I, (TEXT_START,), "hey\nhey"),  # without MULTILINE: the text's start only
        (r"\b\d+\s+weeks", re.I, (ASCII_ONLY, *"0123456789"), "2 weeks; \u0663 weeks"),  # \d matches other digits
        (r"\bthanks\b", re.I, ("thanks",), "THANKS; \u212aelvin; thank\u017f"),  # Kelvin sign, long s fold
        # A leading lookbehind names the places better than a class of letters after it.
        (
            r"(?:(?<=[.!?] )|\A)[A-Z][a-z]+ x",
            re.I,
            (TEXT_START, AFTER + ". ", AFTER + "! ", AFTER + "? "),
            "Big x. Red x! tiny x, old x",
        ),
        (r"(?<=\s)[a-z]x", re.I, (ASCII_ONLY, *(AFTER + c for c in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")), "ax bx cx"),
    ],
)
def test_where_a_match_can_start(regex: str, flags: int, firsts: tuple[str, ...], text: str) -> None:
    assert first_strings(regex, flags) == tuple(sorted(firsts))
    assert at_starts(regex, flags, text) == everywhere(regex, flags, text)
    assert everywhere(regex, flags, text)  # the case has matches to find


@pytest.mark.parametrize("regex", [r"\s+x", r"(?:a|\w)b", r"x?", r"[^a]b", r"(\b)", r".x"])
def test_no_first_strings_where_a_match_could_start_anywhere(regex: str) -> None:
    assert first_strings(regex, re.I) is None


def test_a_documents_literal_places_are_shared_by_its_searches() -> None:
    from followup_lint.engine.checks.matching import Regex
    from followup_lint.engine.document import Document
    from followup_lint.model import Context
    from followup_lint.reading import read_bytes

    doc = Document(read_bytes("d.txt", b"Hi Dana,\n\nThank you for the chance to meet.\n"), Context())
    assert [m.group() for m in Regex(r"\bchance\b", re.I).search(doc, 0, len(doc.prose))] == ["chance"]
    assert doc.literal_places  # kept for the next rule's search (an empty table was once replaced by a new one)


@pytest.mark.parametrize(
    ("regex", "text"),
    [
        (r"\bper my last\b", "as per my last e-mail, per my lastly, per my last"),  # \b just past a window's end
        (r"asap(?=\s{1,3}please)", "asap   please, asap please" + " " * 40 + "asap x"),  # a lookahead past the match
        (r"(?<=know )asap\b", "let me know asap; asapx; you know asap"),  # a lookbehind before the window
        (r"^thanks\b", "thanks\nthanks!\n thanks"),  # ^ with MULTILINE at a window's start
        (r"\bfollow(?:ing)?[ -]up\b.{0,30}\bagain\b", "following up " + "x " * 14 + "again; follow-up again"),
        (r"\binterest(?:ed)?\s+in\b", "interested" + " \n\t " * 30 + "in; interest in"),  # a long run of space
        (r"\bI\s+(?:\w+\s+){0,2}interested\b", "I " + "x" * 70 + "  very interested; I am interested"),
        (r"asap(?=\s+please)", "asap" + " " * 50 + "please"),  # an unbounded lookahead of space
    ],
)
def test_window_edges(regex: str, text: str) -> None:
    flags = re.IGNORECASE | re.MULTILINE
    assert near(regex, flags, text) == everywhere(regex, flags, text)
    assert everywhere(regex, flags, text)  # the case has matches to find


def test_windows_surround_every_occurrence_and_merge() -> None:
    text = fold("Thanks for the chat. " * 3 + "x" * 100 + "Thanks again")
    spans = windows(("thanks",), 20, text, {})
    assert spans == [(0, 62), (163 - 20 + 6, len(text))]


def test_reach_bounds_matches_and_gives_up_on_unbounded_ones() -> None:
    assert reach(r"\bper my last\b") == len("per my last") + 1
    assert reach(r"asap(?=\s+please)") is None  # the lookahead's \s+ is unbounded
    assert reach(r"(\w+) \1") is None
    assert reach(r"a.{0,30}b") == 33
    assert reach_terms(r"asap(?=\s+please)") == (11, 1, 0)  # 4 + 6 + the \b character; one run of space
    assert reach_terms(r"(?:\w+[ \t]+){0,2}x") == (2, 2, 2)
    assert reach_terms(r"[^.!?]*\?") is None  # not a run of space or of word characters
    assert reach_terms(r"[a-z.]+x") is None
    assert longest_runs("ab  cdef\n\n\n x") == (4, 4)
    assert width_in((11, 1, 0), (4, 4)) == 15


def test_a_regex_of_emoji_is_not_searched_in_ascii_text() -> None:
    emoji = yaml.safe_load((ROOT / "rules" / "formality" / "emoji.yaml").read_text(encoding="utf-8"))["regexes"]
    flags = [needs_non_ascii(item["regex"]) for item in emoji]
    assert flags == [True, True, True, False]  # the last one is ASCII emoticons
    assert not needs_non_ascii("\u212a")  # the Kelvin sign matches "k" when case is ignored
    assert not needs_non_ascii("caf\u00e9|cafe")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REGEXES), st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_a_regex_that_needs_non_ascii_never_matches_ascii(entry: tuple[str, int], text: str) -> None:
    regex, flags = entry
    if needs_non_ascii(regex, flags):
        assert re.search(regex, text, flags) is None


def _shape(node: object) -> object:
    """A parse tree as nested tuples, to compare two trees."""
    if hasattr(node, "data"):
        return ("sub", tuple(_shape(item) for item in node.data))  # type: ignore[attr-defined]
    if isinstance(node, (list, tuple)):
        return tuple(_shape(item) for item in node)
    return node


def test_one_parse_tree_serves_every_flag_but_verbose() -> None:
    from re import _parser  # type: ignore[attr-defined]

    from followup_lint.engine.literals import parse

    for regex, flags in REGEXES:
        assert _shape(parse(regex, flags)) == _shape(_parser.parse(regex, flags)), regex
    assert _shape(parse("a b", re.VERBOSE)) == _shape(_parser.parse("ab")) != _shape(parse("a b"))


def test_a_run_of_word_characters_is_bounded_only_where_case_cannot_leave_them() -> None:
    assert reach_terms(r"[a-z]+x") == (2, 0, 1)  # x, the character after it, and one run
    assert reach_terms("[\u03b9]+x") is None  # an iota, case ignored, also matches U+0345, a combining mark
