"""Literal words a regular expression needs, so that a search that cannot succeed is skipped.

``required_literals`` reads a pattern's parse tree: every text the pattern matches (ignoring case) contains,
for each returned set, one of its lowercase strings. ``fold`` lowercases a text so that such a string occurs in
it wherever ``re.IGNORECASE`` would find the letters. Testing ``any(s in fold(text) for s in strings)`` for each
set before searching only skips searches that would fail: the results are those of searching every pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import cache

#: The only non-ASCII characters a case-insensitive ASCII letter matches in ``re`` besides those whose
#: ``lower()`` is or contains that letter (found by trying every code point): dotless i and long s.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


#: Characters rare enough in a draft that one alone makes a useful literal (most literals need 3 characters).
_RARE = frozenset("[]{}<>%_$#@~^|\\*=+")


def fold(text: str) -> str:
    """``text`` lowercased so that a lowercase ASCII literal occurs in it wherever ``re.IGNORECASE`` finds it."""
    lowered = text.lower()
    # (``translate`` walks a text with a character beyond ASCII slowly: 40 ms for 500 KB with one curly quote.)
    return lowered.translate(_FOLD) if "\u0131" in lowered or "\u017f" in lowered else lowered


@lru_cache(maxsize=2048)
def parse(regex: str, flags: int = 0) -> Any:
    """``regex``'s parse tree (``re._parser``), made once for all the analyses here; do not change it.

    Only ``re.VERBOSE`` changes how a pattern parses (case, multi-line and the rest act when it is compiled or
    matched), so trees are shared across the other flags. Raises ``re.error`` (and the like) as the parser does.
    """
    from re import _parser as parser  # type: ignore[attr-defined]

    return parser.parse(regex, flags & re.VERBOSE)


#: What the analyses below found for each regex (``facts``), kept in the user cache between runs: parsing some
#: 150 phrase regexes for them took about 0.2 s of every cold start.
FACTS = cache.Memo("regex-facts", lambda: cache.key("regex-facts", cache.stat_stamp([Path(__file__)])))


def facts(regex: str, flags: int) -> tuple[tuple[tuple[str, ...], ...], Reach | None, bool, tuple[str, ...] | None]:
    """``required_literals``, ``reach_terms``, ``needs_non_ascii`` and ``first_strings`` of ``regex``, from the
    cache when known."""
    name = f"{flags}\0{regex}"
    found = FACTS.get(name)
    if found is None:
        found = (
            required_literals(regex),
            reach_terms(regex, flags),
            needs_non_ascii(regex, flags),
            first_strings(regex, flags),
        )
        FACTS.put(name, found)
    return found  # type: ignore[no-any-return]


def may_match(literals: tuple[tuple[str, ...], ...], folded: str, seen: dict[str, bool]) -> bool:
    """Whether every set of ``literals`` (from ``required_literals``) has a string in ``folded``; ``seen`` keeps
    what is known of each string for this text, so that all rules share the work on one draft."""
    for options in literals:
        for literal in options:
            occurs = seen.get(literal)
            if occurs is None:
                occurs = seen[literal] = literal in folded
            if occurs:
                break
        else:
            return False
    return True


def required_literals(regex: str, most: int = 3) -> tuple[tuple[str, ...], ...]:
    """Sets of lowercase strings such that a text ``regex`` (case-insensitive) matches contains one string of
    each set: at most ``most`` sets, the most selective (longest shortest string) first; none when unknown.

    From the parse tree: a run of literal characters in a sequence is required; a group is required when it
    is not optional; a branch requires one string of the union of its alternatives' most selective sets.
    """
    try:
        found = _sequence(parse(regex))
    except (re.error, RecursionError, TypeError):
        return ()
    # "a" or "th" occur in any text; "[" or "{" in few drafts (template slots), so they are worth a test.
    useful = {strings for strings in found if min(map(len, strings)) >= 3 or all(map(_RARE.issuperset, strings))}
    ranked = sorted(useful, key=lambda strings: (-min(map(len, strings)), len(strings), sorted(strings)))
    return tuple(tuple(sorted(strings)) for strings in ranked[:most])


def _literal(code: int) -> str | None:
    char = chr(code)
    if char.isascii():
        return char.lower()
    # Punctuation has no case, so it matches only itself: the curly apostrophe in "didn’t".
    return char if char.lower() == char == char.upper() and not char.isalnum() and not char.isspace() else None


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    return max(options, key=lambda strings: (min(map(len, strings)), -len(strings))) if options else None


def _sequence(items: Any) -> list[frozenset[str]]:
    """The required sets of a sequence of parsed items (each set: one of its strings occurs in a match)."""
    from re import _constants as constants  # type: ignore[attr-defined]

    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        char = _literal(value) if op == constants.LITERAL else None
        if char is not None:
            run.append(char)
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op == constants.SUBPATTERN:
            options.extend(_sequence(value[-1]))
        elif op == constants.BRANCH:
            branches = [_best(_sequence(branch)) for branch in value[1]]
            if all(branches):
                options.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in repeats and value[0] >= 1:
            options.extend(_sequence(value[2]))
    if run:
        options.append(frozenset(["".join(run)]))
    return [strings for strings in options if all(strings)]


# --- searching only near the literals -----------------------------------------------------------------------
#
# Every match of a pattern contains one string of its first literal set, so a match lies near an occurrence of
# one: within ``reach`` characters of it, where ``reach`` bounds how far a match (and what its lookaheads and
# ``\b``/``$`` look at past its end) extends. Searching only those windows of the text, merged where they
# overlap, finds the same matches as searching the whole text: ``re`` sees the real text before a window's start
# (lookbehinds, ``\b``, ``^``), and nothing a match could depend on lies past a window's end.


#: A bound on how many characters a match spans: ``(fixed, spaces, words)`` means ``fixed`` characters plus
#: ``spaces`` runs of white space and ``words`` runs of word characters, each run no longer than the longest
#: such run in the text searched (``longest_runs``): ``\\s+`` and ``\\w+`` are bounded by the text.
Reach = tuple[int, int, int]


def reach(regex: str, flags: int = re.IGNORECASE) -> int | None:
    """How many characters a match of ``regex``, with everything its assertions look at after it, spans at most
    (one more for the character ``\\b`` or ``$`` inspect); None when unbounded or not known."""
    terms = reach_terms(regex, flags)
    return terms[0] if terms is not None and not terms[1] and not terms[2] else None


def reach_terms(regex: str, flags: int = re.IGNORECASE) -> Reach | None:
    """``reach``, where a repeat of white space or of word characters without an upper bound (``\\s+``,
    ``[ \\t]*``, ``\\w+``) counts as one run of them (see ``Reach``); None when unbounded otherwise."""
    try:
        width = _width(parse(regex, flags))
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    return None if width is None else (width[0] + 1, width[1], width[2])


_SPACE_RUN = re.compile(r"\s+")
_WORD_RUN = re.compile(r"\w+")


def longest_runs(text: str) -> tuple[int, int]:
    """The lengths of the longest run of white space and of word characters in ``text`` (``Reach``'s units)."""
    return max(map(len, _SPACE_RUN.findall(text)), default=0), max(map(len, _WORD_RUN.findall(text)), default=0)


def width_in(terms: Reach, runs: tuple[int, int]) -> int:
    """The characters ``terms`` stand for in a text whose ``longest_runs`` are ``runs``."""
    return terms[0] + terms[1] * runs[0] + terms[2] * runs[1]


def _width(items: Any) -> Reach | None:
    """The most characters a parsed sequence consumes (counting lookaheads as consumed), as ``Reach`` terms;
    None when unbounded."""
    from re import _constants as constants  # type: ignore[attr-defined]

    one = (constants.LITERAL, constants.NOT_LITERAL, constants.ANY, constants.IN, constants.CATEGORY)
    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))
    fixed = spaces = words = 0
    for op, value in items:
        part: Reach | None
        if op in one:
            fixed += 1
            continue
        if op == constants.AT:
            continue
        if op == constants.SUBPATTERN:
            part = _width(value[-1])
        elif op == getattr(constants, "ATOMIC_GROUP", None):
            part = _width(value)
        elif op == constants.BRANCH:
            widths = [_width(branch) for branch in value[1]]
            if any(w is None for w in widths):
                return None
            # Each term's largest value over the branches: at least as much as any one branch.
            part = tuple(max(w[k] for w in widths) for k in range(3))  # type: ignore[index,assignment]
        elif op in repeats:
            _low, high, body = value
            if high >= constants.MAXREPEAT:
                run = _run_class(body)
                if run is None:
                    return None
                part = (0, 1, 0) if run == "space" else (0, 0, 1)
            else:
                inner = _width(body)
                part = None if inner is None else (inner[0] * high, inner[1] * high, inner[2] * high)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            # Counted as consumed, so that what a lookahead looks at lies within the total (a lookbehind's
            # length only widens the windows).
            part = _width(value[1])
        else:  # back-references, conditionals...: not bounded here
            return None
        if part is None:
            return None
        fixed, spaces, words = fixed + part[0], spaces + part[1], words + part[2]
    return fixed, spaces, words


