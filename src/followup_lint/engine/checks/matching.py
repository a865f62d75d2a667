"""Phrases, spaCy token patterns and regular expressions from rule files, compiled and matched.

Phrases match case-insensitively on spaCy's ``NORM`` attribute, so "I am" also matches "I'm" and "I’m".
Token patterns are spaCy ``Matcher`` patterns, matched by ``engine.patterns`` with spaCy's results but
without importing spaCy. Regular expressions run on the prose text, ignoring case unless the item says
``case: sensitive``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import RuleError
from ..literals import Reach, finditer, longest_runs, may_match, width_in
from ..patterns import (
    NeedsSpacy,
    Pattern,
    PatternError,
    PatternSet,
    PhraseSet,
    TokenView,
    compile_pattern,
)
from ..schema import Field, check_fields, compile_regex
from ..word_view import word_view, words_doc

if TYPE_CHECKING:
    from ..document import Document

ITEM_FIELDS: dict[str, Field] = {
    "phrase": Field(str),
    "pattern": Field(list),
    "regex": Field(str),
    "case": Field(str),
    "replacement": Field((str, list)),
    "safe": Field(bool),
    "message": Field(str),
    "suggestion": Field(str),
}
SOURCES = ("phrases", "patterns", "regexes")


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to look for, with what to say and what to replace it with."""

    phrase: str | None = None
    pattern: tuple[dict[str, Any], ...] | None = None
    regex: re.Pattern[str] | None = None
    replacements: tuple[str, ...] = ()
    safe: bool = True
    message: str | None = None
    suggestion: str | None = None
    #: Where the item is defined in its rule file, e.g. ``patterns[2]``.
    where: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    item: Item


def parse_items(path: str, spec: dict[str, Any], prefix: str = "") -> list[Item]:
    """Items from the ``phrases``, ``patterns`` and ``regexes`` lists of a rule spec."""
    items: list[Item] = []
    for source in SOURCES:
        values = spec.get(source) or []
        if not isinstance(values, list):
            raise RuleError(path, prefix + source, "must be a list")
        key = source[:-1] if source != "regexes" else "regex"
        for index, value in enumerate(values):
            where = f"{prefix}{source}[{index}]"
            if not isinstance(value, dict) or (source == "patterns" and "pattern" not in value):
                value = {key: value}
            check_fields(path, value, ITEM_FIELDS, where + ".")
            if key not in value:
                raise RuleError(path, where, f"needs `{key}`")
            items.append(_item(path, where, key, value))
    return items


def _item(path: str, where: str, key: str, value: dict[str, Any]) -> Item:
    replacement = value.get("replacement", ())
    replacements = (replacement,) if isinstance(replacement, str) else tuple(replacement)
    common = {
        "replacements": replacements,
        "safe": value.get("safe", True),
        "message": value.get("message"),
        "suggestion": value.get("suggestion"),
        "where": where,
    }
    if key == "phrase":
        if not value["phrase"].strip():
            raise RuleError(path, where, "empty phrase")
        return Item(phrase=value["phrase"], **common)
    if key == "pattern":
        pattern = value["pattern"]
        if not pattern or not all(isinstance(tok, dict) for tok in pattern):
            raise RuleError(path, where, "a token pattern must be a non-empty list of token mappings")
        return Item(pattern=tuple(pattern), **common)
    case = value.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
        raise RuleError(path, where + ".case", "must be `sensitive` or `insensitive`")
    flags = re.MULTILINE | (0 if case == "sensitive" else re.IGNORECASE)
    regex = compile_regex(path, where, value["regex"], flags)
    if regex.match(""):
        raise RuleError(path, where, "the regular expression matches the empty string")
    return Item(regex=regex, **common)


