"""The pure-Python token matcher gives spaCy's results: per operator and predicate, and on every rule file.

Everything here runs on spaCy ``Doc`` objects (``nlp.pipeline()(text)``), so the comparison does not depend on
the engine's own tokenizer; spaCy's ``Matcher(validate=True)`` and ``PhraseMatcher(attr="NORM")`` are the
reference, used the way ``engine/checks/matching.py`` used them before.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint.engine import nlp
from followup_lint.engine.checks.matching import (
    Item,
    Match,
    Matcher,
    _longest_first,
    _relaxed,
    match_specs,
    parse_items,
)
from followup_lint.engine.errors import RuleError
from followup_lint.engine.literals import fold
from followup_lint.engine.loader import builtin_rules_dir, load_rule_file
from followup_lint.engine.nlp import pipeline
from followup_lint.engine.patterns import NeedsSpacy, PatternError, PatternSet, TokenView, compile_pattern
from followup_lint.engine.tokens import Doc
from followup_lint.engine.word_view import words_doc
from followup_lint.reading import draft_from_text, read_path

from .conftest import FIXTURES


def spacy_matches(patterns: list[list[dict[str, Any]]], text: str) -> list[tuple[int, int, int]]:
    from spacy.matcher import Matcher as SpacyMatcher

    nlp = pipeline()
    doc = nlp(text)
    matcher = SpacyMatcher(nlp.vocab, validate=True)
    for index, pattern in enumerate(patterns):
        matcher.add(str(index), [pattern])
    return [(int(nlp.vocab.strings[key]), start, end) for key, start, end in matcher(doc)]


def our_matches(patterns: list[list[dict[str, Any]]], text: str) -> list[tuple[int, int, int]]:
    doc = pipeline()(text)
    compiled = PatternSet([(index, compile_pattern(pattern)) for index, pattern in enumerate(patterns)])
    return compiled.matches(TokenView(doc))


# One case per operator and predicate: each must give exactly spaCy's (pattern, start, end) matches, in its order.
CASES: list[tuple[str, list[list[dict[str, Any]]], str]] = [
    ("literal NORM", [[{"NORM": "i"}, {"NORM": "am"}]], "I'm sure I am. i AM"),
    ("TEXT and ORTH are case-sensitive", [[{"TEXT": "Hello"}], [{"ORTH": "hello"}]], "Hello hello HELLO"),
    ("LOWER", [[{"LOWER": "hello"}, {"LOWER": {"IN": ["there", "you"]}}]], "HELLO there, Hello You hello me"),
    ("IN and NOT_IN", [[{"NORM": {"IN": ["a", "an"]}}, {"NORM": {"NOT_IN": ["apple"]}}]], "an apple a pear an owl"),
    ("lowercase keys", [[{"norm": "why"}, {"lower": {"in": ["not", "now"]}, "op": "?"}]], "Why not? why now why"),
    ("REGEX", [[{"LOWER": {"REGEX": r"^wait(ed|ing)?$"}}, {"IS_PUNCT": True, "OP": "*"}]], "Waiting... waited! wait"),
    ("REGEX IN", [[{"NORM": {"REGEX": {"IN": ["^th", "ly$"]}}}]], "the quickly other thing"),
    ("REGEX NOT_IN", [[{"NORM": {"REGEX": {"NOT_IN": ["^th", "ly$"]}}}]], "the quickly other thing"),
    (
        "IS_SUBSET, INTERSECTS, IS_SUPERSET",
        [
            [{"LOWER": {"IS_SUBSET": ["a", "b"]}}],
            [{"NORM": {"INTERSECTS": ["b"]}}],
            [{"NORM": {"IS_SUPERSET": ["c"]}}],
            [{"NORM": {"IS_SUPERSET": []}}],
        ],
        "a b c d",
    ),
    ("LENGTH", [[{"LENGTH": 3}], [{"LENGTH": {">=": 5}}], [{"LENGTH": {"IN": [1, 2]}}]], "a bb ccc dddd eeeee"),
    (
        "LENGTH comparisons",
        [[{"LENGTH": {"<": 3, "!=": 1}}, {"LENGTH": {"==": 4}}], [{"LENGTH": {">": 4.5}}]],
        "ab cdef g hijk lmnopq",
    ),
    (
        "flags",
        [
            [{"IS_ALPHA": True}, {"IS_DIGIT": True}],
            [{"LIKE_NUM": True, "IS_DIGIT": False}],
            [{"IS_UPPER": True}],
            [{"IS_TITLE": True}],
            [{"IS_LOWER": True, "IS_ASCII": False}],
        ],
        "Room 42 has ten SEATS and café Tables, five.",
    ),
    ("LIKE_URL, LIKE_EMAIL", [[{"LIKE_URL": True}], [{"LIKE_EMAIL": True}]], "see www.example.com or me@example.com"),
    ("IS_SPACE", [[{"IS_SPACE": True}], [{"IS_SPACE": False, "IS_PUNCT": False, "OP": "+"}]], "a  b\n\nc,  d"),
    ("? optional", [[{"NORM": "a"}, {"NORM": "b", "OP": "?"}, {"NORM": "c", "OP": "?"}]], "a b c a c a b a"),
    ("* runs", [[{"NORM": "x"}, {"NORM": "y", "OP": "*"}, {"NORM": "z"}]], "x z x y z x y y y z y"),
    ("* at the end", [[{"NORM": "x"}, {"NORM": "y", "OP": "*"}]], "x y y x y"),
    ("* alone", [[{"NORM": "y", "OP": "*"}]], "y y x y"),
    ("+", [[{"NORM": "ha", "OP": "+"}, {"IS_PUNCT": True}]], "ha ha ha! ha."),
    (
        "! consumes one non-matching token",
        [[{"NORM": "not"}, {"NORM": "very", "OP": "!"}, {"NORM": "good"}]],
        "not very good not so good not good",
    ),
    ("! at the end", [[{"NORM": "thanks"}, {"IS_PUNCT": True, "OP": "!"}]], "thanks! thanks a lot thanks"),
    (
        "{0,3}",
        [[{"NORM": "i"}, {"IS_PUNCT": False, "OP": "{0,3}"}, {"NORM": "waiting"}]],
        "I waiting. I have been so waiting. I have been so very much waiting, I, waiting",
    ),
    (
        "{n}, {n,}, {,m}",
        [[{"NORM": "a", "OP": "{2}"}], [{"NORM": "b", "OP": "{2,}"}], [{"NORM": "c", "OP": "{,2}"}]],
        "a a a b b b c c c",
    ),
    ("{0} drops the token", [[{"NORM": "a"}, {"NORM": "b", "OP": "{0}"}, {"NORM": "c"}]], "a c a b c"),
    (
        "optional first tokens",
        [[{"NORM": "so", "OP": "?"}, {"NORM": "why", "OP": "?"}, {"NORM": "not"}]],
        "so why not? why not. not so not",
    ),
    ("empty mapping matches any token", [[{"NORM": "the"}, {}, {"NORM": "end"}], [{}, {"OP": "?"}]], "the very end."),
    (
        "IS_SENT_START after a sentence break",
        [[{"IS_SENT_START": True, "NORM": "still"}, {"NORM": "nothing"}], [{"SENT_START": False, "NORM": "still"}]],
        "Still nothing. I still nothing.\n\nStill nothing? still nothing",
    ),
    (
        "a pattern at the doc end",
        [[{"NORM": "best"}, {"IS_PUNCT": True, "OP": "?"}, {"IS_SPACE": True, "OP": "*"}]],
        "All the best,\n",
    ),
    ("a pattern ending in ? at the doc end", [[{"NORM": "regards"}, {"IS_PUNCT": True, "OP": "?"}]], "Kind regards"),
    (
        "several ? in a row",
        [
            [
                {"NORM": {"IN": ["why", "how"]}},
                {"NORM": "is", "OP": "?"},
                {"NORM": "it", "OP": "?"},
                {"NORM": "so", "OP": "?"},
                {"NORM": "long", "OP": "?"},
            ]
        ],
        "Why is it so long? How long? why it long",
    ),
    ("empty doc", [[{"NORM": "a"}]], ""),
    (
        "one-token patterns",
        [[{"NORM": "a", "OP": "!"}], [{"NORM": "b", "OP": "?"}], [{"LOWER": {"IN": ["a", "b"]}}], [{"NORM": "b"}]],
        "a b A B c",
    ),
]


@pytest.mark.parametrize(("name", "patterns", "text"), CASES, ids=[case[0] for case in CASES])
def test_operator_and_predicate_match_spacy(name: str, patterns: list[list[dict[str, Any]]], text: str) -> None:
    assert our_matches(patterns, text) == spacy_matches(patterns, text)


WORDS = ["a", "b", "c", ",", "."]
OPS = [None, None, "?", "*", "+", "!", "{0,2}", "{1,2}", "{2}", "{,2}", "{1,}"]


@st.composite
def token_specs(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = draw(
        st.one_of(
            st.builds(lambda w: {"NORM": w}, st.sampled_from(WORDS)),
            st.builds(lambda ws: {"LOWER": {"IN": ws}}, st.lists(st.sampled_from(WORDS), max_size=3)),
            st.builds(lambda ws: {"NORM": {"NOT_IN": ws}}, st.lists(st.sampled_from(WORDS), max_size=2)),
            st.builds(lambda b: {"IS_PUNCT": b}, st.booleans()),
            st.just({}),
        )
    )
    op = draw(st.sampled_from(OPS))
    return {**spec, "OP": op} if op else spec


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(token_specs(), min_size=1, max_size=4), min_size=1, max_size=3),
    st.lists(st.sampled_from([*WORDS, "A", "\n"]), max_size=12),
)
def test_random_patterns_match_like_spacy_in_its_order(patterns: list[list[dict[str, Any]]], words: list[str]) -> None:
    text = " ".join(words)
    assert our_matches(patterns, text) == spacy_matches(patterns, text)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ([{"LOWER": "swag", "BOGUS": 1}], "unknown key 'BOGUS'"),
        ([{"Norm": "x"}], "unknown key 'Norm'"),
        ([{"TEXT": {"REGEX": 1}}], "REGEX must be a string"),
        ([{"NORM": {"REGEX": "(unclosed"}}], "invalid regular expression"),
        ([{"NORM": False}], "must be a string or a mapping"),
        ([{"NORM": {"IN": ["yes", False]}}], "needs a list of strings"),
        ([{"NORM": {"IN": "abc"}}], "needs a list of strings"),
        ([{"NORM": {"CONTAINS": ["a"]}}], "unknown predicate 'CONTAINS'"),
        ([{"NORM": {">=": "a"}}], "unknown predicate '>='"),
        ([{"IS_PUNCT": "yes"}], "must be true or false"),
        ([{"LENGTH": "3"}], "must be a whole number"),
        ([{"LENGTH": 3.0}], "must be a whole number"),
        ([{"LENGTH": {"IN": [1, "2"]}}], "needs a list of whole numbers"),
        ([{"NORM": "a", "OP": "??"}], "OP '??'"),
        ([{"NORM": "a", "OP": "1"}], "OP '1'"),
        ([{"NORM": "a", "OP": "{3,1}"}], "minimum is larger"),
        ([{"NORM": "a", "OP": "{,}"}], "OP '{,}'"),
        ([{"NORM": None}], "null"),
        (["word"], "must be a mapping"),
        ([], "non-empty list"),
        ([{"NORM": "a", "OP": "{0}"}], "matches nothing"),
        ([{"NORM": "a", "OP": "{99999999}"}], "counts above 100"),
        ([{"NORM": {"REGEX": {"REGEX": {"REGEX": {"REGEX": {"REGEX": {"REGEX": {"REGEX": "a"}}}}}}}}], "nests"),
    ],
)
def test_patterns_spacy_refuses_are_refused(pattern: list[Any], reason: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(pattern)
    message = str(caught.value)
    assert reason in message and "\n" not in message
    if all(isinstance(token, dict) for token in pattern) and not re.search(r"\{0\}|\{9|nests", str(pattern) + reason):
        with pytest.raises((ValueError, TypeError, KeyError, re.error)):
            spacy_matches([pattern], "a")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('patterns: [[{NORM: swag, OP: "++"}]]', "OP '++'"),
        ("patterns: [[{NORM: {CONTAINS: [swag]}}]]", "unknown predicate 'CONTAINS'"),
        ("patterns: [[{NORM: {IN: [swag, no]}}]]", "needs a list of strings"),
        ("patterns: [[{NORM: {REGEX: '[unclosed'}}]]", "invalid regular expression"),
        ("patterns: [[{IS_PUNCT: 1}]]", "must be true or false"),
        ("unless: {patterns: [[{SHOUT: x}]]}\nphrases: [swag]", "unknown key 'SHOUT'"),
    ],
)
def test_broken_pattern_in_a_rule_file_exits_2_with_one_line(run_cli, tmp_path: Path, body: str, problem: str) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    path = rules / "bad.yaml"
    path.write_text(
        "id: custom.bad\ncategory: tone\nseverity: warning\ncheck: existence\nmessage: m\nwhy: w\n"
        f"{body}\nexamples: {{fire: [x], pass: [y]}}\n"
    )
    draft = tmp_path / "d.txt"
    draft.write_text("Thanks for the swag.\n")
    status, _out, err = run_cli(str(draft), "--rules", str(rules))
    assert status == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert f"{path}: " in err and "invalid token pattern" in err and problem in err, err


def test_invalid_pattern_is_a_rule_error_naming_the_item() -> None:
    items = parse_items("r.yaml", {"patterns": [[{"NORM": "ok"}], [{"NORM": {"IN": ["a", None]}}]]})
    with pytest.raises(RuleError) as caught:
        Matcher("r.yaml", "phrases", items)
    assert str(caught.value).startswith("r.yaml: patterns[1]: invalid token pattern: token 0: NORM IN needs")


@pytest.mark.parametrize(
    "token", [{"POS": "VERB"}, {"LEMMA": "be"}, {"_": {"flag": True}}, {"NORM": {"FUZZY": "thanks"}}, {"IS_STOP": True}]
)
def test_attributes_only_spacy_has_fall_back_to_spacy(token: dict[str, Any]) -> None:
    with pytest.raises(NeedsSpacy):
        compile_pattern([{"NORM": "a"}, token])
    items = parse_items("r.yaml", {"phrases": ["thank you"], "patterns": [[{"NORM": "a"}, token]]})
    matcher = Matcher("r.yaml", "phrases", items)
    assert matcher.needs_spacy is not None


def test_fallback_rule_asks_for_spacy_and_finds_what_spacy_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(nlp, "require_spacy", lambda: asked.append(True))  # the real one lasts for the process
    items = parse_items("r.yaml", {"phrases": ["thank you"], "patterns": [[{"LOWER": "great"}, {"IS_STOP": True}]]})
    matcher = Matcher("r.yaml", "phrases", items)
    text = "Thank you! It was great to meet you, great for me."
    found = [(m.start, m.end, m.item.where) for m in matcher.find(Prose.of(text))]
    assert found == [(0, 9, "phrases[0]"), (18, 26, "patterns[0]"), (37, 46, "patterns[0]")]
    assert asked == [True]


def test_a_broken_fallback_pattern_is_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "require_spacy", lambda: None)
    items = parse_items("r.yaml", {"patterns": [[{"POS": "VERB"}], [{"LEMMA": {"IN": "be"}}]]})
    matcher = Matcher("r.yaml", "phrases", items)
    with pytest.raises(RuleError) as caught:
        matcher.prepare()
    message = str(caught.value)
    assert message.startswith("r.yaml: patterns[1]: invalid token pattern") and "\n" not in message


@pytest.mark.skipif(nlp.using_spacy(), reason="the light pipeline is not in use here")
def test_default_path_imports_no_spacy() -> None:
    code = (
        "import sys\n"
        "from followup_lint.engine.checks.matching import Matcher, parse_items\n"
        "from followup_lint.engine.nlp import parse\n"
        "class D: pass\n"
        "d = D(); d.prose = \"I'm sorry. Why haven't I heard back?\"; d.doc = parse(d.prose)\n"
        "spec = {'phrases': ['i am sorry'], 'patterns': [[{'NORM': 'why'}, {'NORM': 'have'}, {'NORM': 'not'}]]}\n"
        "m = Matcher('r.yaml', 'phrases', parse_items('r.yaml', spec)); m.prepare()\n"
        "print([(x.start, x.end) for x in m.find(d)], any(n.split('.')[0] == 'spacy' for n in sys.modules))\n"
    )
    env = {**os.environ, "FOLLOWUP_LINT_MODEL": "none"}
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)  # fills the cache
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[(0, 9), (11, 22)] False", (result.stdout, result.stderr)


def test_default_path_does_not_need_spacy_matchers() -> None:
    items = parse_items("r.yaml", {"phrases": ["i am sorry"], "patterns": [[{"NORM": "why"}, {"NORM": "not"}]]})
    matcher = Matcher("r.yaml", "phrases", items)
    matcher.prepare()
    assert matcher.needs_spacy is None and matcher._spacy is None
    found = [(m.start, m.end) for m in matcher.find(Prose.of("I'm sorry. Why not?"))]
    assert found == [(0, 9), (11, 18)]


# Every rule file, against the spaCy matchers used the way matching.py used them before.


@dataclass
class Prose:
    """What ``Matcher.find`` reads from a ``Document``: the prose and its tokens."""

    prose: str
    doc: Any

    @property
    def folded(self) -> str:
        return fold(self.prose)

    @classmethod
    def of(cls, text: str) -> Prose:
        return cls(text, pipeline()(text))


class SpacyReference:
    """The previous ``Matcher``: spaCy's ``PhraseMatcher(attr="NORM")`` and ``Matcher(validate=True)``."""

    def __init__(self, items: list[Item]) -> None:
        from spacy.matcher import Matcher as SpacyMatcher
        from spacy.matcher import PhraseMatcher

        nlp = pipeline()
        self.items = items
        self.phrase = PhraseMatcher(nlp.vocab, attr="NORM")
        self.tokens = SpacyMatcher(nlp.vocab, validate=True)
        for index, item in enumerate(items):
            if item.phrase is not None:
                self.phrase.add(str(index), [nlp.make_doc(item.phrase.lower())])
            elif item.pattern is not None:
                self.tokens.add(str(index), [list(item.pattern)])

    def run(self, doc: Any) -> list[list[tuple[int, int, int]]]:
        """spaCy's phrase matches and token-pattern matches, as (item, start, end) in spaCy's order."""
        return [
            [(int(doc.vocab.strings[key]), start, end) for key, start, end in matcher(doc)] if len(matcher) else []
            for matcher in (self.phrase, self.tokens)
        ]

    def find(self, prose: Prose, start: int, end: int, runs: list[list[tuple[int, int, int]]]) -> list[Match]:
        """The previous ``Matcher.find``, given ``run``'s matches (token positions in ``prose.doc``)."""
        found = [
            Match(m.start(), m.end(), item)
            for item in self.items
            if item.regex is not None
            for m in item.regex.finditer(prose.prose, start, end)
        ]
        for index, first, last in (match for matches in runs for match in matches):
            span = prose.doc[first:last]
            if span.start_char >= start and span.end_char <= end:
                found.append(Match(span.start_char, span.end_char, self.items[index]))
        return _longest_first(found)


