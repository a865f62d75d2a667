"""``kind-detail``: does the note say anything specific to this conversation? Fires once when no body sentence
does, judged by ``specificity``: with the draft's own names masked, a sentence is specific when, outside the
word sequences it shares with common template sentences (``rules/_data/specific-templates.txt``), it holds a
word rarer than ``rare-below`` (ln of its count in the speller's frequency list; stop words and the generic
follow-up vocabulary of ``rules/_data/kind-generic-words.txt`` never count), a word rarer than
``cued-rare-below`` after a phrase that introduces a detail (the rule's ``regexes``: "you mentioned",
"hearing how"), a name that is not the draft's own, a figure or a quoted topic.

The finding is the rule's severity when the kind is sure and at least ``sure-coverage`` of the body's words are
accounted for by template sequences; a suggestion when less of it reads as a template, or for the kinds in
``suggestion-kinds``. Like ``kind-required``, silent when the draft's kind was only guessed, unless
``when-guessed: suggestion``: then a suggestion (the guess may be wrong, the advice is still sound), when the
guess's confidence is at least ``guessed-from``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding, Severity
from ..errors import RuleError
from ..kinds import kind_is_sure
from ..metrics import WORD
from ..schema import Field
from .base import Check
from .phrases import MATCH_FIELDS, LazyMatchers, build_matchers
from .specificity import TEMPLATES_FILE, Settings, load_templates, sentences, templates_path

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
    return frozenset(words | {w.lower() for w in STOP_WORDS} | cue_words())


_CUE_WORD = re.compile(r"(?<![\\a-z])[a-z]{5,}(?![a-z(\[])")
#: The kinds whose cues are the hiring process's own words ("candidacy", "unsuccessful"); networking cues name
#: events and work ("keynote", "launch") that can be what a note is specifically about.
_PROCESS_KINDS = ("check-in", "post-rejection")


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """The whole words of the check-in and rejection cues (``rules/_data/kind-cues.yaml``): the vocabulary that
    tells what kind of message a draft is ("unsuccessful", "candidacy", "timeline") says nothing of this one
    conversation."""
    from ..kinds import cues

    found: set[str] = set()
    table = cues().kinds
    for kind in _PROCESS_KINDS:
        for cue in table.get(kind, ()):
            found.update(_CUE_WORD.findall(cue.regex))
    return frozenset(found)


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


@lru_cache(maxsize=8)
def _project_pattern(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "the <one to three words> <head>": a named piece of work ("the dashboard clean-up project")."""
    if not heads:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, head.split())) for head in heads)
    return re.compile(rf"\b(?:the|that|this|your|our)\s+((?:[\w'’-]+\s+){{1,3}}?)(?:{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=16)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern option (``their-plan``, ``self-pitch``), case-insensitive, compiled once per process."""
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def _opinion_words() -> frozenset[str]:
    """The sentiment lexicon's positive and negative words (``rules/_data/sentiment-vader.txt``), joined once
    per process (the union of some 7,000 words cost about 0.7 ms of every lint)."""
    from .politeness_features import sentiment_words

    positive, negative, _ = sentiment_words()
    return positive | negative


def _frequency():
    from ...spelling import speller

    return speller().frequency


class KindDetail(LazyMatchers, Check):
    """Fires once, at the start of the body, when no sentence is specific (see ``specificity``)."""

    fields: ClassVar[dict[str, Field]] = {k: MATCH_FIELDS[k] for k in ("phrases", "patterns", "regexes")}

    @classmethod
    def validate(cls, rule: Rule) -> None:
        build_matchers(rule)
        for key in ("min-words",):
            value = rule.options.get(key, 1)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise RuleError(rule.path, f"options.{key}", "must be a whole number ≥ 1")
        for key in (
            "rare-below",
            "cued-rare-below",
            "topic-below",
            "plain-topic-below",
            "sure-coverage",
            "guessed-from",
            "stock-message-from",
        ):
            value = rule.options.get(key, 0.0)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise RuleError(rule.path, f"options.{key}", "must be a number ≥ 0")
        if not isinstance(rule.options.get("low-coverage-message", ""), str):
            raise RuleError(rule.path, "options.low-coverage-message", "must be a text")
        if not isinstance(rule.options.get("opinion-words", True), bool):
            raise RuleError(rule.path, "options.opinion-words", "must be true or false")
        heads = rule.options.get("project-heads", [])
        if not isinstance(heads, list) or not all(isinstance(h, str) and h.strip() for h in heads):
            raise RuleError(rule.path, "options.project-heads", "must be a list of nouns")
        if rule.options.get("when-guessed", "silent") not in ("silent", "suggestion"):
            raise RuleError(rule.path, "options.when-guessed", "must be silent or suggestion")
        kinds = rule.options.get("suggestion-kinds", [])
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise RuleError(rule.path, "options.suggestion-kinds", "must be a list of message kinds")
        for key in ("their-plan", "self-pitch"):
            value = rule.options.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or not value:
                raise RuleError(rule.path, f"options.{key}", "must be a regular expression")
            try:
                _compiled(value)
            except re.error as exc:
                raise RuleError(rule.path, f"options.{key}", f"is not a valid regular expression ({exc})") from None
        templates = rule.options.get("templates", TEMPLATES_FILE)
        if not isinstance(templates, str) or not templates or "/" in templates or "\\" in templates:
            raise RuleError(rule.path, "options.templates", "must be a file name under _data/")

    def prepare(self) -> None:
        super().prepare()
        path = templates_path(self.rule.path, self.rule.options.get("templates", TEMPLATES_FILE))
        self._templates = load_templates(path)  # a missing or unreadable file is reported before any draft

    def settings(self, doc: Document) -> Settings:
        """What ``specificity`` needs to judge this draft's sentences: the rule's options and its cue phrases."""
        options = self.rule.options
        rare = float(options.get("rare-below", 15.0))
        cues = self.matcher.find(doc, doc.draft.body_start, len(doc.prose))
        spans = sorted((m.start, m.end) for m in cues)
        starts = [a for a, _ in spans]

        def cued(start: int, end: int) -> list[tuple[int, int]]:
            index = bisect.bisect_left(starts, start)
            found = []
            while index < len(spans) and spans[index][0] < end:
                found.append(spans[index])
                index += 1
            return found

        templates = getattr(self, "_templates", None) or load_templates(
            templates_path(self.rule.path, options.get("templates", TEMPLATES_FILE))
        )
        return Settings(
            templates=templates,
            common=generic_words(),
            frequency=_frequency(),
            rare_below=rare,
            cued_rare_below=float(options.get("cued-rare-below", rare)),
            cues=cued,
            topic_below=float(options.get("topic-below", 20.0)),
            plain_topic_below=float(options.get("plain-topic-below", 18.5)),
            opinion=_opinion_words() if options.get("opinion-words", True) else frozenset(),
            project=_project_pattern(tuple(options.get("project-heads", ()))),
            their_plan=_compiled(options["their-plan"]) if options.get("their-plan") else None,
            self_pitch=_compiled(options["self-pitch"]) if options.get("self-pitch") else None,
        )

    def run(self, doc: Document) -> Iterator[Finding]:
        body = doc.prose[doc.draft.body_start :]
        options = self.rule.options
        sure = kind_is_sure(doc)
        if not body.strip() or (not sure and options.get("when-guessed", "silent") != "suggestion"):
            return
        if not sure and doc.kind[1] < float(options.get("guessed-from", 0.0)):
            return  # hardly a guess: a message of none of the kinds (an offer accepted, an interview moved)
        judged = []
        for sentence in sentences(doc, self.settings(doc)):
            if sentence.specific:
                return  # one sentence says something of this conversation
            judged.append(sentence)
        words = sum(s.words for s in judged)
        if words < options.get("min-words", 1):
            return
        share = sum(s.covered for s in judged) / words
        severity = None  # the rule's own: sure of it
        if (
            not sure
            or doc.kind[0] in options.get("suggestion-kinds", [])
            or share < float(options.get("sure-coverage", 0.0))
        ):
            severity = Severity.SUGGESTION
        at = doc.draft.body_start + len(body) - len(body.lstrip())
        # few stock phrases: the message says that no detail was found, not that the words are a template's
        few = share < float(options.get("stock-message-from", 0.0))
        message = options.get("low-coverage-message") if few else None
        yield self.finding(
            doc,
            at,
            at,
            message=str(message) if message else None,
            severity=severity,
            values={"share": f"{round(100 * share)}%", "sentences": len(judged)},
        )