def _run_class(body: Any) -> str | None:
    """``"space"`` when a repeated body is one character that is always white space (``\\s``, `` ``, ``[ \\t]``),
    ``"word"`` when always a word character (``\\w``, ``[a-z]``), else None: an unbounded repeat of it matches
    one run of such characters, no longer than the longest in the text."""
    from re import _constants as constants  # type: ignore[attr-defined]

    items = list(body)
    if len(items) != 1:
        return None
    op, value = items[0]
    if op == constants.LITERAL:
        members = [(op, value)]
    elif op == constants.IN:
        members = list(value)
    else:
        return None
    kinds = {_member_class(member) for member in members}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _member_class(member: tuple[Any, Any]) -> str | None:
    from re import _constants as constants  # type: ignore[attr-defined]

    op, value = member
    if op == constants.CATEGORY:
        return {constants.CATEGORY_SPACE: "space", constants.CATEGORY_WORD: "word"}.get(value)
    if op == constants.LITERAL:
        return _char_class(chr(value))
    if op == constants.RANGE:
        low, high = value
        if high - low > 0x400:
            return None
        kinds = {_char_class(chr(code)) for code in range(low, high + 1)}
        return kinds.pop() if len(kinds) == 1 else None
    return None  # a negation, another category...


def _char_class(char: str) -> str | None:
    """Whether ``\\s`` or ``\\w`` matches ``char`` and whatever ``re`` matches it with when case is ignored:
    white space has no case; an ASCII letter also matches only letters (K, the Kelvin sign; s, the long s; i,
    the dotless i). Not every non-ASCII one does (a Greek iota also matches a combining mark), so those count
    as neither."""
    if char.isspace():
        return "space"
    return "word" if char.isascii() and (char.isalnum() or char == "_") else None


