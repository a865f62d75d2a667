"""``metric``: compare a number measured on the draft (words, characters, ...) with thresholds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ... import pipeline
from ...model import Finding, Severity
from ..errors import RuleError
from ..schema import Field, check_fields
from .base import Check

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

_BAND_FIELDS = {
    "option": Field(str, True, "the option holding the limit"),
    "message": Field(str, False, "the message (default: the rule's)"),
    "suggestion": Field(str, False, "the suggestion (default: the rule's)"),
    "severity": Field(str, False, "the severity (default: the rule's)"),
}


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
            if "severity" in band:
                try:
                    Severity.parse(band["severity"])
                except ValueError as exc:
                    raise RuleError(rule.path, f"{key}.severity", str(exc)) from None

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
                severity = Severity.parse(band["severity"]) if "severity" in band else None
                yield self.finding(
                    doc,
                    start,
                    end,
                    message=band.get("message"),
                    suggestion=band.get("suggestion"),
                    severity=severity,
                    values={"value": round(value, 1) if value % 1 else int(value), "limit": limit},
                )
