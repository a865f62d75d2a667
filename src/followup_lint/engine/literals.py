"""Literal words a regular expression needs, so that a search that cannot succeed is skipped.

``required_literals`` reads a pattern's parse tree: every text the pattern matches (ignoring case) contains,
for each returned set, one of its lowercase strings. ``fold`` lowercases a text so that such a string occurs in
it wherever ``re.IGNORECASE`` would find the letters. Testing ``any(s in fold(text) for s in strings)`` for each
set before searching only skips searches that would fail: the results are those of searching every pattern.
"""

from __future__ import annotations

import re
from typing import Any

#: The only non-ASCII characters a case-insensitive ASCII letter matches in ``re`` besides those whose
#: ``lower()`` is or contains that letter (found by trying every code point): dotless i and long s.
_FOLD = str.maketrans({"\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lowercased so that a lowercase ASCII literal occurs in it wherever ``re.IGNORECASE`` finds it."""
    return text.lower().translate(_FOLD)


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
    from re import _parser as parser  # type: ignore[attr-defined]

    try:
        found = _sequence(parser.parse(regex, re.IGNORECASE))
    except (re.error, RecursionError, TypeError):
        return ()
    useful = {strings for strings in found if min(map(len, strings)) >= 3}  # "a" or "th" occur in any text
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
