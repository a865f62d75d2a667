"""``existence`` and ``substitution``: report phrases that should not be there, with a better wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix
from ..errors import RuleError
from ..schema import Field
from ..spans import SpanIndex
from .base import Check
from .matching import Matcher, parse_items, render, transformed

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

SCOPES = ("prose", "body", "subject")

MATCH_FIELDS: dict[str, Field] = {
    "phrases": Field(list, False, "phrases, matched case-insensitively on whole tokens"),
    "patterns": Field(list, False, "spaCy Matcher token patterns"),
    "regexes": Field(list, False, "regular expressions over the prose"),
    "unless": Field(dict, False, "phrases/patterns/regexes that, where they overlap a match, cancel it"),
    "scope": Field(str, False, "prose (default), body or subject"),
}


def scope_range(doc: Document, scope: str) -> tuple[int, int] | None:
    """The prose range a rule looks at; None when the draft has no such part."""
    if scope == "subject":
        return doc.draft.subject_span
    if scope == "body":
        return doc.draft.body_start, len(doc.prose)
    return 0, len(doc.prose)


def build_matchers(rule: Rule, *, check: bool = True) -> tuple[Matcher, Matcher | None]:
    """The rule's matcher and its ``unless`` matcher (``check``: compile and check every regex now)."""
    items = parse_items(rule.path, rule.spec, check=check)
    if not items:
        raise RuleError(rule.path, "phrases", "needs at least one of phrases, patterns or regexes")
    unless = rule.spec.get("unless")
    exceptions = (
        Matcher(rule.path, "unless", parse_items(rule.path, unless, "unless.", check=check)) if unless else None
    )
    return Matcher(rule.path, "phrases", items), exceptions


def needs_tokens(rule: Rule) -> bool:
    """Whether the rule has phrases or token patterns (here or in ``unless``), which match on tokens."""
    unless = rule.spec.get("unless")
    specs = (rule.spec, unless if isinstance(unless, dict) else {})
    return any(spec.get(key) for spec in specs for key in ("phrases", "patterns"))


class LazyMatchers:
    """A rule's matchers, built the first time a draft needs them.

    Compiling a rule's regexes costs 0.2 to 1 ms each, and many rules never run in a process (rules for
    another message kind, rules that need a context field). The loader validated the rule already (now or,
    through its cache, in an earlier process), so building later cannot fail; token patterns are still
    compiled in ``prepare`` so that one spaCy refuses is reported before the first draft, as before.
    """

    rule: Rule
    _built: tuple[Matcher, Matcher | None] | None = None

    @property
    def matcher(self) -> Matcher:
        return self.matchers()[0]

    @property
    def unless(self) -> Matcher | None:
        return self.matchers()[1]

    def matchers(self) -> tuple[Matcher, Matcher | None]:
        if self._built is None:
            self._built = build_matchers(self.rule, check=False)  # validated when the rule was loaded
        return self._built

    def prepare(self) -> None:
        if needs_tokens(self.rule):
            for matcher in self.matchers():
                if matcher is not None:
                    matcher.prepare()


class PhraseCheck(LazyMatchers, Check):
    """Shared by ``existence`` and ``substitution``."""

    fields: ClassVar[dict[str, Field]] = MATCH_FIELDS

    @classmethod
    def validate(cls, rule: Rule) -> None:
        scope = rule.spec.get("scope", "prose")
        if scope not in SCOPES:
            raise RuleError(rule.path, "scope", f"must be one of {', '.join(SCOPES)}")
        build_matchers(rule)

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.scope = rule.spec.get("scope", "prose")

    def run(self, doc: Document) -> Iterator[Finding]:
        bounds = scope_range(doc, self.scope)
        if bounds is None:
            return
        matcher, unless = self.matchers()
        matches = matcher.find(doc, *bounds)
        if matches and unless:
            cancel = SpanIndex((c.start, c.end) for c in unless.find(doc, *bounds, every=True))
            matches = [m for m in matches if not cancel.overlaps(m.start, m.end)]
        for match in matches:
            text = doc.source[match.start : match.end]
            values: dict[str, Any] = {"match": text}
            fixes = [
                Fix(match.start, match.end - match.start, replacement, match.item.safe)
                for replacement in replacements(match.item, match.found, text, {**doc.context.values(), "match": text})
            ]
            if fixes:
                values["replacement"] = fixes[0].replacement
            yield self.finding(
                doc,
                match.start,
                match.end,
                message=match.item.message,
                suggestion=match.item.suggestion,
                fixes=tuple(fixes),
                values=values,
            )


def replacements(item: Any, found: Any, text: str, values: dict[str, Any]) -> list[str]:
    """An item's replacements of the flagged ``text`` (``found``: its regex match, for group references), each
    with the capitalisation of ``text``: its ``transform``, or its templates that can be filled."""
    made = transformed(item, text)
    if made is not None:
        return [made]
    # An all-caps match is not shouted back: what the replacement copies of it is in lower case, and
    # ``match_case`` then gives a one-word replacement capitals and leaves a longer one in lower case.
    shouted = text.isupper() and len(text) > 1
    filled = (render(template, found, values, lower=shouted) for template in item.replacements)
    return [match_case(text, replacement) for replacement in filled if replacement is not None]


def match_case(original: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` (UPPER, Title or as written)."""
    if not replacement:
        return replacement
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        return replacement if " " in replacement else replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Existence(PhraseCheck):
    """Report every occurrence of a phrase or pattern; items may carry a replacement."""


class Substitution(PhraseCheck):
    """Like ``existence``, but every item must say what to write instead (its ``replacement``)."""

    @classmethod
    def validate(cls, rule: Rule) -> None:
        super().validate(rule)
        for item in parse_items(rule.path, rule.spec):
            if not item.replacements:
                raise RuleError(rule.path, "phrases", "every item of a substitution rule needs a `replacement`")
