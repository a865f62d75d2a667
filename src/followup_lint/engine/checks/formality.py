"""``formality``: shouting capitals ("I am VERY excited", "THANK YOU SO MUCH"), not acronyms (SQL, HR, NASA).

A capitalised run is shouting when it has a word of at least ``min_letters`` letters, or two or more words,
whose lowercase form is an ordinary English word (Hunspell's en_US dictionary from spylls) and that is not
in ``acronyms``. The fix writes the run in lowercase (keeping a capital where a sentence starts, and "I").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding, Fix, Severity
from ..errors import RuleError
from ..schema import Field, string_list
from .base import Check
from .names import ordinary_word
from .structure import closing

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_CAPS_RUN = re.compile(
    r"(?<![\w'\u2019-])[A-Z]{2,}(?:['\u2019][A-Z]+)?(?: {1,2}(?:I|A|[A-Z]{2,}(?:['\u2019][A-Z]+)?))*(?![\w'\u2019-])"
)
_CAPS_WORD = re.compile(r"[A-Z]+(?:['\u2019][A-Z]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


class Formality(Check):
    """Shouting capitals (see the module docstring)."""

    fields: ClassVar[dict[str, Field]] = {
        "acronyms": Field(list, False, "capitalised words that are never shouting (IT, US, OK, ...)"),
        "emphasis": Field(list, False, "short words that are shouting on their own (SO, NOT, TOO, ...)"),
        "intensifiers": Field(
            list, False, "words that are surely shouting alone (VERY, REALLY, ...); other lone words are a suggestion"
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        string_list(rule.path, "acronyms", rule.spec.get("acronyms", []))
        string_list(rule.path, "emphasis", rule.spec.get("emphasis", []))
        string_list(rule.path, "intensifiers", rule.spec.get("intensifiers", []))
        value = rule.options.get("min_letters")
        if not isinstance(value, int) or isinstance(value, bool) or value < 2:
            raise RuleError(rule.path, "options.min_letters", "must be a whole number of at least 2")

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.acronyms = {a.upper() for a in rule.spec.get("acronyms", [])}
        self.emphasis = {a.upper() for a in rule.spec.get("emphasis", [])}
        self.intensifiers = {a.upper() for a in rule.spec.get("intensifiers", [])}

    def run(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        start = doc.draft.body_start
        min_letters = self.rule.options["min_letters"]
        found = closing(doc)
        end = found[0] if found else len(prose)  # a name in capitals after the closing is a signature
        for match in _CAPS_RUN.finditer(prose, start, end):
            words = _CAPS_WORD.findall(match.group(0))
            plain = [w for w in words if w not in self.acronyms and len(w) > 1 and ordinary_word(w)]
            long_plain = [
                w for w in plain if len(w.replace("'", "").replace("\u2019", "")) >= min_letters or w in self.emphasis
            ]
            if not long_plain and len(plain) < 2:
                continue
            if self._heading(prose, match):
                continue
            text = match.group(0)
            # Lower only the ordinary words: acronyms in the run ("I LOVE SQL") and "I" keep their capitals.
            shouted = set(plain) - {"I"}
            fixed = _CAPS_WORD.sub(lambda m, s=shouted: m.group(0).lower() if m.group(0) in s else m.group(0), text)
            fixed = re.sub(r"\bi(?=['\u2019](?:m|d|ll|ve)\b)", "I", fixed)
            at_start = match.start() == start or _SENTENCE_START.search(
                prose[max(0, match.start() - 3) : match.start()]
            )
            if at_start and fixed[:1].islower():
                fixed = fixed[:1].upper() + fixed[1:]
            # Severity follows certainty: one capitalised word that is not an intensifier may be a product, a
            # keyword or a brand written in capitals ("the LINE app", "a MERGE statement"): a suggestion, and
            # its fix needs review; a run of words or an intensifier ("I am VERY excited") is shouting.
            sure = len(plain) >= 2 or any(w in self.emphasis or w in self.intensifiers for w in plain)
            fix = Fix(match.start(), len(text), fixed, sure)
            yield self.finding(
                doc,
                match.start(),
                match.end(),
                fixes=(fix,),
                values={"match": text, "replacement": fixed},
                severity=None if sure else Severity.SUGGESTION,
            )

    @staticmethod
    def _heading(prose: str, match: re.Match[str]) -> bool:
        """Capitals alone on their line (a heading, a label, a letter's reference line such as "RE: EXECUTIVE
        DIRECTOR - INTERVIEW OF 20 MAY 2025") are not shouting: a line with no lowercase letter at all."""
        line_start = prose.rfind("\n", 0, match.start()) + 1
        line_end = prose.find("\n", match.end())
        line = prose[line_start : line_end if line_end >= 0 else len(prose)]
        return line.strip().rstrip(":") == match.group(0) or (
            not any(c.islower() for c in line) and sum(c.isalpha() for c in line) >= 2 * len(match.group(0).split())
        )
