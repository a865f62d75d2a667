"""A compact learned model of a sentence's tone: polite, or one of seven ways a follow-up goes wrong.

Softmax regression over sparse features of one sentence: lowercase words (marked when a negation covers them:
"don't need an answer" is not "need an answer"), word pairs, word beginnings (so "ridiculously" shares
evidence with "ridiculous"), and a few marks of tone (a question, exclamation marks, a word in capitals, a
half-censored swear word, a sentence that starts with "you"). The weights are data
(``rules/_data/tone-model.json``, written by ``bench/train_tone.py``, which reproduces them exactly); scoring a
sentence is a few dictionary look-ups per feature, well under a millisecond.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]")
_CAPS = re.compile(r"\b[A-Z]{3,}\b")
#: A word with letters masked by asterisks ("sh*t", "f***"): a swear word the writer half-censored.
_MASKED = re.compile(r"(?<![A-Za-z*])[A-Za-z]{1,4}(?:\*{1,4}[A-Za-z]{1,6}|\*{2,4})(?![A-Za-z*])")
#: Words whose beginnings say little: short words and very common ones are kept whole only.
PREFIX = 5


def tokens(sentence: str) -> list[str]:
    """Lowercase words (curly apostrophes made straight) and ``!``/``?`` marks."""
    return _TOKEN.findall(sentence.replace("\u2019", "'").replace("\u2018", "'").lower())


_CLAUSE = re.compile(r"[,;:.()\u2014]|\s-\s")
_NEGATION = frozenset({"not", "no", "never", "nothing", "without", "nor"})
#: How many words after a negation it covers ("I don't need an answer": need, an, answer).
NEGATION_REACH = 3


def _negated(words: list[str]) -> list[str]:
    """The words with the ones a negation covers marked ``not_``: "don't need an answer" is not "need an
    answer". A negation covers the next few words of its clause."""
    out, left = [], 0
    for w in words:
        if left:
            out.append("not_" + w)
            left -= 1
        else:
            out.append(w)
        if w in _NEGATION or w.endswith("n't"):
            left = NEGATION_REACH
    return out


def features(sentence: str) -> list[str]:
    """The sentence's features, each once."""
    words = tokens(sentence)
    marked = [w for clause in _CLAUSE.split(sentence) for w in _negated(tokens(clause))]
    out = {f"w:{w}" for w in marked}
    out.update(f"b:{a}_{b}" for a, b in pairwise(marked))
    out.update(f"p:{w[:PREFIX]}" for w in words if len(w) > PREFIX + 1)
    if words and words[0] == "you":
        out.add("start:you")
    if sentence.count("!") >= 2:
        out.add("mark:!!")
    if _CAPS.search(sentence):
        out.add("mark:caps")
    if _MASKED.search(sentence):
        out.add("mark:masked")
    return sorted(out)


@dataclass(frozen=True, slots=True)
class ToneModel:
    """Labels, one bias per label, and per feature one weight per label; thresholds chosen on a dev split."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    #: Probability of "not polite" (1 - p(polite)) from which a sentence is reported as a warning, and as a
    #: suggestion (the first label is ``polite``).
    warn: float
    suggest: float
    #: Per message kind, how many times likelier each label is in that kind of message than in the training
    #: sentences (a prior: arguing in a reply to a rejection, impatience in a check-in); 1 where not given.
    kind_odds: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def probabilities(self, sentence: str, kind: str | None = None, confidence: float = 1.0) -> list[float]:
        """The probability of each label; with ``kind``, shifted by that kind's prior odds (in proportion to
        the confidence in the kind: odds ** confidence)."""
        scores = list(self.bias)
        odds = self.kind_odds.get(kind) if kind else None
        if odds is not None:
            for i, o in enumerate(odds):
                scores[i] += confidence * math.log(o)
        for feature in features(sentence):
            row = self.weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    scores[i] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def coverage(self, sentence: str) -> float:
        """The share of the sentence's words the model has a weight for."""
        words = [w for w in tokens(sentence) if w.isalpha()]
        return sum(f"w:{w}" in self.weights for w in words) / len(words) if words else 0.0

    def judge(self, sentence: str, kind: str | None = None, confidence: float = 1.0) -> tuple[str, float]:
        """The likeliest label other than ``polite``, and the probability that the sentence is not polite (in a
        message of ``kind``, if given)."""
        probs = self.probabilities(sentence, kind, confidence)
        best = max(range(1, len(probs)), key=probs.__getitem__)
        return self.labels[best], 1.0 - probs[0]


def parse(data: dict) -> ToneModel:
    labels = tuple(data["labels"])
    # From the cache the rows are tuples of floats already (marshal keeps them): only a file needs converting.
    weights = {f: row if type(row) is tuple else tuple(map(float, row)) for f, row in data["weights"].items()}
    if any(len(row) != len(labels) for row in weights.values()) or len(data["bias"]) != len(labels):
        raise ValueError("every weight row needs one number per label")
    kind_odds = {}
    for kind, by_label in (data.get("kind_odds") or {}).items():
        unknown = set(by_label) - set(labels)
        if unknown or any(float(v) <= 0 for v in by_label.values()):
            raise ValueError(f"kind_odds.{kind}: needs positive odds for known labels")
        kind_odds[kind] = tuple(float(by_label.get(label, 1.0)) for label in labels)
    return ToneModel(
        labels,
        tuple(float(b) for b in data["bias"]),
        weights,
        float(data["warn"]),
        float(data["suggest"]),
        kind_odds,
    )


@lru_cache(maxsize=4)
def load(path: str) -> ToneModel:
    """The model in ``path``, read once per process (the parsed form is kept in the user cache)."""
    from .. import cache

    stamp = cache.stat_stamp([Path(path)])
    key = cache.key("tone-model-3", stamp)
    raw = cache.load("tone-model", key)
    if raw is None:
        model = parse(json.loads(Path(path).read_text(encoding="utf-8")))
        raw = {
            "labels": list(model.labels),
            "bias": list(model.bias),
            "weights": model.weights,
            "warn": model.warn,
            "suggest": model.suggest,
            "kind_odds": {kind: dict(zip(model.labels, odds, strict=True)) for kind, odds in model.kind_odds.items()},
        }
        cache.store("tone-model", key, raw)
        return model
    return parse(raw)
