"""Phrases, spaCy token patterns and regular expressions from rule files, compiled and matched.

Phrases match case-insensitively on spaCy's ``NORM`` attribute, so "I am" also matches "I'm" and "I’m".
Token patterns are spaCy ``Matcher`` patterns, matched by ``engine.patterns`` with spaCy's results but
without importing spaCy. Regular expressions run on the prose text, ignoring case unless the item says
``case: sensitive``.

This module is the one regex model of every check type (phrase rules and ``grammar-regex``/``grammar-forms``):
an item's ``regex`` (``{gap}`` written out), its ``case``, its ``group`` (the part to flag and replace,
default the whole match), back-references in the regex, and replacements that refer to the match with
``re``'s template syntax (``\\1``, ``\\g<name>``, ``\\g<0>`` for the whole match; ``render``). A ``Regex`` is
compiled on first use, behind the literal pre-checks of ``engine/literals.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import RuleError
from ..literals import ASCII_ONLY, Reach, finditer, longest_runs, match_at, may_match, starts, width_in
from ..patterns import (
    NeedsSpacy,
    Pattern,
    PatternError,
    PatternSet,
    PhraseSet,
    TokenView,
    compile_pattern,
)
from ..schema import Field, check_fields, compile_regex, expand_gaps
from ..templates import fill
from ..tokens.regexes import compile_cached
from ..word_view import word_view, words_doc

if TYPE_CHECKING:
    from ..document import Document

ITEM_FIELDS: dict[str, Field] = {
    "phrase": Field(str),
    "pattern": Field(list),
    "regex": Field(str),
    "case": Field(str),
    "group": Field((int, str)),
    "replacement": Field((str, list)),
    "transform": Field(str),
    "safe": Field(bool),
    "message": Field(str),
    "suggestion": Field(str),
}
SOURCES = ("phrases", "patterns", "regexes")
TRANSFORMS = ("capitalize",)
#: A regex is tried at the places its matches can start (``literals.match_at``) when they are at most one
#: character in ``DENSE`` of the draft; else ``re`` scans the range searched itself.
DENSE = 12
#: The default flags of a phrase rule's regexes (``grammar-regex`` rules use none: ``^`` is the draft's start).
PHRASE_FLAGS = re.MULTILINE


class Regex:
    """A rule's regular expression: compiled on first use, and searched only where the literal strings every
    match contains occur (``engine/literals.py``, found on first use too)."""

    __slots__ = ("_compiled", "_firsts", "_literals", "_non_ascii", "_reach", "_relaxed", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # with ``{gap}`` written out
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._literals: tuple[tuple[str, ...], ...] | None = None
        self._reach: Reach | None = None
        self._non_ascii = False
        self._firsts: tuple[str, ...] | None = None
        self._relaxed: re.Pattern[str] | object | None = _UNKNOWN

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_cached(self.pattern, self.flags)  # checked when the rule was loaded
        return self._compiled

    def without_precheck(self) -> Regex:
        """This regex with no relaxed pre-check: searched as written. A leading lookbehind that keeps a search
        linear over a long run of blanks ("(?<![ \t])[ \t]*+...") must not be relaxed away."""
        self._relaxed = None
        return self

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Every match in ``text[start:end]``, without pre-checks."""
        return self.compiled.finditer(text, start, len(text) if end is None else end)

    def search(
        self, doc: Document, start: int, end: int, runs: list[tuple[int, int]] | None = None
    ) -> Iterable[re.Match[str]]:
        """The matches in ``[start, end)`` of the document's prose, searched for only where they can be (``runs``:
        a one-item cache of ``literals.longest_runs(prose)``, shared by the regexes of one search). The pre-checks
        run now, so that a regex that cannot match costs no generator (most of some 200 searches a lint)."""
        if self._literals is None:
            from ..literals import facts

            self._literals, self._reach, self._non_ascii, self._firsts = facts(self.pattern, self.flags)
        literals = self._literals
        if self._non_ascii and getattr(doc, "ascii", False):
            return ()  # every match has a character (an emoji) that the draft does not
        folded, prose = doc.folded, doc.prose
        # Whether and where each literal occurs in the draft, worked out once per draft for all rules.
        # (An empty dict is the document's own: ``or {}`` would replace it by a new one at each search.)
        seen: dict[str, bool] | None = getattr(doc, "literals_seen", None)
        places: dict[Any, list[int]] | None = getattr(doc, "literal_places", None)
        if seen is None or places is None:
            seen, places = {}, {}
        if literals and not may_match(literals, folded, seen):
            return ()  # a word every match contains is not in the draft: the search cannot succeed
        firsts = self._firsts
        if firsts is not None and len(folded) == len(prose) and (firsts[0] != ASCII_ONLY or doc.ascii):
            # Tried only where a match can start, unless that is almost everywhere (``re`` is quicker there).
            positions = starts(firsts, folded, places, DENSE)
            if positions is not None:
                return match_at(self.compiled, positions, prose, start, end) if positions else ()
        terms = self._reach
        if terms is not None and literals:  # searched only around its literals (``literals.windows``)
            if terms[1] or terms[2]:
                runs = [] if runs is None else runs
                if not runs:
                    runs.append(getattr(doc, "runs", None) or longest_runs(prose))
                width = width_in(terms, runs[0])
            else:
                width = terms[0]
            return finditer(self.compiled, literals, width, prose, folded, start, end, seen, places)
        if self._relaxed is _UNKNOWN:
            self._relaxed = _relaxed(self.compiled)  # made on first use (few regexes get that far)
        relaxed = self._relaxed
        if relaxed is not None and relaxed.search(prose, start, end) is None:  # type: ignore[attr-defined]
            return ()  # not even the regex without its leading conditions matches
        return self.compiled.finditer(prose, start, end)


