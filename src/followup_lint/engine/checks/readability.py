"""``readability``: the reading grade of the draft and over-long sentences.

``measure: grade`` computes the Flesch-Kincaid grade of the body's sentences as textstat 0.7.4 does
(``engine/readability_formulas.py``, syllables from pyphen's bundled dictionary: nothing is downloaded), stores
it as the report metric ``grade`` and fires when it is above the ``max`` option, pointing at the hardest
sentence. ``measure: sentence-length`` fires on each sentence longer than ``max`` words. The greeting and the
closing lines are not sentences of the message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding
from ..errors import RuleError
from ..metrics import WORD
from ..readability_formulas import flesch_kincaid_grade
from ..schema import Field
from .base import Check
from .structure import closing

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

MEASURES = ("grade", "sentence-length")
_LIST_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*+\u2022]|\d{1,2}[.)])[ \t])")
_PARAGRAPH = re.compile(r"\n[ \t]*\r?\n")
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"'\u201d\u2019)\]]*+\s++(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_NOT_AN_END = re.compile(
    r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Jr|Sr|vs|e\.g|i\.e|approx|No|Mt|Ft|Lt|Gen|Capt|Sgt|Rev|Hon)\.", re.I
)
_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|approx|Inc|Corp|Ltd|Co)\.", re.I)


def sentences(doc: Document) -> list[tuple[int, int]]:
    """The body's sentences as prose ranges, without the greeting and the closing lines.

    Sentences end at ``.``, ``!`` or ``?`` before a capital (not after "Mr." or an initial), at blank lines
    and before list items; a line break inside a paragraph does not end one (drafts are often hard-wrapped).
    Worked out once per draft, as the ``grade_sentences`` analysis (the grade, the long-sentence rule and the
    grade metric read them).
    """
    return doc.grade_sentences


def find_sentences(doc: Document) -> list[tuple[int, int]]:
    """The ``grade_sentences`` analysis (``pipeline.ANALYSES``): see ``sentences``."""
    layout = doc.layout
    start = layout.greeting.end if layout.greeting else doc.draft.body_start
    found = closing(doc)
    end = found[0] if found else len(doc.prose)
    prose = doc.prose
    cuts = {start, end}
    for pattern in (_PARAGRAPH, _LIST_ITEM):
        cuts.update(m.end() for m in pattern.finditer(prose, start, end))
    for m in _BOUNDARY.finditer(prose, start, end):
        word = prose[max(start, m.start() - 12) : m.start() + 1].split()[-1] if m.start() > start else ""
        if word and (_NOT_AN_END.fullmatch(word) or re.fullmatch(r"[A-Z]\.", word)):
            continue
        cuts.add(m.end())
    out: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(sorted(cuts)):
        text = prose[a:b]
        if WORD.search(text):
            a += len(text) - len(text.lstrip())
            out.append((a, a + len(text.strip())))
    return out


def _clean(text: str) -> str:
    text = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", ""), " ".join(text.split()))
    return text if text[-1:] in ".!?" else text + "."


def sentence_grade(text: str) -> float:
    """The Flesch-Kincaid grade of one sentence."""
    return flesch_kincaid_grade(_clean(text))


def grade(doc: Document) -> float:
    """The ``grade`` metric (``pipeline.METRICS``): the Flesch-Kincaid grade of the body's sentences (0 for an
    empty body)."""
    parts = [_clean(doc.prose[a:b]) for a, b in sentences(doc)]
    if not parts:
        return 0.0
    return round(flesch_kincaid_grade(" ".join(parts)), 1)


class Readability(Check):
    """The reading grade of the draft, or over-long sentences (see the module docstring)."""

    fields: ClassVar[dict[str, Field]] = {
        "measure": Field(str, True, "grade (Flesch-Kincaid, whole draft) or sentence-length (words per sentence)"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        measure = rule.spec["measure"]
        if measure not in MEASURES:
            raise RuleError(rule.path, "measure", f"must be one of {', '.join(MEASURES)}")
        needed = ("max", "min_words") if measure == "grade" else ("max",)
        for option in needed:
            value = rule.options.get(option)
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise RuleError(rule.path, f"options.{option}", "must be a number")

    def run(self, doc: Document) -> Iterator[Finding]:
        if not doc.prose[doc.draft.body_start :].strip():
            return
        limit = self.rule.options["max"]
        spans = sentences(doc)
        if self.rule.spec["measure"] == "sentence-length":
            for a, b in spans:
                count = len(WORD.findall(doc.prose, a, b))
                if count > limit:
                    yield self.finding(doc, a, b, values={"value": count, "limit": limit})
            return
        value = doc.metric("grade")
        words = sum(len(WORD.findall(doc.prose, a, b)) for a, b in spans)
        if value > limit and words >= self.rule.options["min_words"] and spans:
            a, b = max(spans, key=lambda s: sentence_grade(doc.prose[s[0] : s[1]]))
            yield self.finding(doc, a, b, values={"value": value, "limit": limit})
