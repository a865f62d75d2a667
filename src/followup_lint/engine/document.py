"""A draft being linted: the text, the context, and the analyses checks share (tokens, layout, kind, ...)."""

from __future__ import annotations

import re
from typing import Any

from .. import pipeline
from ..model import Context
from ..reading import Draft
from ..settings import Config
from .layout import Layout, analyse


class Document:
    """What a check sees. Each analysis in ``pipeline.ANALYSES`` is an attribute, computed on first use and
    shared by all checks (``doc.layout``, ``doc.kind``, ``doc.doc``, ...)."""

    # The analyses (``pipeline.ANALYSES``), for readers and type checkers; ``__getattr__`` computes them.
    folded: str
    ascii: bool
    runs: tuple[int, int]
    doc: Any
    body_words: list[re.Match[str]]
    layout: Layout
    header_lines: list[tuple[int, int]]
    kind: tuple[str, float]
    tone: Any

    def __init__(self, draft: Draft, context: Context, config: Config | None = None) -> None:
        self.draft = draft
        self.context = context
        self.config = config or Config()
        #: The user's personal word list (lowercased), for checks that judge words.
        self.words = self.config.words
        #: Metrics for the report; checks may add their own (e.g. ``politeness``).
        self.metrics: dict[str, Any] = {}
        #: Literal -> whether it occurs in ``folded``: the rules' regex pre-checks, shared by all rules.
        self.literals_seen: dict[str, bool] = {}
        #: Literal -> where it occurs in ``folded``: where the rules' regexes are searched (``literals.windows``);
        #: a tuple of literals -> where one of them starts (``literals.starts``).
        self.literal_places: dict[Any, list[int]] = {}
        #: The ids of the rules this run selected (set by the linter), for a rule that leaves a problem to another.
        self.rule_ids: frozenset[str] = frozenset()

    def __getattr__(self, name: str) -> Any:
        """An analysis (``pipeline.ANALYSES``), computed once: the value is then an ordinary attribute."""
        ref = pipeline.ANALYSES.get(name)
        if ref is None:
            raise AttributeError(f"{type(self).__name__!r} has no attribute or analysis {name!r}")
        value = self.__dict__[name] = pipeline.resolve(ref)(self)
        return value

    @property
    def source(self) -> str:
        return self.draft.source

    @property
    def prose(self) -> str:
        return self.draft.prose

    @property
    def body_end(self) -> int:
        """The offset just after the last word of the body's prose."""
        words = self.body_words
        return words[-1].end() if words else self.draft.body_start

    def metric(self, name: str) -> float:
        """The value of a metric (``pipeline.METRICS``), computed once."""
        if name not in self.metrics:
            self.metrics[name] = pipeline.resolve(pipeline.METRICS[name])(self)
        return self.metrics[name]

    def line_text(self, offset: int) -> str:
        start = self.source.rfind("\n", 0, offset) + 1
        end = self.source.find("\n", offset)
        return self.source[start : end if end >= 0 else len(self.source)].rstrip("\r")


# The analyses that belong to no other module (``pipeline.ANALYSES``).


def tokens(doc: Document) -> Any:
    """The prose's tokens and sentences: the light pipeline's ``Doc``, or spaCy's (same attribute names)."""
    from .nlp import parse

    return parse(doc.prose)


def folded(doc: Document) -> str:
    """The prose lowercased for literal pre-checks (``engine/literals.fold``): computed once, shared by checks."""
    from .literals import fold

    return fold(doc.prose)


def all_ascii(doc: Document) -> bool:
    """Whether the prose is all ASCII: then a regex that needs another character (an emoji) is not searched."""
    return doc.prose.isascii()


def runs(doc: Document) -> tuple[int, int]:
    """The longest runs of white space and of word characters in the prose (``literals.longest_runs``): they
    bound how far a regex with ``\\s+`` or ``\\w+`` reaches around its literals."""
    from .literals import longest_runs

    return longest_runs(doc.prose)


def layout(doc: Document) -> Layout:
    """The greeting, sign-off and lines of the draft."""
    return analyse(doc.prose, doc.draft.body_start)


#: A header line written into a draft's text: "Subject: ...", "To: ...", "Re: ..." (not the user's prose).
_HEADER_LINE = re.compile(r"\s*(?:subject|re|fwd?|to|from|cc|bcc|date)\s*:", re.IGNORECASE)


def header_lines(doc: Document) -> list[tuple[int, int]]:
    """The spans of the body's lines that are e-mail headers typed into the text ("Subject: Thank you",
    "To: dana@example.com"), and of an e-mail's subject when it is part of the prose: no sentence of the body."""
    spans = [(line.start, line.end) for line in doc.layout.lines if _HEADER_LINE.match(line.text)]
    subject = doc.draft.subject_span
    if subject is not None and subject[1] > subject[0]:
        spans.append(subject)
    return sorted(spans)
