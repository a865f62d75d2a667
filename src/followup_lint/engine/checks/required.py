"""``required``: report when none of the phrases occurs (no thanks, no company named, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding, Fix, Severity
from ..errors import RuleError
from ..kinds import KINDS, kind_is_sure
from ..schema import Field, check_fields
from ..templates import first_filled
from .base import Check
from .meaning import Meaning
from .phrases import MATCH_FIELDS, LazyMatchers, build_matchers, scope_range

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_INSERT_FIELDS = {
    "at": Field(str, False, "after-greeting (default), body-start or before-sign-off"),
    "templates": Field(list, True, "sentences to insert, first whose {fields} are all known"),
    "safe": Field(bool, False, "whether --fix may insert it without review (default false)"),
}
_POSITIONS = ("after-greeting", "body-start", "before-sign-off")


class Required(LazyMatchers, Check):
    """Fires once, at the start of the body, when nothing in the draft matches; may insert a sentence."""

    fields: ClassVar[dict[str, Field]] = {
        **MATCH_FIELDS,
        "insert": Field(dict, False, "a sentence to insert as the fix"),
        "meaning": Field(list, False, "concept sets: one sentence matching every concept of a set carries it"),
        "kind-severity": Field(
            dict,
            False,
            "severity per kind of message, used when the kind is given or detected surely (a check-in without "
            "thanks is a suggestion, a thank-you note without thanks an error); else the rule's severity",
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        build_matchers(rule)
        Meaning.parse(rule.path, rule.spec.get("meaning"))
        cls.kind_severity(rule)
        insert = rule.spec.get("insert")
        if insert is not None:
            check_fields(rule.path, insert, _INSERT_FIELDS, "insert.")
            if insert.get("at", "after-greeting") not in _POSITIONS:
                raise RuleError(rule.path, "insert.at", f"must be one of {', '.join(_POSITIONS)}")
            if not insert["templates"] or not all(isinstance(t, str) for t in insert["templates"]):
                raise RuleError(rule.path, "insert.templates", "must be a non-empty list of strings")

    @staticmethod
    def kind_severity(rule: Rule) -> dict[str, Severity]:
        """The rule's ``kind-severity`` table, checked."""
        out = {}
        for kind, value in (rule.spec.get("kind-severity") or {}).items():
            if kind not in KINDS:
                raise RuleError(rule.path, f"kind-severity.{kind}", f"unknown kind (known: {', '.join(KINDS)})")
            try:
                out[kind] = Severity.parse(value)
            except (ValueError, AttributeError, TypeError) as exc:
                raise RuleError(rule.path, f"kind-severity.{kind}", str(exc)) from None
        return out

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.by_kind = self.kind_severity(rule)
        self.scope = rule.spec.get("scope", "prose")
        self.insert = rule.spec.get("insert")
        self.meaning = Meaning.parse(rule.path, rule.spec.get("meaning"))

    def run(self, doc: Document) -> Iterator[Finding]:
        bounds = scope_range(doc, self.scope) or (doc.draft.body_start, doc.draft.body_start)
        if not doc.prose[doc.draft.body_start :].strip():
            return  # an empty draft has nothing to judge
        if self.rule.kinds and not kind_is_sure(doc):
            return  # what a kind of note lacks is judged only when the kind is sure
        matcher, unless = self.matchers()
        matches = matcher.find(doc, *bounds)
        if matches and unless:
            cancel = unless.find(doc, *bounds, every=True)
            matches = [m for m in matches if not any(c.start < m.end and m.start < c.end for c in cancel)]
        if matches or (self.meaning is not None and self.meaning.found(doc.prose[bounds[0] : bounds[1]])):
            return
        at = self.body_anchor(doc)
        fixes: tuple[Fix, ...] = ()
        values: dict[str, str] = {}
        if self.insert:
            sentence = first_filled(self.insert["templates"], doc.context.values())
            if sentence:
                values["sentence"] = sentence
                fixes = (self.insertion(doc, sentence),)
        yield self.finding(doc, at, at, fixes=fixes, values=values, severity=self.severity_for(doc))

    def severity_for(self, doc: Document) -> Severity | None:
        """The severity for this draft's kind (``kind-severity``) when the kind is given or sure, else None (the
        rule's own): how sure a missing part is a fault depends on what the message is."""
        if not self.by_kind or not kind_is_sure(doc) or self.rule.severity_configured:
            return None
        return self.by_kind.get(doc.kind[0])

    @staticmethod
    def body_anchor(doc: Document) -> int:
        """The first character of the message body's text (after leading blank lines)."""
        start = doc.draft.body_start
        return start + len(doc.prose[start:]) - len(doc.prose[start:].lstrip())

    def insertion(self, doc: Document, sentence: str) -> Fix:
        """A fix inserting ``sentence`` as its own paragraph at the configured place."""
        nl = doc.draft.newline
        layout = doc.layout
        at = self.insert.get("at", "after-greeting") if self.insert else "after-greeting"
        safe = bool(self.insert.get("safe", False)) if self.insert else False
        if at == "before-sign-off" and layout.sign_off is not None:
            return Fix(layout.sign_off.start, 0, sentence + nl + nl, safe)
        if at != "body-start" and layout.greeting is not None:
            paragraph = layout.first_paragraph
            if paragraph is not None:
                return Fix(paragraph.content_start, 0, sentence + nl + nl, safe)
            return Fix(layout.greeting.content_end, 0, nl + nl + sentence, safe)
        return Fix(self.body_anchor(doc), 0, sentence + nl + nl, safe)
