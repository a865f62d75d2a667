"""``metric``: compare a number measured on the draft (words, characters, ...) with thresholds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ... import pipeline
from ...model import Finding, Severity
from ..errors import RuleError
from ..schema import Field, check_fields, string_list
from .base import Check
from .structure import letter_shaped

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_BAND_FIELDS = {
    "option": Field(str, True, "the option holding the limit"),
    "message": Field(str, False, "the message (default: the rule's)"),
    "suggestion": Field(str, False, "the suggestion (default: the rule's)"),
    "severity": Field(str, False, "the severity (default: the rule's)"),
    "letter": Field(
        dict,
        False,
        "`severity`, `message`, `suggestion` when the draft is laid out as a letter (a greeting on its own line and "
        "paragraphs), not as a one-box note; with `option` naming a string option: auto (the layout decides), "
        "always (every draft is a note: the band's own texts) or never (a letter-shaped draft is not reported)",
    ),
}
_LETTER_FIELDS = {
    "option": Field(str, False, "a string option: auto, always or never"),
    "severity": Field(str, False, "the severity for a letter-shaped draft"),
    "message": Field(str, False, "the message for a letter-shaped draft"),
    "suggestion": Field(str, False, "the suggestion for a letter-shaped draft"),
    "note-cues": Field(
        list,
        False,
        "regexes (case-insensitive): with the mode auto, a one-paragraph draft is taken for a one-box note only when "
        "one of them matches (a request to connect); otherwise it gets the letter texts too",
    ),
}
_LETTER_MODES = ("auto", "always", "never")


class Metric(Check):
    """Fires when the metric is above the ``above`` limit or below the ``below`` limit."""

    fields: ClassVar[dict[str, Field]] = {
        "metric": Field(str, True, f"one of: {', '.join(sorted(pipeline.METRICS))}"),
        "above": Field(dict, False, "fires when the value exceeds the option named by `option`"),
        "below": Field(dict, False, "fires when the value is under the option named by `option`"),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        if rule.spec["metric"] not in pipeline.METRICS:
            raise RuleError(rule.path, "metric", f"unknown metric (known: {', '.join(sorted(pipeline.METRICS))})")
        if not rule.spec.get("above") and not rule.spec.get("below"):
            raise RuleError(rule.path, "above", "a metric rule needs `above` or `below`")
        for key in ("above", "below"):
            band = rule.spec.get(key)
            if band is None:
                continue
            check_fields(rule.path, band, _BAND_FIELDS, key + ".")
            option = band["option"]
            if not isinstance(rule.options.get(option), (int, float)) or isinstance(rule.options[option], bool):
                raise RuleError(rule.path, f"{key}.option", f"names {option!r}, which is not a number in options")
            letter = band.get("letter")
            if letter is not None:
                check_fields(rule.path, letter, _LETTER_FIELDS, f"{key}.letter.")
                mode = letter.get("option")
                if mode is not None and rule.options.get(mode) not in _LETTER_MODES:
                    raise RuleError(rule.path, f"{key}.letter.option", f"names {mode!r}, not an option set to auto")
                cues = string_list(rule.path, f"{key}.letter.note-cues", letter.get("note-cues", []))
                for cue in cues:
                    try:
                        re.compile(cue)
                    except re.error as exc:
                        raise RuleError(
                            rule.path, f"{key}.letter.note-cues", f"invalid regular expression: {exc}"
                        ) from None
            for where, spec in ((key, band), (f"{key}.letter", letter or {})):
                if "severity" in spec:
                    try:
                        Severity.parse(spec["severity"])
                    except ValueError as exc:
                        raise RuleError(rule.path, f"{where}.severity", str(exc)) from None

    def run(self, doc: Document) -> Iterator[Finding]:
        name = self.rule.spec["metric"]
        value = doc.metric(name)
        for key in ("above", "below"):
            band = self.rule.spec.get(key)
            if not band:
                continue
            limit = self.rule.options[band["option"]]
            if (key == "above" and value > limit) or (key == "below" and value < limit):
                start = end = doc.draft.body_start
                start = end = start + len(doc.prose[start:]) - len(doc.prose[start:].lstrip())
                locate = pipeline.LOCATORS.get(name)
                if key == "above" and locate is not None:
                    past = pipeline.resolve(locate)(doc, int(limit))
                    if past is not None:
                        start, end = past, doc.body_end
                texts = self._texts(doc, band)
                if texts is None:
                    continue
                severity = Severity.parse(texts["severity"]) if "severity" in texts else None
                yield self.finding(
                    doc,
                    start,
                    end,
                    message=texts.get("message"),
                    suggestion=texts.get("suggestion"),
                    severity=severity,
                    values={"value": round(value, 1) if value % 1 else int(value), "limit": limit},
                )

    def _texts(self, doc: Document, band: dict) -> dict | None:
        """The band's texts and severity for this draft: its ``letter`` ones when the draft is laid out as a
        letter (and the mode option says the layout decides), None when such a draft is not reported."""
        letter = band.get("letter")
        if letter is None:
            return band
        mode = self.rule.options.get(letter["option"], "auto") if "option" in letter else "auto"
        if mode == "always" or (not letter_shaped(doc) and _note_cued(doc, letter)):
            return band
        if mode == "never":
            return None
        texts = {**band, **{k: v for k, v in letter.items() if k not in ("option", "note-cues")}}
        if self.rule.severity_configured:
            texts.pop("severity", None)
        return texts


def _note_cued(doc: Document, letter: dict) -> bool:
    """Whether a one-paragraph draft reads as a one-box note: always without ``note-cues``, else when one matches
    (a follow-up to someone already connected is a message, which has no such limit)."""
    cues = letter.get("note-cues")
    if isinstance(cues, str):
        cues = [cues]
    return not cues or any(_cue(cue).search(doc.prose) for cue in cues)


@lru_cache(maxsize=64)
def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