class Matcher:
    """All items of one rule, compiled once.

    Phrases and token patterns run on ``engine.patterns`` (pure Python, spaCy's results). A rule with a token
    pattern only spaCy can run (POS, LEMMA, "_", FUZZY...) uses spaCy's ``PhraseMatcher`` and ``Matcher``
    instead, and asks for spaCy-parsed documents.
    """

    def __init__(self, path: str, field: str, items: list[Item]) -> None:
        self.path = path
        self.field = field
        self.items = items
        #: What makes this rule need spaCy's matchers (None: it does not).
        self.needs_spacy: str | None = None
        patterns: list[tuple[int, Pattern]] = []
        for index, item in enumerate(items):
            if item.pattern is None:
                continue
            try:
                patterns.append((index, compile_pattern(item.pattern)))
            except PatternError as exc:
                raise RuleError(path, item.where, f"invalid token pattern: {exc}") from None
            except NeedsSpacy as exc:
                self.needs_spacy = self.needs_spacy or f"{item.where}: {exc}"
        self._patterns = patterns
        self._regexes = [item for item in items if item.regex is not None]
        #: Per regex item, the literal strings every match contains (``engine/literals``), found on first use.
        self._literals: list[tuple[tuple[str, ...], ...]] | None = None
        #: Per regex item, the regex without its leading zero-width conditions when that searches faster
        #: (``_relaxed``); how far a match reaches around its literals (``literals.reach_terms``); whether every match
        #: needs a non-ASCII character (``literals.needs_non_ascii``): found with the literals.
        self._relaxed: list[re.Pattern[str] | object | None] = []
        self._reach: list[Reach | None] = []
        self._non_ascii: list[bool] = []
        #: Whether some items (phrases, token patterns) match on tokens.
        self.needs_tokens = len(self._regexes) < len(items)
        self._phrase_set: PhraseSet | None = None
        self._pattern_set: PatternSet | None = None
        self._spacy: tuple[Any, Any] | None = None
        self._last: tuple[TokenView, list[Match]] | None = None

    @property
    def prepared(self) -> bool:
        return self._phrase_set is not None or self._spacy is not None

    def prepare(self) -> None:
        if not self.needs_tokens or self.prepared:
            return
        if self.needs_spacy:
            self._prepare_spacy()
            return
        from .. import nlp

        make_doc = nlp.make_doc
        phrases = [
            (index, [token.norm_ for token in make_doc(item.phrase.lower())])
            for index, item in enumerate(self.items)
            if item.phrase is not None
        ]
        self._pattern_set = PatternSet(self._patterns)
        self._phrase_set = PhraseSet(phrases)

    def _prepare_spacy(self) -> None:
        from .. import nlp as nlp_module

        nlp_module.require_spacy()
        nlp = nlp_module.pipeline()  # first: it imports spaCy the fast way (without spacy.cli)
        from spacy.matcher import Matcher as TokenMatcher
        from spacy.matcher import PhraseMatcher

        phrase_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        token_matcher = TokenMatcher(nlp.vocab, validate=True)
        for index, item in enumerate(self.items):
            if item.phrase is not None:
                phrase_matcher.add(str(index), [nlp.make_doc(item.phrase.lower())])
            elif item.pattern is not None:
                try:
                    token_matcher.add(str(index), [list(item.pattern)])
                except (ValueError, TypeError, KeyError, re.error) as exc:
                    problem = " ".join(str(exc).split())[:200]
                    raise RuleError(self.path, item.where, f"invalid token pattern: {problem}") from None
        self._spacy = (phrase_matcher, token_matcher)

    def find(self, doc: Document, start: int = 0, end: int | None = None, *, every: bool = False) -> list[Match]:
        """Matches within ``[start, end)`` of the prose, in text order: where they overlap, only the longest (the
        first of equals), or with ``every`` all of them (an ``unless`` list: each match cancels what it overlaps)."""
        end = len(doc.prose) if end is None else end
        found: list[Match] = []
        if self._regexes:
            if self._literals is None:
                from ..literals import needs_non_ascii, reach_terms, required_literals

                regexes = [item.regex for item in self._regexes]
                self._literals = [required_literals(rx.pattern) for rx in regexes]  # type: ignore[union-attr]
                self._reach = [reach_terms(rx.pattern, rx.flags) for rx in regexes]  # type: ignore[union-attr]
                self._non_ascii = [needs_non_ascii(rx.pattern, rx.flags) for rx in regexes]  # type: ignore[union-attr]
                self._relaxed = [_UNKNOWN] * len(regexes)  # made on first use (few regexes get that far)
            folded = doc.folded
            prose = doc.prose
            # Whether and where each literal occurs in the draft, worked out once per draft for all rules.
            seen: dict[str, bool] = getattr(doc, "literals_seen", None) or {}
            places: dict[str, list[int]] = getattr(doc, "literal_places", None) or {}
            ascii_prose = getattr(doc, "ascii", False)
            runs: tuple[int, int] | None = None
            for number, (item, literals, terms, non_ascii) in enumerate(
                zip(self._regexes, self._literals, self._reach, self._non_ascii, strict=True)
            ):
                if non_ascii and ascii_prose:
                    continue  # every match has a character (an emoji) that the draft does not
                if terms is not None and literals:  # searched only around its literals (``literals.windows``)
                    if terms[1] or terms[2]:
                        if runs is None:
                            runs = getattr(doc, "runs", None) or longest_runs(prose)
                        width = width_in(terms, runs)
                    else:
                        width = terms[0]
                    for m in finditer(item.regex, literals, width, prose, folded, start, end, seen, places):  # type: ignore[arg-type]
                        found.append(Match(m.start(), m.end(), item))
                    continue
                if not may_match(literals, folded, seen):
                    continue  # a word every match contains is not in the draft: the search cannot succeed
                relaxed = self._relaxed[number]
                if relaxed is _UNKNOWN:
                    relaxed = self._relaxed[number] = _relaxed(item.regex)  # type: ignore[arg-type]
                if relaxed is not None and relaxed.search(prose, start, end) is None:
                    continue  # not even the regex without its leading conditions matches
                for m in item.regex.finditer(prose, start, end):  # type: ignore[union-attr]
                    found.append(Match(m.start(), m.end(), item))
        if self.needs_tokens:
            self.prepare()
            if self._spacy is not None:
                found.extend(self._find_spacy(doc, start, end))
            else:
                found.extend(m for m in self._token_matches(doc) if m.start >= start and m.end <= end)
        return sorted(found, key=lambda m: (m.start, m.end)) if every else _longest_first(found)

    def _token_matches(self, doc: Document) -> list[Match]:
        """Every phrase and token-pattern match in the document, in spaCy's order (where items share a span,
        ``_longest_first`` keeps the first), computed once per document however many ranges are asked for."""
        view = word_view(doc.doc)
        cached = self._last
        if cached is not None and cached[0] is view:
            return cached[1]
        found: list[Match] = []
        for matcher in (self._phrase_set, self._pattern_set):
            if matcher:
                for index, first, last in matcher.matches(view):
                    found.append(Match(*view.char_span(first, last), self.items[index]))
        self._last = (view, found)
        return found

    def _find_spacy(self, doc: Document, start: int, end: int) -> list[Match]:
        from spacy.tokens import Doc

        spacy_doc = doc.doc
        if not isinstance(spacy_doc, Doc):  # parsed before this rule asked for spaCy
            from ..nlp import pipeline

            spacy_doc = pipeline()(doc.prose)
        words, kept = words_doc(spacy_doc)
        found: list[Match] = []
        for matcher in self._spacy or ():
            if not len(matcher):
                continue
            for match_id, first, last in matcher(words):
                if kept is not None:  # back to the draft's tokens, over the white space skipped between them
                    first, last = kept[first], kept[last - 1] + 1
                span = spacy_doc[first:last]
                if span.start_char >= start and span.end_char <= end:
                    item = self.items[int(spacy_doc.vocab.strings[match_id])]
                    found.append(Match(span.start_char, span.end_char, item))
        return found


