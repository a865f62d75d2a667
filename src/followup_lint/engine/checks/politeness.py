"""``politeness``: a politeness meter in [-1, 1] for the report, and a finding when a draft reads as impolite.

The meter weighs politeness strategies (gratitude, greetings, hedges, "could you", apologies, direct
questions, "why", sentences starting with "so"/"but", "you need to", ...; see ``politeness_features``) with
weights learned from the Stanford Politeness Corpus (``rules/_data/politeness-weights.yaml``, fitted by
``bench/train_politeness.py``), and the draft's least polite sentence as the learned sentence tone model reads it:
``politeness = 2 * sigmoid(bias + sum(weight * feature)) * tone_keep - 1``. Read as a probability, the strategies
give the chance the message reads as polite, and ``tone_keep`` the chance its worst sentence does not spoil that.
A sentence a phrase rule of the tone category reports as a warning counts as one the model reads as surely not
polite (``phrase_keep``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Severity
from ..errors import RuleError
from ..patterns import token_view
from ..schema import Field
from .base import Check
from .politeness_features import FEATURES, sentences_of, strategy_features

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

DEFAULT_WEIGHTS = "politeness-weights.yaml"


@lru_cache(maxsize=8)
def load_weights(path: str) -> tuple[float, dict[str, float]]:
    """The bias and per-feature weights stored in a weights file (read once per process)."""
    from ..loader import read_data_file

    try:
        data = read_data_file(Path(path))  # from the user cache while the file is unchanged
    except RuleError as exc:
        raise RuleError(path, "weights", f"cannot read the politeness weights: {exc.problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise RuleError(path, "weights", "needs `bias` and a `weights` mapping")
    weights = data["weights"]
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise RuleError(path, "weights", f"unknown features: {', '.join(unknown)}")
    try:
        return float(data.get("bias", 0.0)), {name: float(value) for name, value in weights.items()}
    except (TypeError, ValueError):
        raise RuleError(path, "weights", "bias and weights must be numbers") from None


def weights_path(rule_path: str | None, name: str = DEFAULT_WEIGHTS) -> str:
    """The weights file: ``_data/<name>`` beside the rule's category folder, else the built-in one."""
    from ..loader import builtin_rules_dir

    if rule_path:
        local = Path(rule_path).resolve().parent.parent / "_data" / name
        if local.is_file():
            return str(local)
    return str(builtin_rules_dir() / "_data" / name)


def meter_value(bias: float, weights: dict[str, float], features: dict[str, float]) -> float:
    """``2 * sigmoid(z) - 1`` of the linear score, in [-1, 1]."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return math.tanh(z / 2)


def body_sentences(doc: Document) -> list[Any]:
    """The spaCy sentences of the draft's body that hold at least one word."""
    return _body(doc)[0]


def _body(doc: Document) -> tuple[list[Any], list[list[str]]]:
    """The body's sentences and their tokens for the strategies, worked out once per draft."""
    return doc.polite_sentences


def find_sentences(doc: Document) -> tuple[list[Any], list[list[str]]]:
    """The ``polite_sentences`` analysis (``pipeline.ANALYSES``): the body's sentences that hold a word, and
    their tokens for the strategies (``sentences_of``)."""
    start = doc.draft.body_start
    alpha = token_view(doc.doc).columns["is_alpha"]
    sentences = [s for s in doc.doc.sents if s.end_char > start and any(alpha[s.start : s.end])]
    return sentences, sentences_of(sentences)


def politeness_of(doc: Document, path: str | None = None) -> float:
    """The politeness of the draft's body in [-1, 1] (0 for a draft with no words)."""
    sentences, norms = _body(doc)
    if not sentences:
        return 0.0
    bias, weights = load_weights(path or weights_path(None))
    value = meter_value(bias, weights, strategy_features(norms))
    return round((1.0 + value) * tone_keep(doc) - 1.0, 2)


#: Tone rules whose findings are not phrase findings: the sentence model (already in ``tone_keep``) and the meter.
_NOT_PHRASES = frozenset({"tone.model", "tone.politeness"})


