"""The readiness score (0-100) and its one-line verdict, and the detected message kind, as report metrics.

A finalizer: it runs after every check and reads the findings. The weights are data
(``rules/_data/kind-readiness.yaml``); the formula is documented in ``docs/readiness.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...model import Finding, Severity

if TYPE_CHECKING:
    from ..document import Document

WEIGHTS_FILE = "kind-readiness.yaml"


@dataclass(frozen=True, slots=True)
class Weights:
    """Penalty per severity, the factor for repeated findings of one rule, its cap, and the score caps; the rules
    whose finding, at any severity, means the draft is not ready (with the verdict to give) and their cap."""

    severity: dict[Severity, float]
    repeat: float
    rule_cap: float
    cap: dict[Severity, float]
    not_ready: dict[str, str]
    not_ready_cap: float


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The weights, read once per process."""
    from ..errors import RuleError
    from ..loader import builtin_rules_dir, read_data_file

    path = builtin_rules_dir() / "_data" / WEIGHTS_FILE
    data = read_data_file(path)
    try:
        return Weights(
            severity={s: float(data["weights"][s.label]) for s in Severity},
            repeat=float(data["repeat"]),
            rule_cap=float(data["rule-cap"]),
            cap={s: float(data["cap"][s.label]) for s in Severity},
            not_ready={str(rule): str(text) for rule, text in (data.get("not-ready") or {}).items()},
            not_ready_cap=float(data.get("not-ready-cap", 100)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RuleError(str(path), None, f"cannot read the readiness weights ({exc})") from None


def score(findings: Sequence[Finding]) -> int:
    """The readiness score of a draft with these findings: 100 when there are none."""
    w = weights()
    per_rule = Counter((f.rule, f.severity) for f in findings)
    penalty = 0.0
    for (_, severity), count in per_rule.items():
        base = w.severity[severity]
        penalty += min(base * (1 + w.repeat * (count - 1)), base * w.rule_cap)
    value = max(0.0, 100.0 - penalty)
    for severity in Severity:
        if any(f.severity == severity for f in findings):
            value = min(value, w.cap[severity])
    if any(f.rule in w.not_ready for f in findings):
        value = min(value, w.not_ready_cap)
    return round(value)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def verdict(findings: Sequence[Finding]) -> str:
    """One line saying what to do before sending."""
    counts = Counter(f.severity for f in findings)
    not_ready = weights().not_ready
    blocking = next((not_ready[f.rule] for f in findings if f.rule in not_ready), None)
    if counts[Severity.ERROR]:
        return f"fix {_plural(counts[Severity.ERROR], 'error')} first"
    if counts[Severity.WARNING]:
        timing = sum(1 for f in findings if f.severity == Severity.WARNING and f.category == "timing")
        rest = counts[Severity.WARNING] - timing
        if timing and not rest:
            return blocking or "ready, but check when to send it"
        return f"review {_plural(counts[Severity.WARNING], 'warning')} before sending"
    if blocking is not None:
        return blocking
    if counts[Severity.SUGGESTION]:
        return f"ready to send ({_plural(counts[Severity.SUGGESTION], 'suggestion')} to consider)"
    return "ready to send"


def finalize(doc: Document, findings: list[Finding]) -> None:
    """A finalizer (``pipeline.FINALIZERS``): put the kind, the readiness score and the verdict into the report's
    metrics."""
    from ..kinds import kind_is_sure

    name, confidence = doc.kind
    doc.metrics["kind"] = {
        "name": name,
        "confidence": confidence,
        "detected": not doc.context.kind,
        "sure": kind_is_sure(doc),
    }
    doc.metrics["readiness"] = score(findings)
    doc.metrics["verdict"] = verdict(findings)