def occurrences(string: str, folded: str, found: dict[str, list[int]]) -> list[int]:
    """Where ``string`` starts in ``folded`` (overlaps included), kept in ``found`` for the other patterns."""
    places = found.get(string)
    if places is None:
        places = found[string] = []
        find = folded.find
        i = find(string)
        while i >= 0:
            places.append(i)
            i = find(string, i + 1)
    return places


def windows(strings: tuple[str, ...], width: int, folded: str, found: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The ranges of the text, in order and merged, within ``width`` characters of an occurrence of one of
    ``strings``: every match of a pattern whose matches contain one of them and span at most ``width``
    characters (``reach``) lies inside one range. ``folded`` must be as long as the text (see ``aligned``)."""
    size = len(folded)
    spans: list[tuple[int, int]] = []
    for string in strings:
        length = len(string)
        for i in occurrences(string, folded, found):
            spans.append((max(0, i + length - width), min(size, i + width)))
    if len(strings) > 1:
        spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def windows_as_found(strings: tuple[str, ...], width: int, folded: str) -> Iterator[tuple[int, int]]:
    """The ranges of ``windows``, made lazily: each string's ranges merged as its occurrences are found, so that a
    caller that stops at its first match never lists every place of the strings (on a long text). Ranges of two
    strings are not merged with each other, and may overlap."""
    size = len(folded)
    for string in strings:
        length = len(string)
        low = high = -1
        i = folded.find(string)
        while i >= 0:
            start, end = max(0, i + length - width), min(size, i + width)
            if start > high:
                if high >= 0:
                    yield low, high
                low = start
            high = max(high, end)
            i = folded.find(string, i + 1)
        if high >= 0:
            yield low, high


def finditer(
    regex: re.Pattern[str],
    literals: tuple[tuple[str, ...], ...],
    width: int | None,
    text: str,
    folded: str,
    start: int,
    end: int,
    seen: dict[str, bool],
    found: dict[str, list[int]],
) -> Iterator[re.Match[str]]:
    """The matches of ``regex.finditer(text, start, end)``, searched for only where they can be: not at all when a
    literal every match contains is missing (``may_match``), else only in the ``windows`` around the first set's
    occurrences when matches are bounded (``width``, from ``reach``). ``folded`` is ``fold(text)``; ``seen`` and
    ``found`` keep what is known of each literal's presence and places in it, for the other patterns."""
    if not may_match(literals, folded, seen):
        return
    if width is None or not literals or len(folded) != len(text):
        yield from regex.finditer(text, start, end)
        return
    position = start
    for low, high in windows(literals[0], width, folded, found):
        if high <= position:
            continue
        if low >= end:
            break
        for match in regex.finditer(text, max(low, position), min(high, end)):
            yield match
            position = match.end()


# --- trying a pattern only where a match can start ----------------------------------------------------------
#
# Python's ``re`` tries a pattern at every position of the text; a pattern that starts with a long alternation of
# words, case ignored (``\b(?:chance|opportunity|...)``), tests each word at each position: 0.8 ms on a
# 150-word draft for one such pattern. When every match starts with one of a few literal strings (after its
# leading assertions), the positions where one of them occurs in the folded text are the only places a match
# can start: ``regex.match`` there, in order, skipping those inside a match found, gives ``finditer``'s matches.


#: Markers among ``first_strings``: a match may start at the text's start (``\A``, ``^``), at the start of a
#: line (``^`` with ``re.MULTILINE``); the strings hold only if the text is ASCII (``\d``'s ten digits).
TEXT_START, LINE_START, ASCII_ONLY = "\0start", "\0line", "\0ascii"
#: A marker prefix among ``first_strings``: a match may start right after the string that follows it (a leading
#: lookbehind, ``(?<=[.!?]\s)``). It sorts after ``ASCII_ONLY``, which must come first.
AFTER = "\0|"
#: The most strings a leading lookbehind may stand for (the product of its characters).
_MOST_AFTER = 64


def first_strings(regex: str, flags: int = re.IGNORECASE) -> tuple[str, ...] | None:
    """Lowercase strings such that every match of ``regex`` starts with one of them (in ``fold(text)``), after its
    leading zero-width assertions, or at a place a marker (``TEXT_START``...) names; None when not known."""
    try:
        tree = parse(regex, flags)
        multiline = bool((flags | tree.state.flags) & re.MULTILINE)
        strings = _firsts(list(tree), multiline)
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):
        return None
    return tuple(sorted(strings)) if strings else None