@dataclass
class RuleMatchers:
    name: str
    ours: Matcher
    reference: SpacyReference


class AllRulesReference:
    """Every rule's ``SpacyReference`` run as one spaCy ``PhraseMatcher`` and one ``Matcher``: one pass over a
    doc instead of one a rule, with each match keyed by (rule, item). A rule's matches keep spaCy's order, since
    ``assert_same`` compares them, order included, with ours."""

    def __init__(self, rules: list[RuleMatchers]) -> None:
        from spacy.matcher import Matcher as SpacyMatcher
        from spacy.matcher import PhraseMatcher

        nlp = pipeline()
        self.count = len(rules)
        self.phrase = PhraseMatcher(nlp.vocab, attr="NORM")
        self.tokens = SpacyMatcher(nlp.vocab, validate=True)
        for number, rule in enumerate(rules):
            for index, item in enumerate(rule.reference.items):
                if item.phrase is not None:
                    self.phrase.add(f"{number}:{index}", [nlp.make_doc(item.phrase.lower())])
                elif item.pattern is not None:
                    self.tokens.add(f"{number}:{index}", [list(item.pattern)])

    def run(self, doc: Any) -> list[list[list[tuple[int, int, int]]]]:
        """Each rule's ``SpacyReference.run`` on ``doc``, in rule order."""
        runs: list[list[list[tuple[int, int, int]]]] = [[[], []] for _ in range(self.count)]
        for kind, matcher in enumerate((self.phrase, self.tokens)):
            for key, start, end in matcher(doc) if len(matcher) else []:
                number, index = map(int, doc.vocab.strings[key].split(":"))
                runs[number][kind].append((index, start, end))
        return runs


