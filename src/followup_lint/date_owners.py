"""Whose date or deadline is it: this employer's, another employer's, or the candidate's own.

A follow-up names dates that belong to different people: "you mentioned you hoped to decide by March 14" (this
employer), "I have an offer from another company and need to answer by the 28th" (another employer), "I will be
away from the 3rd", "I can start as soon as possible" (the candidate). Only this employer's dates feed the
timing rules, and only a deadline set for this employer can make a sentence demanding.

The date expressions and the words that name an owner are data (``rules/_data/date-owners.yaml``). A date
belongs to the owner whose cue is nearest to it in the same clause (a cue before it counts as nearer than one
after it); with none in the clause, nearest in the same sentence; with none at all, to this employer. The
parsed file is kept in the user cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

OWNERS = ("employer", "other-employer", "candidate")
FILE = "date-owners.yaml"
#: When two cues are as near, the first owner here wins: a date next to "I need to make a decision" is the
#: candidate's even though "a decision" is also a cue for this employer.
_PRIORITY = {"other-employer": 0, "candidate": 1, "employer": 2}
#: How much farther a cue after the date counts than one before it, in characters.
_AFTER = 30
_SENTENCE = re.compile(r"[^.!?\n]+(?:\n(?![ \t]*\n)[^.!?\n]+)*[.!?]?")
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class OwnedTime:
    """A date, deadline or urgency word in a text: where it is and whose it is."""

    start: int
    end: int
    owner: str


@dataclass(frozen=True, slots=True)
class OwnerCues:
    """The compiled cue file."""

    times: re.Pattern[str]
    breaks: re.Pattern[str]
    owners: tuple[tuple[str, re.Pattern[str]], ...]
    default: str


@lru_cache(maxsize=1)
def cues() -> OwnerCues:
    """The cue file, from the user cache when it is unchanged, else parsed, checked and cached."""
    from . import cache
    from .data import builtin_rules_dir

    path = builtin_rules_dir() / "_data" / FILE
    data = cache.cached(f"date-owners-{_FORMAT}", cache.key(FILE, cache.stat_stamp([path])), lambda: _build(str(path)))
    return OwnerCues(
        re.compile("|".join(f"(?:{r})" for r in data["times"]), re.IGNORECASE),
        re.compile(data["clause-breaks"], re.IGNORECASE),
        tuple(
            (owner, re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE))
            for owner, regexes in data["owners"].items()
        ),
        data["default"],
    )


def _build(path: str) -> dict[str, Any]:
    """The cue file as plain data, every regex compiled once to check it."""
    import yaml

    from .engine.errors import RuleError

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle.read())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(path, None, f"cannot read the date owners ({exc})") from None
    if not isinstance(data, dict):
        raise RuleError(path, None, "must be a mapping with times, clause-breaks and owners")

    def regexes(value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not value:
            raise RuleError(path, where, "must be a list of regular expressions")
        for index, item in enumerate(value):
            try:
                re.compile(item, re.IGNORECASE)
            except (TypeError, re.error) as exc:
                raise RuleError(path, f"{where}[{index}]", f"not a valid regular expression ({exc})") from None
        return [str(item) for item in value]

    owners = data.get("owners")
    if not isinstance(owners, dict) or not owners:
        raise RuleError(path, "owners", "must map each owner to a list of regular expressions")
    for owner in owners:
        if owner not in OWNERS:
            raise RuleError(path, f"owners.{owner}", f"unknown owner (known: {', '.join(OWNERS)})")
    default = data.get("default", "employer")
    if default not in OWNERS:
        raise RuleError(path, "default", f"unknown owner {default!r}")
    breaks = data.get("clause-breaks", "[;:]")
    regexes([breaks], "clause-breaks")
    return {
        "times": regexes(data.get("times"), "times"),
        "clause-breaks": str(breaks),
        "owners": {
            owner: regexes(items, f"owners.{owner}")
            for owner, items in sorted(owners.items(), key=lambda kv: _PRIORITY[kv[0]])
        },
        "default": default,
    }


def _nearest(text: str, lo: int, hi: int, start: int, end: int, table: OwnerCues) -> str | None:
    """The owner whose cue in ``text[lo:hi]`` is nearest to the span ``start``-``end`` (None: no cue)."""
    best: tuple[int, int, str] | None = None
    for owner, pattern in table.owners:
        for match in pattern.finditer(text, lo, hi):
            if match.start() <= start < match.end() and match.end() >= end:
                continue  # the time inside a cue's own words is not its owner ("available from ...")
            # a cue after the date counts as farther: a date belongs to the words it completes ("unless your
            # offer reaches me by Thursday, I will sign with them": Thursday is this employer's)
            gap = start - match.end() if match.end() <= start else max(match.start() - end, 0) + _AFTER
            rank = (gap, _PRIORITY[owner], owner)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def owned_times(text: str) -> list[OwnedTime]:
    """Every date, deadline or urgency word in ``text``, with its owner."""
    return list(_owned_times(text))


@lru_cache(maxsize=1)
def _owned_times(text: str) -> tuple[OwnedTime, ...]:
    """``owned_times``, kept for the last text read: the rules that ask about one draft share one reading."""
    table = cues()
    out: list[OwnedTime] = []
    for sentence in _SENTENCE.finditer(text):
        s_lo, s_hi = sentence.span()
        times = [m for m in table.times.finditer(text, s_lo, s_hi) if m.group(0).strip()]
        if not times:
            continue
        cuts = [s_lo, *(m.end() for m in table.breaks.finditer(text, s_lo, s_hi)), s_hi]
        for match in times:
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            c_lo = max(c for c in cuts if c <= start)
            c_hi = min(c for c in cuts if c > start) if any(c > start for c in cuts) else s_hi
            c_hi = max(c_hi, end)
            owner = _nearest(text, c_lo, c_hi, start, end, table) or _nearest(text, s_lo, s_hi, start, end, table)
            out.append(OwnedTime(start, end, owner or table.default))
    return tuple(out)


def not_employers(text: str) -> list[tuple[int, int]]:
    """The spans of the dates and deadlines in ``text`` that are not this employer's."""
    return [(t.start, t.end) for t in owned_times(text) if t.owner != "employer"]
