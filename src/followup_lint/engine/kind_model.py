"""A compact learned model of a draft's kind: thank-you, check-in, post-rejection, networking, or none of them.

Softmax regression over sparse features of the whole draft: lowercase words and word pairs, the words and
pairs of its opening (the first ``OPENING`` words: "thank you for getting back to me" opens a reply to a
rejection, "thank you for meeting" a thank-you), and the hand-weighted cue scores of ``kinds.kind_scores`` in
bands (a post-rejection cue score of at least 2.5, which kind's cues lead). The word features count less in a
long draft (scaled by ``sqrt(SCALE / n)`` for ``n`` word features the model knows), so length alone does not
push a kind. The label ``other`` (withdrawals, offer replies, scheduling) takes probability away from the four
kinds, so a draft that is none of them is detected with a low confidence and rules that depend on the kind
stay quiet. The weights are data (``rules/_data/kind-model.json``, written by ``bench/train_kinds.py``, which
reproduces them exactly); scoring a draft is a few dictionary look-ups per word, well under a millisecond.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]")
#: Cue-score bands that become features: ``c:<kind>:<band>`` when the kind's cue score reaches the band.
BANDS = (1.0, 2.5, 4.0, 6.0)
#: How many words make the opening (subject and first sentence or two).
OPENING = 25
#: A draft with this many word features has its word features counted once each.
SCALE = 100.0


def tokens(text: str) -> list[str]:
    """Lowercase words (curly apostrophes made straight) and ``!``/``?`` marks."""
    return _TOKEN.findall(text.replace("\u2019", "'").replace("\u2018", "'").lower())


#: The first letters of the features that come from the words (``is_word_feature``).
WORD_FEATURE_LEADS = "wbfg"


def is_word_feature(feature: str) -> bool:
    """Whether the feature comes from the words (scaled by the draft's length), not from the cue scores."""
    return feature[0] in WORD_FEATURE_LEADS


def word_scale(feats: list[str], known: Container[str]) -> float:
    """The weight of each word feature in a draft with these features (``known``: the model's features)."""
    return math.sqrt(SCALE / max(sum(1 for f in feats if f[0] in WORD_FEATURE_LEADS and f in known), 1))


def features(text: str, scores: dict[str, float]) -> list[str]:
    """The draft's features, each once: its words and word pairs, and its cue scores (``scores``) in bands."""
    words = tokens(text)
    out = {f"w:{w}" for w in words}
    out.update(f"b:{a}_{b}" for a, b in pairwise(words))
    opening = words[:OPENING]
    out.update(f"f:{w}" for w in opening)
    out.update(f"g:{a}_{b}" for a, b in pairwise(opening))
    for kind, score in scores.items():
        out.update(f"c:{kind}:{band:g}" for band in BANDS if score >= band)
    if scores:
        top = max(scores.values())
        if top > 0:
            out.update(f"top:{kind}" for kind, score in scores.items() if score == top)
    return sorted(out)


@dataclass(frozen=True, slots=True)
class KindModel:
    """Labels (the four kinds, then ``other``), one bias per label, per feature one weight per label, and the
    confidence from which a detected kind is sure (chosen on held-out writers by ``bench/train_kinds.py``)."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    sure: float

    def probabilities(self, feats: list[str]) -> list[float]:
        scores = list(self.bias)
        weights = self.weights
        scale = word_scale(feats, weights)
        get, leads = weights.get, WORD_FEATURE_LEADS
        for feature in feats:
            row = get(feature)
            if row is not None:
                x = scale if feature[0] in leads else 1.0  # ``is_word_feature``, inlined
                for i, w in enumerate(row):
                    scores[i] += w * x
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def classify(self, text: str, scores: dict[str, float], kinds: tuple[str, ...]) -> tuple[str, float]:
        """The likeliest of ``kinds`` for ``text`` and its probability (``other`` is never the answer: it only
        lowers the confidence)."""
        probs = dict(zip(self.labels, self.probabilities(features(text, scores)), strict=True))
        best = max(kinds, key=lambda k: probs.get(k, 0.0))
        return best, round(probs.get(best, 0.0), 2)


def parse(data: dict) -> KindModel:
    """The model from its JSON (or cached) form; ``ValueError`` when the rows do not fit the labels."""
    labels = tuple(data["labels"])
    weights = {f: row if type(row) is tuple else tuple(map(float, row)) for f, row in data["weights"].items()}
    if any(len(row) != len(labels) for row in weights.values()) or len(data["bias"]) != len(labels):
        raise ValueError("every weight row needs one number per label")
    sure = float(data["sure"])
    if not 0.0 <= sure <= 1.0:
        raise ValueError("sure must be between 0 and 1")
    return KindModel(labels, tuple(float(b) for b in data["bias"]), weights, sure)


@lru_cache(maxsize=4)
def load(path: str) -> KindModel:
    """The model in ``path``, read once per process (the parsed form is kept in the user cache)."""
    from .. import cache

    stamp = cache.stat_stamp([Path(path)])
    key = cache.key("kind-model-1", stamp)
    raw = cache.load("kind-model", key)
    if raw is not None:
        try:
            return parse(raw)
        except (KeyError, TypeError, ValueError):
            pass  # a damaged entry: rebuild it
    from .errors import RuleError

    try:
        model = parse(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleError(path, None, f"cannot read the kind model ({exc})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RuleError(path, None, f"not a kind model ({exc})") from None
    cache.store(
        "kind-model",
        key,
        {"labels": list(model.labels), "bias": list(model.bias), "weights": model.weights, "sure": model.sure},
    )
    return model