@cache
def all_rules_reference() -> AllRulesReference:
    return AllRulesReference(rule_matchers())


@cache
def rule_matchers() -> list[RuleMatchers]:
    found = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if any(part.startswith(("_", ".")) for part in path.relative_to(builtin_rules_dir()).parts):
            continue
        rule = load_rule_file(path)
        for prefix, spec in match_specs(rule.spec):
            items = parse_items(rule.path, spec, prefix)
            matcher = Matcher(rule.path, prefix or "phrases", items)
            matcher.prepare()
            found.append(RuleMatchers(f"{rule.id} {prefix}", matcher, SpacyReference(items)))
    return found


def assert_same(text: str, bounds: tuple[int, int] | None = None) -> int:
    """Our matches equal spaCy's on ``text`` for every rule: all of them, on the draft's tokens and on the tokens
    rules match (``words_doc``: soft white space skipped), and those ``Matcher.find`` selects, which are spaCy's
    matches on the kept tokens mapped back to the draft. How many there were."""
    prose = Prose.of(text)
    words, kept = words_doc(prose.doc)
    start, end = bounds or (0, len(text))
    count = 0
    docs = (prose.doc, words) if kept is not None else (prose.doc,)
    references = [all_rules_reference().run(doc) for doc in docs]
    for number, rule in enumerate(rule_matchers()):
        for doc, reference in zip(docs, references, strict=True):
            phrases, tokens = reference[number]
            view = TokenView(doc)
            ours = set()
            for matcher in (rule.ours._phrase_set, rule.ours._pattern_set):
                if matcher:
                    ours |= set(matcher.matches(view))
            assert ours == {*phrases, *tokens}, (rule.name, text)
            if rule.ours._pattern_set:  # token patterns: spaCy's very order, which decides ties
                assert rule.ours._pattern_set.matches(view) == tokens, (rule.name, text)
        if kept is not None:
            phrases, tokens = ([(i, kept[a], kept[b - 1] + 1) for i, a, b in run] for run in (phrases, tokens))
        selected = [(m.start, m.end, m.item.where) for m in rule.ours.find(prose, start, end)]
        expected = [(m.start, m.end, m.item.where) for m in rule.reference.find(prose, start, end, [phrases, tokens])]
        assert selected == expected, (rule.name, text)
        count += len(ours)
    return count