def _firsts(items: list[Any], multiline: bool) -> frozenset[str] | None:
    """What every match of a parsed sequence starts with (see ``first_strings``), or None. A group, a branch or
    an optional repeat is read with the rest of the sequence after it (they may match nothing)."""
    from re import _constants as constants  # type: ignore[attr-defined]

    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))
    for index, (op, value) in enumerate(items):
        if op == constants.AT and value == constants.AT_BEGINNING_STRING:
            return frozenset([TEXT_START])
        if op == constants.AT and value == constants.AT_BEGINNING:
            return frozenset([LINE_START if multiline else TEXT_START])
        rest = items[index + 1 :]
        anchors = _anchors(op, value, multiline)
        if anchors is not None:
            # A leading lookbehind (or a choice of them and the text's start): where it holds is rarer than a
            # first character of a class ("(?<=[.!?]\s)[A-Z][a-z]+"), so it names the places instead.
            following = _firsts(rest, multiline)
            if following is not None and all(len(string) == 1 for string in following):
                return anchors
        if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue  # zero-width: the match starts with what follows
        if op == constants.LITERAL:
            run: list[str] = []
            for next_op, next_value in items[index:]:
                char = _literal(next_value) if next_op == constants.LITERAL else None
                if char is None:
                    break
                run.append(char)
            return frozenset(["".join(run)]) if run else None
        if op == constants.IN:
            return _class_chars(value)
        if op == constants.SUBPATTERN:
            return _firsts([*value[-1], *rest], multiline)
        if op == getattr(constants, "ATOMIC_GROUP", None):
            return _firsts([*value, *rest], multiline)
        if op == constants.BRANCH:
            return _union([_firsts([*branch, *rest], multiline) for branch in value[1]])
        if op in repeats:
            body = _firsts([*value[2], *rest], multiline)
            return body if value[0] >= 1 else _union([body, _firsts(rest, multiline)])
        return None
    return None  # nothing but assertions