def parse_regex(
    path: str,
    where: str,
    value: dict[str, Any],
    flags: int = PHRASE_FLAGS,
    case: str = "insensitive",
    *,
    check: bool = True,
) -> Item:
    """A regex item from its mapping (``regex``, ``case``, ``group``, ``replacement``, ``transform``, ``safe``,
    ``message``, ``suggestion``): the one parser of every check type's regexes. ``flags`` and ``case`` are the
    check type's or rule's defaults; with ``check``, the regex is compiled and checked now (the loader's
    validation), else on first use."""
    case = value.get("case", case)
    if case not in ("sensitive", "insensitive"):
        raise RuleError(path, where + ".case", "must be `sensitive` or `insensitive`")
    flags |= 0 if case == "sensitive" else re.IGNORECASE
    group = value.get("group", 0)
    transform = value.get("transform")
    if transform is not None and transform not in TRANSFORMS:
        raise RuleError(path, where + ".transform", f"must be one of {', '.join(TRANSFORMS)}")
    item = Item(
        regex=Regex(expand_gaps(value["regex"]), flags), group=group, transform=transform, **_common(value, where)
    )
    if check:
        regex = compile_regex(path, where, value["regex"], flags, compile_cached)
        known = 0 <= group <= regex.groups if isinstance(group, int) else group in regex.groupindex
        if not known:
            raise RuleError(path, where + ".group", f"the regex has no group {group!r}")
        if regex.match("") and not item.replacements and transform is None:
            raise RuleError(path, where, "the regular expression matches the empty string")
        for template in item.replacements:
            try:
                _GROUP_REF.sub(lambda ref: _check_ref(regex, ref), template)
            except (IndexError, re.error) as exc:
                raise RuleError(path, where + ".replacement", f"refers to a group the regex lacks: {exc}") from None
    return item


def _check_ref(regex: re.Pattern[str], ref: re.Match[str]) -> str:
    name = ref.group(1) or ref.group(2)
    if (name.isdigit() and int(name) > regex.groups) or (not name.isdigit() and name not in regex.groupindex):
        raise IndexError(f"no group {name!r}")
    return ""


#: A reference to a group of the match in a replacement: ``\\1`` (up to 99), ``\\g<1>``, ``\\g<name>``.
_GROUP_REF = re.compile(r"\\g<(\w+)>|\\(\d{1,2})")


def render(template: str, match: re.Match[str] | None, values: Any, *, lower: bool = False) -> str | None:
    """A replacement: ``template`` with its references to the match's groups (``_GROUP_REF``) put in, and its
    ``{field}``s filled from ``values`` (the lint context, ``match``); None when a field has no value. A
    group that did not take part in the match is empty; with ``lower``, groups are put in lower case."""
    if match is None or "\\" not in template:
        return fill(template, values)
    parts: list[str] = []
    position = 0
    for ref in _GROUP_REF.finditer(template):
        literal = fill(template[position : ref.start()], values)
        if literal is None:
            return None
        name = ref.group(1) or ref.group(2)
        group = match.group(int(name) if name.isdigit() else name) or ""
        parts += [literal, group.lower() if lower else group]
        position = ref.end()
    rest = fill(template[position:], values)
    return None if rest is None else "".join(parts) + rest


def transformed(item: Item, text: str) -> str | None:
    """What an item's ``transform`` makes of the flagged text (None: it has none)."""
    return text[:1].upper() + text[1:] if item.transform == "capitalize" else None


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to look for, with what to say and what to replace it with."""

    phrase: str | None = None
    pattern: tuple[dict[str, Any], ...] | None = None
    regex: Regex | None = None
    #: The group of a regex match to flag and replace (0: the whole match).
    group: int | str = 0
    replacements: tuple[str, ...] = ()
    transform: str | None = None
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
    #: A regex item's match (its groups, for the replacement); None for phrases and token patterns.
    found: re.Match[str] | None = None


def parse_items(path: str, spec: dict[str, Any], prefix: str = "", *, check: bool = True) -> list[Item]:
    """Items from the ``phrases``, ``patterns`` and ``regexes`` lists of a rule spec (``check``: compile and
    check the regexes now, see ``parse_regex``)."""
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
            if key == "regex":
                items.append(parse_regex(path, where, value, check=check))
            else:
                items.append(_item(path, where, key, value))
    return items


def _common(value: dict[str, Any], where: str) -> dict[str, Any]:
    replacement = value.get("replacement", ())
    return {
        "replacements": (replacement,) if isinstance(replacement, str) else tuple(replacement),
        "safe": value.get("safe", True),
        "message": value.get("message"),
        "suggestion": value.get("suggestion"),
        "where": where,
    }


def _item(path: str, where: str, key: str, value: dict[str, Any]) -> Item:
    for field in ("group", "transform"):
        if field in value:
            raise RuleError(path, f"{where}.{field}", "applies to regexes only")
    common = _common(value, where)
    if key == "phrase":
        if not value["phrase"].strip():
            raise RuleError(path, where, "empty phrase")
        return Item(phrase=value["phrase"], **common)
    if key == "pattern":
        pattern = value["pattern"]
        if not pattern or not all(isinstance(tok, dict) for tok in pattern):
            raise RuleError(path, where, "a token pattern must be a non-empty list of token mappings")
    return Item(pattern=tuple(pattern), **common)


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
        runs: list[tuple[int, int]] = []
        for item in self._regexes:
            for m in item.regex.search(doc, start, end, runs):  # type: ignore[union-attr]
                if item.group:
                    group_start, group_end = m.span(item.group)
                    if group_start >= 0:
                        found.append(Match(group_start, group_end, item, m))
                else:
                    found.append(Match(m.start(), m.end(), item, m))
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
