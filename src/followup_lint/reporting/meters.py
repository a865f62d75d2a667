"""How report metrics are shown in the text format: a short label for each metric a draft carries.

``pipeline.METERS`` names the function that shows each metric; metrics without one are left to the JSON report.
"""

from __future__ import annotations

from typing import Any

from .. import pipeline


def bar(value: float, low: float, high: float, width: int = 10) -> str:
    """A text bar for ``value`` between ``low`` and ``high``: ``[#####-----]``."""
    filled = round((min(max(value, low), high) - low) / (high - low) * width) if high > low else 0
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def describe(metrics: dict[str, Any]) -> str:
    """The metrics line of one file: ``92 words · 7 sentences · ...``."""
    parts = []
    for name, value in metrics.items():
        ref = pipeline.METERS.get(name)
        text = pipeline.resolve(ref)(value) if ref else None
        if text:
            parts.append(text)
    return " · ".join(parts)


def show_words(value: Any) -> str | None:
    return f"{value} words"


def show_sentences(value: Any) -> str | None:
    return f"{value} sentences"


def show_kind(value: Any) -> str | None:
    if not isinstance(value, dict) or "name" not in value:
        return None
    if not value.get("detected", True):
        return str(value["name"])
    if not value.get("confidence"):
        return f"{value['name']} (assumed: no cue found; set --kind)"
    if value.get("sure") is False:
        sure = round(float(value["confidence"]) * 100)
        return f"{value['name']} (assumed: only {sure}% sure, rules for a kind are off; set --kind)"
    return f"{value['name']} (detected, {round(float(value.get('confidence', 0)) * 100)}% sure)"


def show_readiness(value: Any) -> str | None:
    return f"readiness {value}/100" if isinstance(value, (int, float)) else None


def show_verdict(value: Any) -> str | None:
    return str(value) if value else None


def show_politeness(value: Any) -> str | None:
    """The meter, its bar and what it means: ``(value + 1) / 2`` is the chance the message reads as polite (the
    politeness strategies' chance, less what its least polite sentence takes away); below 0, a sentence or the
    message as a whole is more likely to read as impolite than not."""
    if not isinstance(value, (int, float)):
        return None
    reading = "reads as polite" if value >= 0.5 else "borderline" if value >= 0 else "may read as impolite"
    return f"politeness {value:+.2f} {bar(value, -1.0, 1.0)} {reading}"


def show_grade(value: Any) -> str | None:
    return f"grade {value:g}" if isinstance(value, (int, float)) and value > 0 else None
