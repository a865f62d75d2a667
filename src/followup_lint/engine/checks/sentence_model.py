"""``sentence-model``: each sentence of the body judged by the learned tone model (``engine.sentence_tone``).

A sentence whose probability of not being polite reaches the model's ``suggest`` threshold is reported with its
likeliest label's message and rewrite advice (``labels`` in the rule file); from ``warn`` as a warning, below
it as a suggestion: severity follows the model's confidence. The thresholds were chosen on a dev split of
writers the model never trained on. Sentences a phrase rule of the same category already reports are left to
that rule, whose rewrite is more precise (``Linter`` drops the overlapping model finding).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding, Severity
from ..errors import RuleError
from ..kinds import kind_is_sure
from ..schema import Field
from ..sentence_tone import ToneModel, load, tokens
from .base import Check
from .politeness import body_sentences, weights_path
from .structure import closing

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

DEFAULT_MODEL = "tone-model.json"
#: Sentences shorter than this (words, with "!" and "?") are not judged: the model learned from whole sentences
#: (four let a short insult through to it; polite four-word lines are in its training data).
MIN_WORDS = 4
#: The share of a sentence's words the model must have seen in training to judge it (names, addresses and
#: sentences of another language are not its to judge).
MIN_KNOWN = 0.6
_GREETING_WORDS = frozenset({"hi", "hello", "dear", "hey", "greetings", "good"})
#: A line that starts with one of these and a colon is a reference or subject line, not a sentence.
_HEADING_LABELS = frozenset({"re", "subject", "ref", "fw", "fwd"})


class SentenceModel(Check):
    """Reports sentences the tone model judges not polite, one finding per sentence."""

    fields: ClassVar[dict[str, Field]] = {
        "labels": Field(dict, True, "for each label of the model: message and suggestion"),
        "model": Field(str, False, f"the model file in rules/_data/ (default {DEFAULT_MODEL})"),
        "defer": Field(bool, False, "give way to an overlapping finding of another rule of the same category"),
        "several": Field(
            dict, False, "from, count, share, message: several sentences that each lean one way make one finding"
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        labels = rule.spec.get("labels")
        if not isinstance(labels, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("message"), str) for v in labels.values()
        ):
            raise RuleError(rule.path, "labels", "must map each label to a message and a suggestion")
        try:
            model = load(weights_path(rule.path, rule.spec.get("model", DEFAULT_MODEL)))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise RuleError(rule.path, "model", f"cannot read the model ({exc})") from None
        missing = [label for label in model.labels[1:] if label not in labels]
        if missing:
            raise RuleError(rule.path, "labels", f"needs a message for {', '.join(missing)}")
        several = rule.spec.get("several")
        if several is not None:
            least, count = several.get("from"), several.get("count")
            if not isinstance(least, (int, float)) or isinstance(least, bool) or not 0 < least < 1:
                raise RuleError(rule.path, "several.from", "must be a probability between 0 and 1")
            if not isinstance(count, int) or isinstance(count, bool) or count < 2:
                raise RuleError(rule.path, "several.count", "must be a whole number of at least 2")
            share = several.get("share", 0.0)
            if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 <= share <= 1:
                raise RuleError(rule.path, "several.share", "must be a fraction between 0 and 1")
            if not isinstance(several.get("message"), str):
                raise RuleError(rule.path, "several.message", "must be the message for such a finding")

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.path = weights_path(rule.path, rule.spec.get("model", DEFAULT_MODEL))
        self.labels: dict[str, dict[str, str]] = rule.spec["labels"]
        self.model: ToneModel | None = None

    def prepare(self) -> None:
        self.model = load(self.path)

    def run(self, doc: Document) -> Iterator[Finding]:
        model = self.model or load(self.path)
        reading = doc.tone if self.path == default_path() else read_tone(doc, model)
        least = max(model.suggest, float(self.rule.options.get("report-from", 0.0)))
        reported = False
        for start, end, label, p in reading.sentences:
            if p < least:
                continue
            reported = True
            texts = self.labels[label]
            yield self.finding(
                doc,
                start,
                end,
                message=texts["message"],
                suggestion=texts.get("suggestion"),
                severity=None if p >= model.warn else Severity.SUGGESTION,
                values={"label": label, "confidence": f"{p:.0%}"},
            )
        several = self.rule.spec.get("several")
        if reported or not several:
            return
        leaning = [s for s in reading.sentences if s[3] >= several["from"]]
        if len(leaning) >= several["count"] and len(leaning) >= several.get("share", 0.0) * len(reading.sentences):
            # No sentence is sure enough alone, but several lean the same way: one finding, on the likeliest,
            # as a suggestion (a reader takes the message as a whole).
            start, end, label, p = max(leaning, key=lambda s: s[3])
            texts = self.labels[label]
            yield self.finding(
                doc,
                start,
                end,
                message=several["message"].format(label=label, count=len(leaning)),
                suggestion=texts.get("suggestion"),
                severity=Severity.SUGGESTION,
                values={"label": label, "confidence": f"{p:.0%}"},
            )


@dataclass(frozen=True, slots=True)
class ToneReading:
    """Each judged sentence of the body (span, likeliest non-polite label, probability of not being polite)
    and the model's ``suggest`` threshold (the politeness meter's penalty starts there) and ``warn`` threshold."""

    sentences: list[tuple[int, int, str, float]]
    suggest: float
    warn: float = 1.0

    @property
    def worst(self) -> float:
        return max((p for *_, p in self.sentences), default=0.0)


def default_path() -> str:
    return weights_path(None, DEFAULT_MODEL)


def tone(doc: Document) -> ToneReading:
    """The ``tone`` analysis (``pipeline.ANALYSES``): the body's sentences read by the shipped tone model."""
    return read_tone(doc, load(default_path()))


