"""``personalization``: whether the draft is about this employer, this role and this person.

With ``mention: company | role | interviewer`` the rule needs that context field and fires, once at the start
of the body, when the draft never refers to it (the full name, a distinctive word of it such as "Acme" for
"Acme Corp" or "nurse" for "charge nurse", or a near-miss spelling, which ``wrong-name.spelling`` reports).
With ``mention: specific`` it runs only when neither company nor role is known, and fires when the draft
names no employer or role at all (no capitalised name in its sentences, no "the analyst position").

Without ``mention`` it works like ``existence`` (``phrases``/``patterns``/``regexes``), but only when the
context fields listed in ``requires`` are known ("Dear Hiring Manager" when the interviewer is known).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding
from ..errors import RuleError
from ..schema import Field, string_list
from .base import Check
from .names import CAP_WORD, TITLES, near_miss, ordinary_word, person_words, same_name
from .phrases import MATCH_FIELDS, PhraseCheck

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

MENTIONS = ("company", "role", "interviewer", "specific")
CONTEXT_FIELDS = ("company", "role", "interviewer")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\u2014\"\u201c(]|\s-)\s*$")


class Personalization(PhraseCheck):
    """See the module docstring."""

    fields: ClassVar[dict[str, Field]] = {
        **MATCH_FIELDS,
        "mention": Field(str, False, "company, role, interviewer or specific: what the draft must refer to"),
        "requires": Field(list, False, "context fields (company, role, interviewer) the rule needs to run"),
        "generic": Field(list, False, "words that never make a name or role specific (ignored, not reported)"),
        "role-words": Field(list, False, "nouns that name a job (analyst, nurse, ...), for mention: specific"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        mention = rule.spec.get("mention")
        for key in ("requires", "generic", "role-words"):
            string_list(rule.path, key, rule.spec.get(key, []))
        for item in rule.spec.get("requires", []):
            if item not in CONTEXT_FIELDS:
                raise RuleError(rule.path, "requires", f"unknown context field {item!r}")
        if mention is None:
            super().validate(rule)
        elif mention not in MENTIONS:
            raise RuleError(rule.path, "mention", f"must be one of {', '.join(MENTIONS)}")

    def __init__(self, rule: Rule) -> None:
        Check.__init__(self, rule)
        self.mention = rule.spec.get("mention")
        self.requires = tuple(rule.spec.get("requires", []))
        self.generic = {w.lower() for w in rule.spec.get("generic", [])}
        self.role_words = {w.lower() for w in rule.spec.get("role-words", [])}
        if self.mention is None:
            super().__init__(rule)

    def prepare(self) -> None:
        if self.mention is None:
            super().prepare()

    def run(self, doc: Document) -> Iterator[Finding]:
        values = doc.context.values()
        if any(not values.get(field) for field in self.requires):
            return
        if self.mention is None:
            yield from super().run(doc)
            return
        body = doc.prose[doc.draft.body_start :]
        if not body.strip() or doc.metric("words") < self.rule.options.get("min-words", 0):
            return  # too short to tell a template from a quick note
        if self._mentioned(doc):
            return
        at = doc.draft.body_start + len(body) - len(body.lstrip())
        yield self.finding(doc, at, at)

    # -- what counts as a reference -----------------------------------------------------------------------------

    def _mentioned(self, doc: Document) -> bool:
        ctx = doc.context
        if self.mention == "company":
            if ctx.company is None:
                return True
            words = self._distinctive(ctx.company)
            initials = "".join(w[0] for w in _WORD.findall(ctx.company) if w[:1].isupper())
            if len(initials) >= 3 and re.search(rf"\b{initials}\b", doc.prose):
                return True  # "IBM" for International Business Machines
            return _refers(doc.prose, ctx.company, words)
        if self.mention == "role":
            return ctx.role is None or _refers(doc.prose, ctx.role, self._distinctive(ctx.role), stems=True)
        if self.mention == "interviewer":
            if not ctx.interviewers:
                return True
            words = [w for person in ctx.interviewers for w in person_words(person)]
            if any(_refers(doc.prose, person, words) for person in ctx.interviewers):
                return True
            written = {m.group(0) for m in CAP_WORD.finditer(doc.prose)}
            return any(same_name(token, word) for token in written for word in words)
        if ctx.company or ctx.role:
            return True  # the company/role rules judge drafts with context
        return self._names_something(doc)

    def _distinctive(self, name: str) -> list[str]:
        words = [w for w in _WORD.findall(name) if len(w) >= 3 and w.lower() not in self.generic]
        return words or _WORD.findall(name)

    def _names_something(self, doc: Document) -> bool:
        """Whether the draft names an employer, a team, a product or a role (no context given)."""
        prose = doc.prose
        layout = doc.layout
        start = layout.greeting.end if layout.greeting else doc.draft.body_start
        end = layout.sign_off.start if layout.sign_off else len(prose)
        addressee = set()
        if layout.greeting is not None:
            addressee = {
                m.group(0).lower() for m in CAP_WORD.finditer(prose, layout.greeting.start, layout.greeting.end)
            }
        for token in CAP_WORD.finditer(prose, start, end):
            word = token.group(0)
            lower = word.lower()
            if lower in self.generic or lower in addressee or lower.rstrip(".") in TITLES or len(word) < 2:
                continue
            if word.isupper() and len(word) > 1:
                if ordinary_word(word):
                    continue  # an ordinary word in capitals is emphasis, not a name
                return True  # an acronym: a company, school or product
            before = prose[max(start, token.start() - 40) : token.start()]
            if _SENTENCE_START.search(before):
                continue  # a capital that only starts a sentence
            return True
        words = [m.group(0).lower() for m in _WORD.finditer(prose, start, end)]
        return any(w in self.role_words or w.rstrip("s") in self.role_words for w in words)


def _refers(prose: str, name: str, words: list[str], *, stems: bool = False) -> bool:
    """Whether ``prose`` contains ``name``, one of its distinctive ``words`` or a near-miss spelling of one."""
    if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", prose, re.IGNORECASE):
        return True
    tokens = [m.group(0) for m in _WORD.finditer(prose)]
    lowered = {t.lower().rstrip("'\u2019s") for t in tokens} | {t.lower() for t in tokens}
    for word in words:
        w = word.lower()
        if w in lowered:
            return True
        if stems:
            stem = w[: max(4, len(w) - 2)]
            if any(t.startswith(stem) for t in lowered):
                return True
        elif word[:1].isupper() and any(near_miss(t, word) and not ordinary_word(t) for t in tokens if t[:1].isupper()):
            return True
    return False
