"""Which kind of follow-up a draft is: thank-you, check-in, post-rejection or networking.

The cue phrases and their weights are data (``rules/_data/kind-cues.yaml``): each kind's score is the sum of
the weights of its cues found in the prose (each cue counted once); the highest score wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

KINDS = ("thank-you", "check-in", "post-rejection", "networking")
CUES_FILE = "kind-cues.yaml"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cue table: per kind, (pattern, weight) pairs; the default kind; the smoothing term."""

    kinds: dict[str, tuple[tuple[re.Pattern[str], float], ...]]
    default: str
    smoothing: float


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue table, read and compiled once per process."""
    import yaml

    from .errors import RuleError
    from .loader import builtin_rules_dir

    path = builtin_rules_dir() / "_data" / CUES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(str(path), None, f"cannot read the kind cues ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise RuleError(str(path), "kinds", "must be a mapping of kind to a list of cues")
    compiled: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {}
    for kind, items in data["kinds"].items():
        if kind not in KINDS:
            raise RuleError(str(path), f"kinds.{kind}", f"unknown kind (known: {', '.join(KINDS)})")
        pairs = []
        for index, item in enumerate(items or ()):
            try:
                pairs.append((re.compile(item["regex"], re.IGNORECASE), float(item["weight"])))
            except (KeyError, TypeError, ValueError, re.error) as exc:
                raise RuleError(
                    str(path), f"kinds.{kind}[{index}]", f"needs a valid regex and weight ({exc})"
                ) from None
        compiled[kind] = tuple(pairs)
    default = data.get("default", "thank-you")
    if default not in KINDS:
        raise RuleError(str(path), "default", f"unknown kind {default!r}")
    return Cues(compiled, default, float(data.get("smoothing", 1.0)))


def kind_scores(text: str) -> dict[str, float]:
    """Each kind's cue score for ``text`` (runs of white space, line breaks included, count as one space)."""
    table = cues()
    text = _SPACE.sub(" ", text)
    return {kind: sum(w for rx, w in pairs if rx.search(text)) for kind, pairs in table.kinds.items()}


def classify(text: str) -> tuple[str, float]:
    """The most likely kind of ``text`` and a confidence in [0, 1] (0 when no cue matched)."""
    table = cues()
    scores = kind_scores(text)
    total = sum(scores.values())
    if total <= 0:
        return table.default, 0.0
    # Ties go to the kind listed first in KINDS (the default thank-you first).
    best = max(KINDS, key=lambda k: (scores.get(k, 0.0), k == table.default))
    return best, round(scores[best] / (total + table.smoothing), 2)


def detect_kind(doc: Document) -> tuple[str, float]:
    """The most likely kind of the draft (from its prose: subject and body, without quoted text)."""
    return classify(doc.prose)