def tone_keep(doc: Document) -> float:
    """The share of the strategies' politeness the draft's worst sentence leaves, from the learned sentence tone
    model: all of it up to the model's ``suggest`` threshold, then falling in step with the sentence's
    probability of being polite, to none for a sentence surely not polite. Strategies alone scored an insulting
    reply +0.63 and a complaining, demanding check-in +0.99; one such sentence is what a reader remembers.
    A product, not a penalty subtracted and cut at -1: the strategies still order the messages the tone
    model doubts (subtracting up to 2 tied a fifth of the impolite Stack Exchange requests at -1)."""
    reading = doc.tone
    worst = reading.worst
    if worst <= reading.suggest:
        return 1.0
    return (1.0 - worst) / (1.0 - reading.suggest)


def phrase_keep(doc: Document, findings: list[Finding]) -> float:
    """The share of the meter a phrase rule's tone warning leaves: as much as a sentence the tone model reads
    halfway between its ``warn`` threshold and certainty (a listed phrasing is precise), so the meter falls
    below 0. The linter saying "this reads as a demand" with the meter at +0.99 beside it told the user two
    things (a listed reproach, "per my last email", is one the model may read weakly). Suggestions, a guess,
    leave it all."""
    if not any(
        f.category == "tone" and f.severity >= Severity.WARNING and f.rule not in _NOT_PHRASES for f in findings
    ):
        return 1.0
    reading = doc.tone
    sure = (1.0 + reading.warn) / 2
    return (1.0 - sure) / (1.0 - reading.suggest) if sure > reading.suggest else 1.0


def politeness_metric(doc: Document) -> float:
    """The ``politeness`` metric (``pipeline.METRICS``)."""
    return politeness_of(doc)


def always_measured(doc: Document, findings: list[Finding]) -> None:
    """A finalizer: every report carries the meter, also when the rule is ignored, or the draft was skipped
    (empty, not English); a phrase rule's tone warning lowers it where the worst sentence did not already."""
    if "politeness" not in doc.metrics:
        doc.metrics["politeness"] = politeness_of(doc)
    phrase = phrase_keep(doc, findings)
    if phrase < 1.0 and body_sentences(doc):
        model = tone_keep(doc)
        if phrase < model:
            doc.metrics["politeness"] = round((1.0 + doc.metrics["politeness"]) * phrase / model - 1.0, 2)


class Politeness(Check):
    """Adds ``politeness`` to the report's metrics; fires when it is below the ``min`` option."""

    fields: ClassVar[dict[str, Field]] = {
        "weights": Field(str, False, f"the weights file in rules/_data/ (default {DEFAULT_WEIGHTS})"),
        "covers": Field(
            bool, False, "false: a deferring rule (the tone model) does not give way to this rule's finding"
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        limit = rule.options.get("min")
        if not isinstance(limit, (int, float)) or isinstance(limit, bool) or not -1 <= limit <= 1:
            raise RuleError(rule.path, "options.min", "must be a number between -1 and 1")
        load_weights(weights_path(rule.path, rule.spec.get("weights", DEFAULT_WEIGHTS)))

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.path = weights_path(rule.path, rule.spec.get("weights", DEFAULT_WEIGHTS))

    def prepare(self) -> None:
        load_weights(self.path)

    def run(self, doc: Document) -> Iterator[Finding]:
        value = politeness_of(doc, self.path)
        doc.metrics["politeness"] = value
        if value >= self.rule.options["min"] or not body_sentences(doc):
            return
        start, end = self._least_polite(doc)
        yield self.finding(doc, start, end, values={"value": f"{value:+.2f}", "limit": self.rule.options["min"]})

    def _least_polite(self, doc: Document) -> tuple[int, int]:
        """The span of the sentence the tone model reads as least polite, when one costs the meter anything;
        else the sentence whose own strategies weigh most against politeness."""
        reading = doc.tone
        if reading.worst > reading.suggest:
            start, end, *_ = max(reading.sentences, key=lambda judged: judged[3])
            text = doc.source[start:end]
            return start + len(text) - len(text.lstrip()), start + len(text.rstrip())
        _, weights = load_weights(self.path)
        best: tuple[float, int, int] | None = None
        for sent, norms in zip(*_body(doc), strict=True):
            found = strategy_features([norms])
            z = sum(weights.get(name, 0.0) * value for name, value in found.items())
            text = doc.source[sent.start_char : sent.end_char]
            start = sent.start_char + len(text) - len(text.lstrip())
            end = sent.start_char + len(text.rstrip())
            if best is None or z < best[0]:
                best = (z, start, end)
        assert best is not None
        return best[1], best[2]