def read_tone(doc: Document, model: ToneModel) -> ToneReading:
    """The body's sentences read by ``model``: the subject, greeting and closing lines, signatures and
    fragments are not judged."""
    return ToneReading(list(_judge(doc, model)), model.suggest, model.warn)


def _judge(doc: Document, model: ToneModel) -> Iterator[tuple[int, int, str, float]]:
    layout = doc.layout
    # The message itself: after the greeting (and a letter's address blocks before it), before the closing
    # (and the signature block after it).
    first = layout.greeting.end if layout.greeting is not None else doc.draft.body_start
    # The kind's prior odds apply when the kind is given or surely detected (not on a guess).
    kind, confidence = doc.kind if model.kind_odds and kind_is_sure(doc) else (None, 0.0)
    end = closing(doc)
    last = end[0] if end is not None else len(doc.prose)
    for sentence in body_sentences(doc):
        if not first <= sentence.start_char < last:
            continue
        text = doc.source[sentence.start_char : sentence.end_char]
        verdict = _verdict(model, text, kind, confidence)
        if verdict is None:
            continue  # a heading, a greeting, a signature, a fragment, or words the model never saw
        label, p = verdict
        start = sentence.start_char + len(text) - len(text.lstrip())
        yield start, sentence.start_char + len(text.rstrip()), label, p


#: ``(sentence, kind, confidence) -> (model, verdict)``: a sentence's verdict depends on its text alone, so an
#: editor's re-lint after a keystroke judges only the sentence that changed.
_VERDICTS: dict[tuple[str, str | None, float], tuple[ToneModel, tuple[str, float] | None]] = {}
_MOST_VERDICTS = 20_000


def _verdict(model: ToneModel, text: str, kind: str | None, confidence: float) -> tuple[str, float] | None:
    """The likeliest non-polite label and its probability for one sentence, or None when it is not judged."""
    key = (text, kind, confidence)
    known = _VERDICTS.get(key)
    if known is not None and known[0] is model:
        return known[1]
    words = tokens(text)
    verdict = None
    if not (
        len(words) < MIN_WORDS
        or (words[0] in _GREETING_WORDS and len(words) <= 8)
        or (words[0] in _HEADING_LABELS and text.lstrip()[len(words[0]) : len(words[0]) + 1] == ":")
        or model.coverage(text) < MIN_KNOWN
    ):
        verdict = model.judge(text, kind, confidence)
    if len(_VERDICTS) >= _MOST_VERDICTS:
        _VERDICTS.clear()
    _VERDICTS[key] = (model, verdict)
    return verdict
