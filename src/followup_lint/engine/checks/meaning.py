"""``meaning``: required content found by what a sentence says, not by one fixed wording.

A rule that asks for some content (restated interest, a question about next steps, an open door) lists the
wordings it knows in ``regexes``; paraphrases slip through ("I am confident I could be productive quickly on
your night shift" restates interest without any listed phrase). ``meaning`` adds concept sets: each item maps
concept names to regexes, and one sentence that matches every concept of an item carries the content::

    meaning:
      - self: '\\b(?:I|my|we)\\b'
        stance: '\\b(?:could|would|will|look forward|hope|ready)\\b'
        job: '\\b(?:your|the)\\s+(?:\\w+\\s+){0,2}?(?:team|role|shift|unit)\\b'

Sentences are read per paragraph, so a hard-wrapped sentence is one sentence; matching is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError
from ..schema import compile_regex
from ..tokens.regexes import compile_cached

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\u201d\u2019]*\s+")


@dataclass(frozen=True, slots=True)
class Meaning:
    """Concept sets; ``found`` tells whether one sentence of a text matches every concept of one set."""

    sets: tuple[tuple[re.Pattern[str], ...], ...]

    @classmethod
    def parse(cls, path: str, spec: Any) -> Meaning | None:
        if spec is None:
            return None
        if not isinstance(spec, list) or not spec:
            raise RuleError(path, "meaning", "must be a list of mappings from concept names to regexes")
        sets = []
        for i, item in enumerate(spec):
            if not isinstance(item, dict) or not item or not all(isinstance(v, str) for v in item.values()):
                raise RuleError(path, f"meaning[{i}]", "must map concept names to regular expressions")
            field = f"meaning[{i}]"
            compiled = (compile_regex(path, f"{field}.{k}", v, re.IGNORECASE, compile_cached) for k, v in item.items())
            sets.append(tuple(compiled))
        return cls(tuple(sets))

    def found(self, text: str) -> bool:
        for paragraph in _PARAGRAPH.split(text):
            for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
                if any(all(rx.search(sentence) for rx in concepts) for concepts in self.sets):
                    return True
        return False