def _anchors(op: Any, value: Any, multiline: bool) -> frozenset[str] | None:
    """For a positive lookbehind of fixed characters, the text's start, or a choice of these: ``AFTER`` markers
    (and ``TEXT_START``, ``LINE_START``, ``ASCII_ONLY``) naming every place where it holds; else None."""
    from re import _constants as constants  # type: ignore[attr-defined]

    if op == constants.AT:
        if value == constants.AT_BEGINNING_STRING:
            return frozenset([TEXT_START])
        if value == constants.AT_BEGINNING:
            return frozenset([LINE_START if multiline else TEXT_START])
        return None
    if op == constants.ASSERT and value[0] < 0:  # (lookbehind: direction -1)
        strings = [""]
        markers: set[str] = set()
        for item_op, item_value in value[1]:
            if item_op == constants.LITERAL:
                char = _literal(item_value)
                chars: frozenset[str] | None = None if char is None else frozenset([char])
            elif item_op == constants.IN:
                chars = _lookbehind_chars(item_value)
            else:
                return None
            if not chars:
                return None
            if ASCII_ONLY in chars:
                markers.add(ASCII_ONLY)
                chars = chars - {ASCII_ONLY}
            strings = [string + char for string in strings for char in sorted(chars)]
            if len(strings) > _MOST_AFTER:
                return None
        if strings == [""]:
            return None
        return frozenset([*(AFTER + string for string in strings), *markers])
    if op == constants.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            if len(branch) != 1:
                return None
            anchors = _anchors(*branch[0], multiline)
            if anchors is None:
                return None
            found |= anchors
        return frozenset(found)
    return None


#: The ASCII characters ``\s`` matches in a str pattern (others, such as a no-break space, are not ASCII).
_ASCII_SPACE = frozenset(chr(code) for code in range(128) if chr(code).isspace())


def _lookbehind_chars(members: Any) -> frozenset[str] | None:
    r"""``_class_chars`` of a lookbehind's class, where ``\s`` also stands for its ASCII characters (with
    ``ASCII_ONLY``: in other text it matches more)."""
    from re import _constants as constants  # type: ignore[attr-defined]

    chars: set[str] = set()
    plain = []
    for op, value in members:
        if op == constants.CATEGORY and value == constants.CATEGORY_SPACE:
            chars |= _ASCII_SPACE
            chars.add(ASCII_ONLY)
        else:
            plain.append((op, value))
    if plain:
        others = _class_chars(plain)
        if others is None:
            return None
        chars |= others
    return frozenset(chars)


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    found: set[str] = set()
    for strings in parts:
        if strings is None:
            return None
        found |= strings
    return frozenset(found)


def _class_chars(members: Any) -> frozenset[str] | None:
    """The lowercase characters a character class (not negated, of literals and small ranges) matches, or None."""
    from re import _constants as constants  # type: ignore[attr-defined]

    chars: set[str] = set()
    for op, value in members:
        if op == constants.LITERAL:
            codes: Any = (value,)
        elif op == constants.CATEGORY and value == constants.CATEGORY_DIGIT:
            chars.add(ASCII_ONLY)  # (``\d`` also matches other scripts' digits)
            codes = range(ord("0"), ord("9") + 1)
        elif op == constants.RANGE and value[1] - value[0] <= 128:
            codes = range(value[0], value[1] + 1)
        else:  # a negation, a category (\w, \s...), a wide range
            return None
        for code in codes:
            char = _literal(code)
            if char is None:
                return None
            chars.add(char)
    return frozenset(chars) if chars else None


