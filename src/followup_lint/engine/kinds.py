"""Which kind of follow-up a draft is: thank-you, check-in, post-rejection or networking."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

# Cue phrases and their weights for each kind; the kind with the highest score wins.
_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "post-rejection": (
        (r"\b(?:decided|decision) to (?:move|go) forward with (?:another|other)", 3.0),
        (r"\b(?:not|n't) (?:selected|chosen|moving forward)", 3.0),
        (r"\bthank(?:s| you) for letting me know", 2.0),
        (r"\bdisappointed\b", 1.5),
        (r"\bfeedback\b", 1.0),
        (r"\bfuture (?:openings|opportunities|roles)\b", 1.0),
    ),
    "check-in": (
        (r"\b(?:follow(?:ing)? up|check(?:ing)? in) on\b", 2.0),
        (r"\b(?:update|status|timeline|next steps)\b", 1.0),
        (r"\b(?:last week|two weeks|a week ago|since (?:we|our))\b", 1.0),
        (r"\bhiring (?:process|decision)\b", 1.0),
    ),
    "networking": (
        (r"\b(?:connect|stay in touch|keep in touch|coffee|congratulations)\b", 1.5),
        (r"\b(?:thought you (?:might|would)|came across|saw your (?:post|article))\b", 1.5),
    ),
    "thank-you": (
        (
            r"\bthank(?:s| you) for (?:taking the time|your time|meeting|speaking|the (?:interview|conversation|chat))",
            3.0,
        ),
        (r"\b(?:enjoyed|great) (?:speaking|talking|meeting|our conversation)", 1.5),
        (r"\b(?:today|yesterday|this morning|this afternoon)\b", 0.5),
    ),
}
_COMPILED = {k: tuple((re.compile(p, re.IGNORECASE), w) for p, w in v) for k, v in _CUES.items()}


def detect_kind(doc: Document) -> tuple[str, float]:
    """The most likely kind and a confidence in [0, 1]; thank-you when nothing points elsewhere."""
    text = doc.prose
    scores = {kind: sum(w for rx, w in cues if rx.search(text)) for kind, cues in _COMPILED.items()}
    best = max(scores, key=lambda k: scores[k])
    total = sum(scores.values())
    if total == 0:
        return "thank-you", 0.0
    return best, round(scores[best] / total, 2)