_UNKNOWN = object()


def _relaxed(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """``regex`` without the zero-width conditions it starts with (``\\b``, ``^``, lookarounds), when they include
    a literal character follows them, or they include a lookbehind and a given character or class follows them;
    else None.

    Wherever ``regex`` matches, this matches too (it asks less), so where it finds nothing in a range, neither
    would ``regex``: a pre-check. It searches faster because ``re`` can then scan for its first character
    instead of testing the conditions at every position (3 times faster on the slang rule's words).
    """
    import copy
    from re import _compiler, _constants  # type: ignore[attr-defined]

    from ..literals import parse

    try:
        tree = parse(regex.pattern, regex.flags)
    except (re.error, RecursionError, TypeError):
        return None
    items = tree.data
    zero_width = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
    count = 0
    lookbehind = False
    while count < len(items) and items[count][0] in zero_width:
        lookbehind = lookbehind or (items[count][0] != _constants.AT and items[count][1][0] < 0)
        count += 1
    if not 0 < count < len(items) or not (
        items[count][0] == _constants.LITERAL or (lookbehind and _starts_with_character(items[count:]))
    ):
        return None  # (a leading ``[^.]*`` would be tried from every position: slower than the conditions)
    if _refers_to_groups(tree):
        return None  # a group the conditions held could be referred to later
    tree = copy.copy(tree)  # (the parsed tree is shared: see ``literals.parse``)
    tree.data = items[count:]
    try:
        return _compiler.compile(tree, regex.flags)  # type: ignore[no-any-return]
    except (re.error, RecursionError, TypeError, ValueError):
        return None


def _starts_with_character(items: Any) -> bool:
    """Whether every match of a parsed sequence starts with a given character or class (not with a repeat that
    may be empty, or any character)."""
    from re import _constants  # type: ignore[attr-defined]

    if not items:
        return False
    op, value = items[0]
    if op in (_constants.LITERAL, _constants.IN):
        return True
    if op == _constants.SUBPATTERN:
        return _starts_with_character(value[-1].data)
    if op == _constants.BRANCH:
        return all(_starts_with_character(branch.data) for branch in value[1])
    if op == _constants.ATOMIC_GROUP:
        return _starts_with_character(value.data)
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _starts_with_character(value[2].data)
    return False


def _refers_to_groups(tree: Any) -> bool:
    """Whether a parsed regex has a back-reference or a conditional on a group."""
    for op, value in tree.data if hasattr(tree, "data") else tree:
        if str(op).startswith("GROUPREF"):
            return True
        for part in value if isinstance(value, (tuple, list)) else (value,):
            if hasattr(part, "data") and _refers_to_groups(part):
                return True
            if isinstance(part, list) and any(hasattr(x, "data") and _refers_to_groups(x) for x in part):
                return True
    return False


def _longest_first(matches: list[Match]) -> list[Match]:
    """Drop matches that overlap a longer (or earlier) one."""
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def match_specs(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every mapping in a rule spec that has phrases or token patterns (its own, ``unless``, constructions'
    cues...), with where it is (``constructions[0].cues[1].``): for tools that compare or time matchers."""
    found = []
    if isinstance(node, dict):
        if any(isinstance(node.get(key), list) and node[key] for key in ("phrases", "patterns")):
            found.append((where, node))
        for key, value in node.items():
            if key not in ("phrases", "patterns", "regexes", "examples"):
                found += match_specs(value, f"{where}{key}.")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += match_specs(value, f"{where[:-1]}[{index}].")
    return found
