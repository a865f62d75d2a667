"""Which kind of follow-up a draft is: thank-you, check-in, post-rejection or networking.

The cue phrases and their weights are data (``rules/_data/kind-cues.yaml``): each kind's score is the sum of
the weights of its cues found in the prose (each cue counted once). When the cue file names a ``model``
(``rules/_data/kind-model.json``, ``kind_model``), a learned model reads the draft's words together with these
scores and gives the kind and its confidence, and the model's own ``sure`` threshold applies; without one, the
highest score wins.

The parsed cue file is kept in the user cache (``followup_lint.cache``), keyed by the file's size and mtime, so
a later process neither imports PyYAML nor compiles a cue before it needs it. With each cue the cache keeps
the literal words every match of it must contain (``engine/literals.py``); a cue is searched for only when
the text contains them, and compiled the first time that happens; it is then searched only near the places
where its most selective literals occur (``literals.windows``). This only skips searches that cannot succeed, so
the scores are those of searching every cue in the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .literals import fold, may_match, reach, required_literals, windows, windows_as_found

if TYPE_CHECKING:
    from .document import Document
    from .kind_model import KindModel

KINDS = ("thank-you", "check-in", "post-rejection", "networking")
CUES_FILE = "kind-cues.yaml"
_SPACE = re.compile(r"\s+")
#: From this many characters a cue's windows are searched as they are found (``Cue.found``).
_WHOLE = 20_000
#: Bump when the cached form of the cue table changes.
_FORMAT = 6


@dataclass(slots=True)
class Cue:
    """One cue: its regex (compiled on first use), its weight, and the literals every match contains."""

    regex: str
    weight: float
    #: Sets of lowercase strings: a text the regex matches contains a string of each set (most selective first).
    literals: tuple[tuple[str, ...], ...]
    #: How far a match extends around its literals (``literals.reach``); None: unbounded, search the whole text.
    reach: int | None = None
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)

    def found(
        self,
        text: str,
        lowered: str,
        seen: dict[str, bool] | None = None,
        places: dict[str, list[int]] | None = None,
    ) -> bool:
        """Whether the cue occurs in ``text`` (``lowered``: the same text through ``fold``; ``seen`` and ``places``:
        what is known of each literal's presence and positions in it, shared by the cues)."""
        if not may_match(self.literals, lowered, {} if seen is None else seen):
            return False
        if self._compiled is None:
            from .tokens.regexes import compile_cached

            self._compiled = compile_cached(self.regex, re.IGNORECASE)
        search = self._compiled.search
        if self.reach is None or not self.literals or len(lowered) != len(text):
            return search(text) is not None
        if len(lowered) <= _WHOLE:
            spans = windows(self.literals[0], self.reach, lowered, {} if places is None else places)
        else:  # a long text: stop at a cue's first occurrence instead of listing every place of its words first
            spans = windows_as_found(self.literals[0], self.reach, lowered)
        return any(search(text, start, end) is not None for start, end in spans)


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue table: per kind, its cues; the default kind; the smoothing term."""

    kinds: dict[str, tuple[Cue, ...]]
    default: str
    smoothing: float
    #: The confidence from which a detected kind is sure enough for rules that judge what a kind lacks.
    sure: float = 0.55
    #: The learned model's file (beside the cue file), or None: the cue scores alone decide.
    model: str | None = None


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue table, from the user cache when the cue file is unchanged, else parsed, checked and cached."""
    from .. import cache
    from ..data import builtin_rules_dir

    path = builtin_rules_dir() / "_data" / CUES_FILE
    entry_key = cache.key(f"kind-cues-{_FORMAT}", cache.stat_stamp([path]))
    table = _table(cache.load("kind-cues", entry_key))
    if table is None:
        data = _build(str(path))
        cache.store("kind-cues", entry_key, data)
        table = _table(data)
        assert table is not None  # _build checked the data
    return table


def _table(data: Any) -> Cues | None:
    """The cue table from its plain form, or None when ``data`` is not one (a damaged cache entry)."""
    try:
        kinds = {
            kind: tuple(Cue(regex, float(weight), literals, width) for regex, weight, literals, width in items)
            for kind, items in data["kinds"].items()
        }
        return Cues(kinds, data["default"], float(data["smoothing"]), float(data["sure"]), data["model"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _build(path: str) -> dict[str, Any]:
    """The cue file as plain data (marshal-able): every regex compiled once to check it, with its literals."""
    import yaml

    from .errors import RuleError

    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle.read())
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(path, None, f"cannot read the kind cues ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise RuleError(path, "kinds", "must be a mapping of kind to a list of cues")
    kinds: dict[str, list[tuple[str, float, tuple[tuple[str, ...], ...], int | None]]] = {}
    for kind, items in data["kinds"].items():
        if kind not in KINDS:
            raise RuleError(path, f"kinds.{kind}", f"unknown kind (known: {', '.join(KINDS)})")
        entries = []
        for index, item in enumerate(items or ()):
            try:
                regex, weight = item["regex"], float(item["weight"])
                if not isinstance(regex, str):
                    raise TypeError("the regex must be a string")
                re.compile(regex, re.IGNORECASE)
            except (KeyError, TypeError, ValueError, re.error) as exc:
                raise RuleError(path, f"kinds.{kind}[{index}]", f"needs a valid regex and weight ({exc})") from None
            entries.append((regex, weight, required_literals(regex), reach(regex)))
        kinds[str(kind)] = entries
    default = data.get("default", "thank-you")
    if default not in KINDS:
        raise RuleError(path, "default", f"unknown kind {default!r}")
    try:
        smoothing = float(data.get("smoothing", 1.0))
    except (TypeError, ValueError):
        raise RuleError(path, "smoothing", "must be a number") from None
    try:
        sure = float(data.get("sure", 0.55))
    except (TypeError, ValueError):
        raise RuleError(path, "sure", "must be a number") from None
    if not 0.0 <= sure <= 1.0:
        raise RuleError(path, "sure", "must be between 0 and 1")
    model = data.get("model")
    if model is not None and (not isinstance(model, str) or "/" in model or "\\" in model or not model.strip()):
        raise RuleError(path, "model", "must be the name of a model file beside the cue file, or null")
    return {"kinds": kinds, "default": default, "smoothing": smoothing, "sure": sure, "model": model}


def kind_scores(text: str) -> dict[str, float]:
    """Each kind's cue score for ``text`` (runs of white space, line breaks included, count as one space)."""
    table = cues()
    text = _SPACE.sub(" ", text)
    lowered = fold(text)
    seen: dict[str, bool] = {}
    places: dict[str, list[int]] = {}
    scores: dict[str, float] = {}
    for kind, items in table.kinds.items():
        score = 0.0
        for cue in items:
            if cue.found(text, lowered, seen, places):
                score += cue.weight
        scores[kind] = score
    return scores


@lru_cache(maxsize=1)
def model() -> KindModel | None:
    """The learned kind model the cue file names, or None."""
    table = cues()
    if table.model is None:
        return None
    from ..data import builtin_rules_dir
    from .kind_model import load

    return load(str(builtin_rules_dir() / "_data" / table.model))


def sure_from() -> float:
    """The confidence from which a detected kind is sure: the model's, else the cue file's."""
    learned = model()
    return learned.sure if learned is not None else cues().sure


def classify(text: str) -> tuple[str, float]:
    """The most likely kind of ``text`` and a confidence in [0, 1]: the model's when the cue file names one (a
    reply to a rejection often has no cue at all), else from the cue scores, with the default kind and 0 when
    no cue matched."""
    table = cues()
    scores = kind_scores(text)
    learned = model()
    if learned is not None:
        return learned.classify(text, scores, KINDS)
    total = sum(scores.values())
    if total <= 0:
        return table.default, 0.0
    # Ties go to the kind listed first in KINDS (the default thank-you first).
    best = max(KINDS, key=lambda k: (scores.get(k, 0.0), k == table.default))
    return best, round(scores[best] / (total + table.smoothing), 2)


def kind_is_sure(doc: Document) -> bool:
    """Whether the draft's kind was given, or detected with at least the cue file's ``sure`` confidence: rules
    that report what a kind of note lacks stay quiet on a guess (a thank-you read as a check-in would be told
    to ask about next steps)."""
    return bool(doc.context.kind) or doc.kind[1] >= sure_from()


def message_kind(doc: Document) -> tuple[str, float]:
    """The ``kind`` analysis (``pipeline.ANALYSES``): the message kind (thank-you, check-in, post-rejection,
    networking) given in the context, else detected, and the confidence in it."""
    if doc.context.kind:
        return doc.context.kind, 1.0
    return detect_kind(doc)


def detect_kind(doc: Document) -> tuple[str, float]:
    """The most likely kind of the draft (from its prose: subject and body, without quoted text)."""
    return classify(doc.prose)
