"""``kind-detail``: does the note say anything specific? Fires when no sentence does: a sentence is specific
when it holds ``min-words`` words outside a list of generic follow-up vocabulary
(``rules/_data/kind-generic-words.txt``), English stop words and the context's names, and rarer in English than
``rare-below`` (ln of the word's count in the speller's frequency list: "dbt", "reconciliation", "hangar" are
details; "research", "requirements", "staff" are template words), or a cue phrase that introduces a detail
("you mentioned", "hearing how") and one such word rarer than ``cued-rare-below`` ("the clinic is opening a
second site"). A template with the names filled in and
a cue phrase over generic words ("I enjoyed learning more about the role and your company") is not specific.
Like ``kind-required``, silent when the draft's kind was only guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding
from ..errors import RuleError
from ..kinds import kind_is_sure
from ..metrics import WORD
from ..schema import Field
from .base import Check
from .phrases import MATCH_FIELDS, LazyMatchers, build_matchers

if TYPE_CHECKING:
    from ..document import Document
    from ..layout import Line
    from ..rule import Rule

GENERIC_FILE = "kind-generic-words.txt"
_CLITIC = re.compile(r"(?:n't|'(?:s|d|m|ll|re|ve))$")


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The generic vocabulary plus English stop words (spaCy's list), read once per process."""
    from ..loader import builtin_rules_dir

    STOP_WORDS = _stop_words()  # noqa: N806 - spaCy's name for it

    path = builtin_rules_dir() / "_data" / GENERIC_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RuleError(str(path), None, f"cannot read the generic word list ({exc})") from None
    words = {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words | {w.lower() for w in STOP_WORDS})


def _stop_words() -> set[str]:
    """spaCy's English stop words, read from ``spacy/lang/en/stop_words.py`` without importing spaCy.

    Importing ``spacy.lang.en.stop_words`` imports the ``spacy`` package first (about 0.5 s); the module is
    plain data (no imports), so it is run on its own. If spaCy's layout differs, it is imported normally.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "lang" / "en" / "stop_words.py"
        namespace: dict[str, object] = {}
        try:
            exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        except (OSError, SyntaxError, UnicodeDecodeError, ImportError, NameError, AttributeError, TypeError):
            namespace = {}  # not plain data any more: import it below
        words = namespace.get("STOP_WORDS")
        if isinstance(words, set) and all(isinstance(w, str) for w in words):
            return words
    from spacy.lang.en.stop_words import STOP_WORDS

    return set(STOP_WORDS)


@dataclass(frozen=True)
class _BodyWords:
    """What ``specific_words`` leaves out of a draft, worked out once for all its sentences: the lines to skip
    (greeting, sign-off, the writer's name), the context's names, and where the body stops."""

    skip: list[Line]
    names: set[str]
    stop: int

    @classmethod
    def of(cls, doc: Document) -> _BodyWords:
        layout = doc.layout
        skip = [line for line in (layout.greeting, layout.sign_off) if line is not None]
        last = next((line for line in reversed(layout.lines) if not line.blank), None)
        if last is not None and last not in skip and len(WORD.findall(last.text)) <= 3:
            skip.append(last)  # the writer's name under an undetected sign-off
        names = set()
        for value in (doc.context.company, doc.context.role, *doc.context.interviewers):
            names |= {w.lower() for w in WORD.findall(value or "")}
        stop = layout.sign_off.start if layout.sign_off is not None else len(doc.prose)
        return cls(skip, names, stop)


def specific_words(
    doc: Document, start: int | None = None, end: int | None = None, body: _BodyWords | None = None
) -> list[str]:
    """Distinct words of the body (greeting and sign-off lines excluded) that are neither generic nor names
    from the context, in order of first use; ``start``/``end`` narrow it to a part of the body (``body``: the
    draft's ``_BodyWords``, given when asking for each of its sentences).
    """
    body = body or _BodyWords.of(doc)
    skip, names, stop = body.skip, body.names, body.stop
    if end is not None:
        stop = min(stop, end)
    common = generic_words()
    seen: dict[str, None] = {}
    for match in WORD.finditer(doc.prose, max(doc.draft.body_start, start or 0), stop):
        if any(line.start <= match.start() < line.end for line in skip):
            continue
        word = match.group(0).lower().replace("\u2019", "'")
        stem = _CLITIC.sub("", word)
        if len(stem) < 3 or stem.isdigit() or stem in common or word in common or stem in names:
            continue
        seen.setdefault(stem)
    return list(seen)


def _frequency():
    from ...spelling import speller

    return speller().frequency


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)|\n")


def _sentences(prose: str, start: int) -> list[tuple[int, int]]:
    """The spans of the body's sentences (a sentence also ends at a line break)."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(prose, start) if m.group().strip()]


class KindDetail(LazyMatchers, Check):
    """Fires once, at the start of the body, when no sentence is specific (see the module docstring)."""

    fields: ClassVar[dict[str, Field]] = {k: MATCH_FIELDS[k] for k in ("phrases", "patterns", "regexes")}

    @classmethod
    def validate(cls, rule: Rule) -> None:
        build_matchers(rule)
        value = rule.options.get("min-words")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise RuleError(rule.path, "options.min-words", "is required and must be a whole number ≥ 1")

    def run(self, doc: Document) -> Iterator[Finding]:
        body = doc.prose[doc.draft.body_start :]
        if not body.strip():
            return
        if not kind_is_sure(doc):
            return
        need = self.rule.options["min-words"]
        rare = float(self.rule.options.get("rare-below", 99.0))
        cued_rare = float(self.rule.options.get("cued-rare-below", rare))
        frequency = _frequency() if min(rare, cued_rare) < 99.0 else None
        cues = self.matcher.find(doc, doc.draft.body_start, len(doc.prose))
        most = 0
        body_words = _BodyWords.of(doc)  # once: a draft of 500 KB may have 75,000 sentences
        for start, end in _sentences(doc.prose, doc.draft.body_start):
            words = specific_words(doc, start, end, body_words)
            found = len([w for w in words if frequency is None or frequency(w) < rare])
            cued = any(start <= m.start < end for m in cues) and any(
                frequency is None or frequency(w) < cued_rare for w in words
            )
            if found >= need or cued:
                return  # one sentence says something of this conversation
            most = max(most, found)
        at = doc.draft.body_start + len(body) - len(body.lstrip())
        yield self.finding(doc, at, at, values={"value": most, "limit": need})
