"""``grammar-regex``: regular expressions whose fixes may reuse the match (``\\1``) or change its case.

Each item of ``regexes`` is a mapping: ``regex``; ``group`` (the part to flag and replace, default the whole
match); ``replacement`` (a ``re`` template: ``\\1``, ``\\g<name>``; its capitalisation follows the flagged text);
``transform`` (``capitalize``: the flagged text with its first letter upper-case, as the replacement);
``safe`` (default true); ``message`` and ``suggestion``. ``unless`` lists regexes that cancel a match they
overlap. Matches are ignored where the prose is blanked (URLs, e-mail addresses, quotes, code), so a span
the user did not write is never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix
from ..errors import RuleError
from ..literals import finditer, may_match, reach, required_literals
from ..schema import Field, check_fields, compile_regex, expand_gaps, string_list
from ..spans import DisjointSpans, SpanIndex
from .base import Check
from .phrases import match_case

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_ITEM_FIELDS = {
    "regex": Field(str, True),
    "group": Field((int, str)),
    "replacement": Field(str),
    "transform": Field(str),
    "safe": Field(bool),
    "message": Field(str),
    "suggestion": Field(str),
}
TRANSFORMS = ("capitalize",)


@dataclass(slots=True)
class _Item:
    pattern: str
    flags: int
    group: int | str
    replacement: str | None
    transform: str | None
    safe: bool
    message: str | None
    suggestion: str | None
    #: What every match contains and how far it reaches around it (``engine/literals.py``, found on first use):
    #: the regex is compiled and searched only when, and where, the prose contains it.
    literals: tuple[tuple[str, ...], ...] | None = None
    reach: int | None = None
    compiled: re.Pattern[str] | None = None

    def finditer(
        self,
        prose: str,
        folded: str,
        seen: dict[str, bool] | None = None,
        places: dict[str, list[int]] | None = None,
    ) -> Iterator[re.Match[str]]:
        """The regex's matches in ``prose`` (``folded``: the prose through ``literals.fold``; ``seen`` and
        ``places``: whether and where literals occur in it, as found so far for this prose)."""
        if self.literals is None:
            self.literals = required_literals(self.pattern)
            self.reach = reach(self.pattern, self.flags)
        seen = {} if seen is None else seen
        if self.compiled is None:
            if not may_match(self.literals, folded, seen):
                return iter(())  # not compiled until a draft contains its literals
            self.compiled = re.compile(self.pattern, self.flags)  # checked when the rule was loaded
        places = {} if places is None else places
        return finditer(self.compiled, self.literals, self.reach, prose, folded, 0, len(prose), seen, places)


def _parse(rule: Rule, check: bool = True) -> tuple[tuple[_Item, ...], tuple[_Item, ...]]:
    """The rule's items and ``unless`` patterns; with ``check``, every regex is compiled and checked (the
    loader's validation), else compiling waits for a draft that contains the regex's literal words."""
    path, spec = rule.path, rule.spec
    flags = 0 if spec.get("case", "insensitive") == "sensitive" else re.IGNORECASE
    if spec.get("case", "insensitive") not in ("sensitive", "insensitive"):
        raise RuleError(path, "case", "must be sensitive or insensitive")
    raw = spec.get("regexes")
    if not isinstance(raw, list) or not raw:
        raise RuleError(path, "regexes", "needs a list of at least one item")
    items = []
    for index, entry in enumerate(raw):
        where = f"regexes[{index}]"
        if isinstance(entry, str):
            entry = {"regex": entry}
        if not isinstance(entry, dict):
            raise RuleError(path, where, "must be a regex or a mapping with `regex`")
        check_fields(path, entry, _ITEM_FIELDS, where + ".")
        group = entry.get("group", 0)
        if check:
            regex = compile_regex(path, where + ".regex", entry["regex"], flags)
            known = group <= regex.groups if isinstance(group, int) else group in regex.groupindex
            if not known:
                raise RuleError(path, where + ".group", f"the regex has no group {group!r}")
        transform = entry.get("transform")
        if transform is not None and transform not in TRANSFORMS:
            raise RuleError(path, where + ".transform", f"must be one of {', '.join(TRANSFORMS)}")
        items.append(
            _Item(
                expand_gaps(entry["regex"]),
                flags,
                group,
                entry.get("replacement"),
                transform,
                entry.get("safe", True),
                entry.get("message"),
                entry.get("suggestion"),
            )
        )
    unless = []
    for i, pattern in enumerate(string_list(path, "unless", spec.get("unless", []))):
        if check:
            compile_regex(path, f"unless[{i}]", pattern, flags)
        unless.append(_Item(expand_gaps(pattern), flags, 0, None, None, True, None, None))
    return tuple(items), tuple(unless)


class GrammarRegex(Check):
    """Regular expressions over the prose with replacements built from the match."""

    fields: ClassVar[dict[str, Field]] = {
        "regexes": Field(list, True, "mappings with regex, group, replacement, transform, safe, message"),
        "unless": Field((list, str), False, "regexes that cancel an overlapping match"),
        "case": Field(str, False, "insensitive (default) or sensitive"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        _parse(rule)

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.items, self.unless = _parse(rule, check=False)

    def run(self, doc: Document) -> Iterator[Finding]:
        prose, source = doc.prose, doc.source
        folded = doc.folded  # ``fold(prose)``, shared by the rules
        seen, places = doc.literals_seen, doc.literal_places
        cancel: SpanIndex | None = None
        taken = DisjointSpans()
        for item in self.items:
            for match in item.finditer(prose, folded, seen, places):
                start, end = match.span(item.group)
                whole_start, whole_end = match.span()
                if start < 0 or source[whole_start:whole_end] != prose[whole_start:whole_end]:
                    continue  # part of the match is blanked: not the user's prose
                if cancel is None:  # the `unless` regexes run only once something matched
                    cancel = SpanIndex(
                        (m.start(), m.end()) for rx in self.unless for m in rx.finditer(prose, folded, seen, places)
                    )
                if cancel.overlaps(whole_start, whole_end):
                    continue
                if taken.overlaps(start, end) or (start == end and not item.replacement):
                    continue
                taken.add(start, end)
                yield self._finding(doc, match, item, start, end)

    def _finding(self, doc: Document, match: re.Match[str], item: _Item, start: int, end: int) -> Finding:
        text = doc.source[start:end]
        replacement: str | None = None
        if item.transform == "capitalize":
            replacement = text[:1].upper() + text[1:]
        elif item.replacement is not None:
            replacement = match_case(text, match.expand(item.replacement))
        fixes = (Fix(start, end - start, replacement, item.safe),) if replacement is not None else ()
        values: dict[str, Any] = {"match": text, "replacement": replacement or ""}
        return self.finding(
            doc, start, end, message=item.message, suggestion=item.suggestion, fixes=fixes, values=values
        )