def starts(strings: tuple[str, ...], folded: str, found: dict[Any, Any], dense: int = 0) -> list[int] | None:
    """Where one of ``strings`` (``first_strings``) starts in ``folded``, or a place its markers name, in order
    (kept in ``found`` for the other patterns); ``ASCII_ONLY`` is for the caller to heed. With ``dense``: None
    when they occur more than once in ``dense`` characters (counted before any list is made: then ``re``'s own
    scan of the text is quicker than a match at each place)."""
    places = found.get(strings, False)
    if places is not False:
        return places  # type: ignore[no-any-return]
    short, lines, plain, after = _plan(strings)
    if dense and (short or lines):
        # (Only strings of one or two characters are frequent enough to count.)
        count = folded.count
        total = sum(map(count, short)) + lines * (count("\n") + 1)
        if total * dense > len(folded):
            found[strings] = None
            return None
    if len(strings) == 1 and plain:
        places = occurrences(plain[0], folded, found)
    else:
        merged: set[int] = set()
        if TEXT_START in strings or lines:
            merged.add(0)
        if lines:
            merged.update(i + 1 for i in occurrences("\n", folded, found))
        for string, size in after:
            merged.update(i + size for i in occurrences(string, folded, found))
        get = found.get
        for string in plain:
            known = get(string)
            if known is None:
                if string not in folded:  # most strings of a long alternation: nothing to list
                    found[string] = []
                    continue
                known = occurrences(string, folded, found)
            merged.update(known)
        places = sorted(merged)
    found[strings] = places
    return places  # type: ignore[no-any-return]


@lru_cache(maxsize=4096)
def _plan(strings: tuple[str, ...]) -> tuple[tuple[str, ...], int, tuple[str, ...], tuple[tuple[str, int], ...]]:
    """``strings`` sorted out once for ``starts``: the strings (and strings after an ``AFTER`` marker) of one or
    two characters, counted to judge density; 1 when ``LINE_START`` is among them (else 0); the plain strings; the
    strings after ``AFTER`` markers, with their lengths."""
    plain = tuple(s for s in strings if s[:1] != "\0")
    after = tuple((s[len(AFTER) :], len(s) - len(AFTER)) for s in strings if s.startswith(AFTER))
    short = tuple(s for s in plain if len(s) <= 2) + tuple(s for s, size in after if size <= 2)
    return short, int(LINE_START in strings), plain, after


def match_at(
    regex: re.Pattern[str], positions: list[int], text: str, start: int, end: int, low: int | None = None
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, start, end)`` for a regex whose matches can start only at ``positions`` (in order):
    ``regex.match`` at each of them in ``[start, end)`` that no earlier match covers. Every such match is
    non-empty (it starts with a string of ``first_strings``), so the search goes on from its end. ``low``: the
    index of the first position at or after ``start``, when known."""
    match = regex.match
    position = start
    for i in positions[bisect_left(positions, start) if low is None else low :]:
        if i >= end:
            break
        if i < position:
            continue
        found = match(text, i, end)
        if found is not None:
            yield found
            position = found.end()


def needs_non_ascii(regex: str, flags: int = re.IGNORECASE) -> bool:
    """Whether every match of ``regex`` contains a character that is not ASCII and does not match an ASCII one
    when case is ignored, so that a search in an ASCII text cannot succeed (the emoji rule's characters)."""
    try:
        return _needs_non_ascii(parse(regex, flags))
    except (re.error, RecursionError, TypeError, ValueError):
        return False


def _non_ascii(code: int) -> bool:
    """Whether ``chr(code)`` is not ASCII and matches no ASCII character, case ignored (``_FOLD`` lists the two
    besides those whose lower case contains an ASCII letter)."""
    char = chr(code)
    return not char.isascii() and char not in "\u0131\u017f" and not any(c.isascii() for c in char.lower())


def _needs_non_ascii(items: Any) -> bool:
    from re import _constants as constants  # type: ignore[attr-defined]

    repeats = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))
    for op, value in items:
        if op == constants.LITERAL and _non_ascii(value):
            return True
        if op == constants.IN and _class_non_ascii(value):
            return True
        if op == constants.SUBPATTERN and _needs_non_ascii(value[-1]):
            return True
        if op == getattr(constants, "ATOMIC_GROUP", None) and _needs_non_ascii(value):
            return True
        if op == constants.BRANCH and all(_needs_non_ascii(branch) for branch in value[1]):
            return True
        if op in repeats and value[0] >= 1 and _needs_non_ascii(value[2]):
            return True
    return False


def _class_non_ascii(members: Any) -> bool:
    """Whether a character class (not negated) holds only characters ``_non_ascii`` accepts."""
    from re import _constants as constants  # type: ignore[attr-defined]

    for op, value in members:
        if op == constants.LITERAL:
            if not _non_ascii(value):
                return False
        elif op == constants.RANGE:
            low, high = value
            if high - low > 0x20000 or not all(_non_ascii(code) for code in range(low, high + 1)):
                return False
        else:  # a negation, a category (\w, \s...): may hold ASCII characters
            return False
    return True
