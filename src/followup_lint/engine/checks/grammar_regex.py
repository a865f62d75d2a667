"""``grammar-regex``: regular expressions whose fixes may reuse the match (``\\1``) or change its case.

Each item of ``regexes`` is a regex item of ``checks/matching.py`` (the one regex model, shared with phrase
rules): ``regex``; ``group`` (the part to flag and replace, default the whole match); ``case`` (the item's,
else the rule's); ``replacement`` (group references ``\\1``, ``\\g<name>``; its capitalisation follows the
flagged text); ``transform`` (``capitalize``: the flagged text with its first letter upper-case, as the
replacement); ``safe`` (default true); ``message`` and ``suggestion``. ``unless`` lists regexes that cancel a
match they overlap. Unlike phrase rules, items are tried in order (the first to flag a span keeps it), ``^``
is the draft's start, and matches are ignored where the prose is blanked (URLs, e-mail addresses, quotes,
code), so a span the user did not write is never flagged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix
from ..errors import RuleError
from ..schema import Field, check_fields, string_list
from ..spans import DisjointSpans, SpanIndex
from .base import Check
from .matching import ITEM_FIELDS, Item, parse_regex
from .phrases import replacements

if TYPE_CHECKING:
    import re

    from ..document import Document
    from ..rule import Rule

_ITEM_FIELDS = {**{k: v for k, v in ITEM_FIELDS.items() if k not in ("phrase", "pattern")}, "regex": Field(str, True)}


def _parse(rule: Rule, check: bool = True) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """The rule's items and ``unless`` patterns; with ``check``, every regex is compiled and checked (the
    loader's validation), else compiling waits for a draft that contains the regex's literal words."""
    path, spec = rule.path, rule.spec
    case = spec.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
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
        items.append(parse_regex(path, where, entry, 0, case, check=check))
    unless = [
        parse_regex(path, f"unless[{i}]", {"regex": pattern, "replacement": ""}, 0, case, check=check)
        for i, pattern in enumerate(string_list(path, "unless", spec.get("unless", [])))
    ]
    for item in (*items, *unless):  # searched as written, as before the engines were one (see Regex)
        if item.regex is not None:
            item.regex.without_precheck()
    return tuple(items), tuple(unless)


class GrammarRegex(Check):
    """Regular expressions over the prose with replacements built from the match."""

    fields: ClassVar[dict[str, Field]] = {
        "regexes": Field(list, True, "mappings with regex, group, case, replacement, transform, safe, message"),
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
        prose, source, end_of_prose = doc.prose, doc.source, len(doc.prose)
        runs: list[tuple[int, int]] = []
        cancel: SpanIndex | None = None
        taken = DisjointSpans()
        for item in self.items:
            for match in item.regex.search(doc, 0, end_of_prose, runs):  # type: ignore[union-attr]
                start, end = match.span(item.group)
                whole_start, whole_end = match.span()
                if start < 0 or source[whole_start:whole_end] != prose[whole_start:whole_end]:
                    continue  # part of the match is blanked: not the user's prose
                if cancel is None:  # the `unless` regexes run only once something matched
                    cancel = SpanIndex(
                        (m.start(), m.end())
                        for rx in self.unless
                        for m in rx.regex.search(doc, 0, end_of_prose, runs)  # type: ignore[union-attr]
                    )
                if cancel.overlaps(whole_start, whole_end):
                    continue
                if taken.overlaps(start, end) or (start == end and not item.replacements):
                    continue
                taken.add(start, end)
                yield self._finding(doc, match, item, start, end)

    def _finding(self, doc: Document, match: re.Match[str], item: Item, start: int, end: int) -> Finding:
        text = doc.source[start:end]
        made = replacements(item, match, text, {**doc.context.values(), "match": text})
        fixes = tuple(Fix(start, end - start, replacement, item.safe) for replacement in made)
        values: dict[str, Any] = {"match": text, "replacement": made[0] if made else ""}
        return self.finding(
            doc, start, end, message=item.message, suggestion=item.suggestion, fixes=fixes, values=values
        )