def test_every_rule_file_with_phrases_or_patterns_is_compared() -> None:
    names = {rule.name.split()[0] for rule in rule_matchers()}
    assert {"tone.impatient", "tone.demanding", "tone.desperate", "tone.passive-aggressive"} <= names
    assert any("cues" in rule.name for rule in rule_matchers())  # constructions' cues too
    assert all(rule.ours.needs_spacy is None for rule in rule_matchers())


def fixture_proses() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md", ".eml") and path.name != "README.md":
            texts.append(read_path(path).prose)
    return texts


def example_texts() -> list[str]:
    texts = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if not path.name.startswith("_") and "_data" not in path.parts:
            rule = load_rule_file(path)
            for example in (*rule.fire, *rule.passes):
                texts.append(draft_from_text(example.text, fmt=example.format).prose)
    return texts


def test_fixture_drafts_match_like_spacy() -> None:
    texts = fixture_proses()
    assert len(texts) > 40
    assert sum(assert_same(text) for text in texts) > 50


def test_rule_examples_match_like_spacy() -> None:
    texts = example_texts()
    assert sum(assert_same(text) for text in texts) > 100
    for text in texts[::7]:
        assert_same(text, (len(text) // 3, len(text)))


# Generated texts: instances of the rules' own patterns and phrases (so that matches happen), cut, padded and
# mutated with fillers, punctuation, newlines and contractions (so that near misses happen too).

FILLERS = ["the", "really", "and", "so", "you", "it", "we", "team", "role", "week", "thanks", "not", "never", "me"]
NEUTRAL = ["really", "team", "role", "week", "project", "Monday", "data"]
PUNCT = [",", ".", "?", "!", ";", "-", "—", "...", "??", "?!", ":"]
CONTRACTIONS = {"i am": "I'm", "do not": "don't", "have not": "haven't", "i have": "I've", "it is": "it's"}
SPLIT_CONTRACTIONS = ["I'm", "I’m", "haven't", "didn’t", "it's", "I've", "I’d", "won't", "can't", "isn't", "hasn't"]


@cache
def rule_vocabulary() -> tuple[list[list[dict[str, Any]]], list[str], list[str]]:
    """The rules' token patterns, phrases and every word they name."""
    patterns: list[list[dict[str, Any]]] = []
    phrases: list[str] = []
    words: set[str] = set()
    for rule in rule_matchers():
        for item in rule.ours.items:
            if item.pattern is not None:
                patterns.append(list(item.pattern))
                words.update(_literals(item.pattern))
            elif item.phrase is not None:
                phrases.append(item.phrase)
                words.update(item.phrase.split())
    return patterns, phrases, sorted(words)


def _literals(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [word for key, inner in value.items() if key != "OP" for word in _literals(inner)]
    if isinstance(value, (list, tuple)):
        return [word for inner in value for word in _literals(inner)]
    return []


def _choose(values: Any, rng: random.Random) -> str | None:
    if isinstance(values, str):
        return values
    if isinstance(values, dict) and isinstance(values.get("IN"), list) and values["IN"]:
        return rng.choice(values["IN"])
    return None


def pattern_instance(pattern: list[dict[str, Any]], rng: random.Random) -> list[str]:
    words: list[str] = []
    for token in pattern:
        op = token.get("OP", "")
        low, high = {"?": (0, 1), "*": (0, 2), "+": (1, 2), "!": (1, 1)}.get(op, (1, 1))
        if op.startswith("{"):
            bounds = re.findall(r"\d+", op)
            low, high = int(bounds[0]), int(bounds[-1])
        for _ in range(rng.randint(low, high)):
            word = next((w for key in ("NORM", "LOWER", "ORTH") if (w := _choose(token.get(key), rng))), None)
            if token.get("IS_PUNCT") is True:
                word = rng.choice(PUNCT)
            if word is None or op == "!" or rng.random() < 0.02:
                word = rng.choice(NEUTRAL)
            if "ORTH" not in token:
                word = rng.choice([word, word, word.capitalize(), word.upper()])
            if token.get("IS_SENT_START") is True:
                words.append(rng.choice([".", "\n\n", "?"]))
                word = word.capitalize()
            words.append(word)
    return words


def phrase_instance(phrase: str, rng: random.Random) -> list[str]:
    text = phrase
    for long, short in CONTRACTIONS.items():
        if long in text.lower() and rng.random() < 0.5:
            text = re.sub(re.escape(long), short, text, flags=re.IGNORECASE)
    text = rng.choice([text, text.capitalize(), text.upper(), text.lower()])
    return text.split(" ")


def join(words: list[str], rng: random.Random) -> str:
    text = ""
    for word in words:
        attach = word[:1] in ("'", "’") or word == "n't" or (word in PUNCT and rng.random() < 0.8)
        text += word if attach or not text or text.endswith("\n") else rng.choice([" "] * 30 + ["\n", "  "]) + word
    return text


@st.composite
def generated_texts(draw: st.DrawFn) -> str:
    patterns, phrases, vocabulary = rule_vocabulary()
    rng = draw(st.randoms(use_true_random=False))
    words: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        words += [rng.choice(vocabulary + FILLERS + SPLIT_CONTRACTIONS) for _ in range(rng.randint(0, 4))]
        if rng.random() < 0.6:
            words += pattern_instance(rng.choice(patterns), rng)
        else:
            words += phrase_instance(rng.choice(phrases), rng)
        if rng.random() < 0.5:
            words.append(rng.choice([*PUNCT, "\n\n"]))
    for _ in range(draw(st.integers(0, 2))):  # near misses: drop, duplicate or replace a word
        if words:
            at = rng.randrange(len(words))
            words[at : at + 1] = rng.choice([[], [words[at], words[at]], [rng.choice(FILLERS + PUNCT)]])
    return join(words, rng)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_texts())
def test_generated_texts_match_like_spacy(text: str) -> None:
    assert_same(text)


def test_generated_texts_do_produce_matches() -> None:
    rng = random.Random(7)
    patterns, phrases, _ = rule_vocabulary()
    texts = [join(pattern_instance(pattern, rng), rng) for pattern in patterns]
    texts += [join(phrase_instance(phrase, rng), rng) for phrase in phrases]
    matched = sum(1 for text in texts if assert_same(text))
    assert matched > 0.7 * len(texts)


def test_documents_are_read_once_per_view() -> None:
    doc = pipeline()("Why haven't I heard back? Why not.")
    view = TokenView(doc)
    assert view.columns["norm_"] == [token.norm_ for token in doc]
    assert view.where("norm_", "why") == [0, 7] and view.where("norm_", "nope") == []
    assert "heard" in view.values("norm_")
    assert view.char_span(0, 3) == (0, 11)
    assert view.mask("norm_", frozenset(["why", "heard"])) == 1 | 1 << 4 | 1 << 7


def test_light_documents_give_the_columns_spacy_documents_give() -> None:
    text = "Why haven't I heard back?? Check https://x.org, 21st of May.\n\nI AM   waiting! Don't."
    light, spacy_doc = TokenView(nlp.parse(text)), TokenView(pipeline()(text))
    assert isinstance(nlp.parse(text), Doc)
    for column in ("norm_", "lower_", "orth_", "idx", "end", "length", "is_sent_start", "is_punct", "like_url"):
        assert light.columns[column] == spacy_doc.columns[column], column


def regex_items(node: Any, path: str, where: str = "") -> list[Item]:
    """The regex items of every mapping in a rule spec with ``regexes`` (its own, `unless`, constructions' cues...)."""
    found: list[Item] = []
    if isinstance(node, dict):
        if isinstance(node.get("regexes"), list) and node["regexes"]:
            with contextlib.suppress(RuleError):  # grammar-regex rules have items of their own
                found += [item for item in parse_items(path, {"regexes": node["regexes"]}, where) if item.regex]
        for key, value in node.items():
            if key not in ("phrases", "patterns", "regexes", "examples"):
                found += regex_items(value, path, f"{where}{key}.")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += regex_items(value, path, f"{where[:-1]}[{index}].")
    return found


def test_relaxed_regexes_find_wherever_the_rule_regexes_do() -> None:
    """A regex without its leading conditions is a pre-check: where the rule's regex matches, it matches too."""
    regexes = []
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        if not any(part.startswith(("_", ".")) for part in path.relative_to(builtin_rules_dir()).parts):
            rule = load_rule_file(path)
            regexes += [item.regex.compiled for item in regex_items(rule.spec, rule.path) if item.regex is not None]
    pairs = [(regex, relaxed) for regex in regexes if (relaxed := _relaxed(regex)) is not None]
    assert len(pairs) > 20  # the slang words, the emoji, "\bI\s+..." cues
    assert _relaxed(re.compile(r"(?<![^.!?\n])[^.!?\n]*\bnext\b")) is None  # would be tried from every position
    assert _relaxed(re.compile(r"(?<=(a))b\1")) is None  # refers to a group of the conditions
    rng = random.Random(3)
    checked = 0
    for text in fixture_proses() + example_texts():
        for regex, relaxed in pairs:
            start = rng.randrange(len(text) + 1)
            for a, b in ((0, len(text)), (start, len(text)), (0, start)):
                if regex.search(text, a, b):
                    assert relaxed.search(text, a, b), (regex.pattern, text[a:b])
                    checked += 1
    assert checked > 100
