"""How report metrics are shown in the text format: a short label for each metric a draft carries.

Rules that add a metric (politeness, reading grade, kind, readiness, ...) register its display here; metrics
without an entry are left to the JSON report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: metric name → function giving its short text form (None to hide it).
METERS: dict[str, Callable[[Any], str | None]] = {
    "words": lambda v: f"{v} words",
    "sentences": lambda v: f"{v} sentences",
}


def meter(name: str) -> Callable[[Callable[[Any], str | None]], Callable[[Any], str | None]]:
    """Register how metric ``name`` is shown in the text report."""

    def register(fn: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
        METERS[name] = fn
        return fn

    return register


def bar(value: float, low: float, high: float, width: int = 10) -> str:
    """A text bar for ``value`` between ``low`` and ``high``: ``[#####-----]``."""
    filled = round((min(max(value, low), high) - low) / (high - low) * width) if high > low else 0
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def describe(metrics: dict[str, Any]) -> str:
    """The metrics line of one file: ``92 words · 7 sentences · ...``."""
    parts = []
    for name, value in metrics.items():
        show = METERS.get(name)
        text = show(value) if show else None
        if text:
            parts.append(text)
    return " · ".join(parts)
