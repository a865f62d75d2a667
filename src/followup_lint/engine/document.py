"""A draft being linted: the text, the context, and lazily computed views (tokens, layout, metrics)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import Context
from ..reading import Draft
from . import metrics as _metrics
from .layout import Layout, analyse

if TYPE_CHECKING:
    from ..config import Config


class Document:
    """What a check sees. Heavy views (the tokens) are built on first use and shared by all checks."""

    def __init__(self, draft: Draft, context: Context, config: Config | None = None) -> None:
        from ..config import Config

        self.draft = draft
        self.context = context
        self.config = config or Config()
        #: The user's personal word list (lowercased), for checks that judge words.
        self.words = self.config.words
        #: Metrics for the report; checks may add their own (e.g. ``politeness``).
        self.metrics: dict[str, Any] = {}
        #: Literal -> whether it occurs in ``folded``: the rules' regex pre-checks, shared by all rules.
        self.literals_seen: dict[str, bool] = {}
        #: Literal -> where it occurs in ``folded``: where the rules' regexes are searched (``literals.windows``).
        self.literal_places: dict[str, list[int]] = {}
        #: Other values that checks work out once per draft and share (keyed by the module that makes them).
        self.shared: dict[str, Any] = {}

    @property
    def source(self) -> str:
        return self.draft.source

    @property
    def prose(self) -> str:
        return self.draft.prose

    @cached_property
    def doc(self) -> Any:
        """The prose's tokens and sentences: the light pipeline's ``Doc``, or spaCy's (same attribute names)."""
        from .nlp import parse

        return parse(self.draft.prose)

    @cached_property
    def folded(self) -> str:
        """The prose lowercased for literal pre-checks (``engine/literals.fold``): computed once, shared by checks."""
        from .literals import fold

        return fold(self.draft.prose)

    @cached_property
    def ascii(self) -> bool:
        """Whether the prose is all ASCII: then a regex that needs another character (an emoji) is not searched."""
        return self.draft.prose.isascii()

    @cached_property
    def runs(self) -> tuple[int, int]:
        """The longest runs of white space and of word characters in the prose (``literals.longest_runs``): they
        bound how far a regex with ``\\s+`` or ``\\w+`` reaches around its literals."""
        from .literals import longest_runs

        return longest_runs(self.draft.prose)

    @cached_property
    def kind(self) -> tuple[str, float]:
        """The message kind (thank-you, check-in, post-rejection, networking) and the confidence in it."""
        if self.context.kind:
            return self.context.kind, 1.0
        from .kinds import detect_kind

        return detect_kind(self)

    @cached_property
    def layout(self) -> Layout:
        return analyse(self.draft.prose, self.draft.body_start)

    @cached_property
    def body_words(self) -> list[re.Match[str]]:
        return _metrics.body_words(self)

    @property
    def body_end(self) -> int:
        """The offset just after the last word of the body's prose."""
        words = self.body_words
        return words[-1].end() if words else self.draft.body_start

    def metric(self, name: str) -> float:
        """The value of a registered metric, computed once."""
        if name not in self.metrics:
            self.metrics[name] = _metrics.METRICS[name](self)
        return self.metrics[name]

    def line_text(self, offset: int) -> str:
        start = self.source.rfind("\n", 0, offset) + 1
        end = self.source.find("\n", offset)
        return self.source[start : end if end >= 0 else len(self.source)].rstrip("\r")
