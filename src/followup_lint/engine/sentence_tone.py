"""A compact learned model of a sentence's tone: polite, or one of seven ways a follow-up goes wrong.

Softmax regression over sparse features of one sentence: lowercase words (marked when a negation covers them:
"don't need an answer" is not "need an answer"), word pairs, word beginnings (so "ridiculously" shares
evidence with "ridiculous"), and a few marks of tone (a question, exclamation marks, a word in capitals, a
half-censored swear word, a sentence that starts with "you"), and cues of the clause that many wordings
share (``CUES``: one's own record set against a rejection, the chosen candidate found wanting, a reproach
addressed to the reader, a deadline the reader is to meet, praise that turns sour, an ironic tag, the silence
read as an answer). The
weights are data
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


_ME = r"\b(?:i|i'm|i've|my|me)\b"
#: The words of one's own record ("my experience was overlooked") and of the person chosen instead: each cue's
#: gate (a word the sentence must hold) and its pattern are made from the same list.
_MERIT_WORDS = (
    "experience",
    "qualifications",
    "qualification",
    "skills",
    "skill",
    "background",
    "record",
    "results",
    "result",
    "performance",
    "profile",
    "credentials",
    "answers",
    "answer",
    "solution",
)
_WHO_WORDS = ("someone", "whoever", "candidate", "applicant", "person", "hire")
_MERIT = r"\b(?:" + "|".join(_MERIT_WORDS) + r")\b"
_WHO = r"\b(?:" + "|".join(_WHO_WORDS) + r")\b"
#: Cues of a clause or a sentence that many wordings share, each a feature the model weighs like a word: one's
#: own record set against the decision, the chosen candidate found wanting, a reproach addressed to the reader, a
#: deadline the reader is to meet, praise that turns sour, an ironic tag, the silence read as an answer. Each has a
#: few words one of which the sentence must hold before its pattern is tried (a set look-up: most sentences try
#: none).
CUES: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = (
    (
        "self-merit",
        frozenset(_MERIT_WORDS),
        re.compile(
            _ME + r".{0,60}" + _MERIT + r".{0,80}\b(?:overlooked|undervalued|ignored|unfair|deserved?|exceeds?|"
            r"surprised?|surprising|makes? no sense|mistake|wrong|proves?|(?:do not|don't|cannot|can't) understand)\b"
            r"|\b(?:given|considering|despite)\b.{0,60}" + _ME + r".{0,40}" + _MERIT,
        ),
    ),
    (
        "other-candidate",
        frozenset(_WHO_WORDS),
        re.compile(
            _WHO + r".{0,60}\b(?:less|fewer|over me|instead of me|than me|than i|better than)\b|\b(?:doubt|question|"
            r"cannot see|can't see|don't see|fail to see|hard to (?:believe|accept))\b.{0,60}" + _WHO
        ),
    ),
    (
        "you-reproach",
        frozenset({"you", "your"}),
        re.compile(
            r"(?<!showed )(?<!told )(?<!asked )(?<!thank )\b(?:you|your (?:team|panel|recruiter|company|firm|"
            r"process|office|hr))(?: \w+)? (?:never|failed|didn't bother|did not bother|can't be bothered|"
            r"couldn't be bothered|ignored|wasted|forgot|clearly|obviously|should have|owe)\b"
        ),
    ),
    (
        "reader-deadline",
        frozenset({"by", "before", "within"}),
        re.compile(
            r"^(?!.*\b(?:i will|i'll|i can|i could|offer|other|another|they|their|my side|my (?:answer|reply|decision)|"
            r"if possible|if you can|any|would help|"
            r"appreciate|appreciated)\b).*\b(?:by|before|within|no later than)\b(?! last)"
            r".{0,20}\b(?:today|tonight|tomorrow|eod|noon|monday|tuesday|wednesday|thursday|friday|"
            r"end of (?:the )?(?:day|week)|\d+ hours|forty-eight hours|the latest)\b"
        ),
    ),
    (
        "sarcastic-praise",
        frozenset(
            {
                "great",
                "brilliant",
                "fantastic",
                "wonderful",
                "lovely",
                "amazing",
                "cool",
                "perfect",
                "super",
                "awesome",
                "congratulations",
                "congrats",
                "thanks",
                "cheers",
                "nice",
                "good",
                "well",
            }
        ),
        re.compile(
            r"^(?:oh,? |well,? |wow,? )?(?:great|brilliant|fantastic|wonderful|lovely|amazing|cool|perfect|super|"
            r"awesome|congratulations|congrats|thanks (?:a lot|so much|a million|for nothing)|cheers|nice|"
            r"good job|well done)\b.{0,80}\b(?:rejection|wast\w*|nothing|template|form letter|automated|never|"
            r"finally|only after|ghost\w*|silence|joke|pointless|cheap\w*|clearly|obviously)\b"
        ),
    ),
    (
        "ironic-tag",
        frozenset({"sure", "suppose", "guess", "doubt", "course", "apparently"}),
        re.compile(r",\s*(?:i'm sure|i am sure|i suppose|i guess|no doubt|of course|apparently)\W*$"),
    ),
    (
        "silence-answer",
        frozenset({"silence", "reply", "response", "answer", "hearing"}),
        re.compile(
            r"\b(?:silence|no reply|no response|no answer|not hearing)\b.{0,30}\b(?:means?|answer|as a no|"
            r"says|speaks)\b|\b(?:take|assume|guess|suppose)\b.{0,20}\b(?:silence|no reply|no response)\b"
        ),
    ),
)


def cues(sentence: str, words: list[str] | None = None) -> list[str]:
    """The names of the cues the sentence shows (``words``: its tokens, if already known)."""
    present = set(tokens(sentence) if words is None else words)
    text = None
    out = []
    for name, needs, pattern in CUES:
        if present.isdisjoint(needs):
            continue
        if text is None:
            text = sentence.replace("\u2019", "'").lower()
        if pattern.search(text):
            out.append(name)
    return out


def features(sentence: str) -> list[str]:
    """The sentence's features, each once."""
    words = tokens(sentence)
    marked = [w for clause in _CLAUSE.split(sentence) for w in _negated(tokens(clause))]
    out = {f"w:{w}" for w in marked}
    out.update(f"cue:{name}" for name in cues(sentence, words))
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
