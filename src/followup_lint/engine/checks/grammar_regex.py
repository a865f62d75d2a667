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
from ..schema import Field, check_fields, compile_regex, string_list
from .base import Check, register
from .languagetool import install as _install_languagetool
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


@dataclass(frozen=True, slots=True)
class _Item:
    regex: re.Pattern[str]
    group: int | str
    replacement: str | None
    transform: str | None
    safe: bool
    message: str | None
    suggestion: str | None


def _parse(rule: Rule) -> tuple[tuple[_Item, ...], tuple[re.Pattern[str], ...]]:
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
        regex = compile_regex(path, where + ".regex", entry["regex"], flags)
        group = entry.get("group", 0)
        known = group <= regex.groups if isinstance(group, int) else group in regex.groupindex
        if not known:
            raise RuleError(path, where + ".group", f"the regex has no group {group!r}")
        transform = entry.get("transform")
        if transform is not None and transform not in TRANSFORMS:
            raise RuleError(path, where + ".transform", f"must be one of {', '.join(TRANSFORMS)}")
        items.append(
            _Item(
                regex,
                group,
                entry.get("replacement"),
                transform,
                entry.get("safe", True),
                entry.get("message"),
                entry.get("suggestion"),
            )
        )
    unless = tuple(
        compile_regex(path, f"unless[{i}]", p, flags)
        for i, p in enumerate(string_list(path, "unless", spec.get("unless", [])))
    )
    return tuple(items), unless


@register("grammar-regex")
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
        self.items, self.unless = _parse(rule)

    def run(self, doc: Document) -> Iterator[Finding]:
        prose, source = doc.prose, doc.source
        cancel = [(m.start(), m.end()) for rx in self.unless for m in rx.finditer(prose)]
        taken: list[tuple[int, int]] = []
        for item in self.items:
            for match in item.regex.finditer(prose):
                start, end = match.span(item.group)
                whole_start, whole_end = match.span()
                if start < 0 or source[whole_start:whole_end] != prose[whole_start:whole_end]:
                    continue  # part of the match is blanked: not the user's prose
                if any(s < whole_end and whole_start < e for s, e in cancel):
                    continue
                if any(s < end and start < e for s, e in taken) or (start == end and not item.replacement):
                    continue
                taken.append((start, end))
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


_install_languagetool()  # the optional LanguageTool backend merges into typo and grammar findings
